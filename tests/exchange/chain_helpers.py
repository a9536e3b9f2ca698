"""Helpers for tests that need the chain from NOV's root: a trusted NOV and a certified adviser."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedgeregeld.cli import main
from goedgeregeld.trust.root import ROOT_ENV, use_trust_root


def trusted_nov(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """NOV's data folder with a programme key that this test process trusts."""
    use_trust_root(None)
    nov = folder / "nov"
    if not (nov / "keys" / "nov-programme-ed25519.pem").exists():
        assert main(["--data-dir", str(nov), "nov", "keys", "init"]) == 0
        assert (
            main(["--data-dir", str(nov), "nov", "keys", "public", "-o", str(folder / "nov.pub")])
            == 0
        )
    monkeypatch.setenv(ROOT_ENV, str(folder / "nov.pub"))
    return nov


def certify_adviser(adviser_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The registered adviser in ``adviser_dir`` asks NOV for a certificate and imports it."""
    nov = trusted_nov(folder, monkeypatch)
    request, certificate = folder / f"{adviser_dir.name}.req", folder / f"{adviser_dir.name}.cert"
    assert main(["--data-dir", str(adviser_dir), "adviser", "request", "-o", str(request)]) == 0
    assert (
        main(["--data-dir", str(nov), "nov", "certify", str(request), "-o", str(certificate)]) == 0
    )
    assert main(["--data-dir", str(adviser_dir), "import", str(certificate)]) == 0
    return certificate
