"""The chain from NOV's root through the real command line: certificates, revocations, verify.

Every attack is refused with its own Dutch reason and leaves the database as it was.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.exchange.container.keys import load_key_file
from goedgeregeld.exchange.rooted.document import document_bytes
from goedgeregeld.trust.root import ROOT_ENV, use_trust_root


def run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def rows(folder: Path) -> list[str]:
    connection = sqlite3.connect(database_path(folder))
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """NOV with a programme key it trusts, an adviser with a request."""
    use_trust_root(None)
    nov, adviser = tmp_path / "nov", tmp_path / "adv"
    assert run(nov, "nov", "keys", "init") == 0
    assert run(nov, "nov", "keys", "public", "-o", str(tmp_path / "nov.pub")) == 0
    monkeypatch.setenv(ROOT_ENV, str(tmp_path / "nov.pub"))
    assert (
        run(adviser, "adviser", "register", "--name", "Anna de Vries", "--region", "Utrecht") == 0
    )
    assert run(adviser, "adviser", "request", "-o", str(tmp_path / "anna.req")) == 0
    return {"nov": nov, "adviser": adviser, "root": tmp_path / "nov.pub", "dir": tmp_path}


def certify(chain: dict[str, Path], name: str = "anna.cert", *extra: str) -> Path:
    out = chain["dir"] / name
    assert (
        run(chain["nov"], "nov", "certify", str(chain["dir"] / "anna.req"), "-o", str(out), *extra)
        == 0
    )
    return out


def refused(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    before = rows(folder) if database_path(folder).exists() else None
    assert run(folder, *args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if before is not None:
        assert rows(folder) == before
    return err


def test_a_genuine_certificate_verifies_and_the_adviser_keeps_it(chain, capsys) -> None:
    cert = certify(chain)
    assert run(chain["dir"] / "any", "verify", str(cert)) == 0
    assert "Geldig: adviseurscertificaat" in capsys.readouterr().out
    assert run(chain["adviser"], "import", str(cert)) == 0
    assert "ADV-" in rows(chain["adviser"]).__str__()


def test_a_changed_certificate_fails_to_verify(chain, capsys) -> None:
    cert = certify(chain)
    cert.write_text(cert.read_text().replace("Anna de Vries", "Anna de Vriez"))
    err = refused(chain["dir"] / "any", capsys, "verify", str(cert))
    assert "veranderd na het ondertekenen" in err


def test_a_certificate_not_signed_by_the_root_is_refused(chain, capsys) -> None:
    cert = certify(chain)
    # A rogue "NOV": same content, signed by the adviser's own installation key.
    rogue = load_key_file(chain["adviser"] / "keys" / "installation-ed25519.pem", create=False)
    assert rogue is not None
    whole = json.loads(cert.read_text())
    forged = chain["dir"] / "forged.cert"
    forged.write_bytes(document_bytes(whole["format"], whole["document"], rogue))
    err = refused(chain["adviser"], capsys, "import", str(forged))
    assert "niet ondertekend door de vertrouwde NOV-sleutel" in err
    err = refused(chain["dir"] / "any", capsys, "verify", str(forged))
    assert "niet ondertekend door de vertrouwde NOV-sleutel" in err


def test_a_certificate_for_another_key_is_refused(chain, capsys) -> None:
    cert = certify(chain)
    other = chain["dir"] / "other"
    assert run(other, "adviser", "register", "--name", "Anna de Vries") == 0
    err = refused(other, capsys, "import", str(cert))
    assert "hoort bij een andere sleutel" in err


def test_an_expired_certificate_is_refused(chain, capsys, monkeypatch) -> None:
    cert = certify(
        chain, "anna.cert", "--valid-until", (date.today() + timedelta(days=1)).isoformat()
    )

    class Later(date):
        @classmethod
        def today(cls) -> date:
            return date.today() + timedelta(days=3)

    import goedgeregeld.exchange.root_documents as checking

    monkeypatch.setattr(checking, "date", Later)
    err = refused(chain["adviser"], capsys, "import", str(cert))
    assert "is verlopen op" in err
    assert refused(chain["dir"] / "any", capsys, "verify", str(cert))


def test_a_past_end_date_is_refused_by_nov(chain, capsys) -> None:
    err = refused(
        chain["nov"],
        capsys,
        "nov",
        "certify",
        str(chain["dir"] / "anna.req"),
        "-o",
        str(chain["dir"] / "x.cert"),
        "--valid-until",
        "2020-01-01",
    )
    assert "ligt niet na vandaag" in err


def _number(cert: Path) -> str:
    return str(json.loads(cert.read_text())["document"]["number"])


def test_a_revoked_certificate_is_refused_and_fails_to_verify(chain, capsys) -> None:
    cert = certify(chain)
    listing = chain["dir"] / "lijst1"
    assert (
        run(chain["nov"], "nov", "revoke", "--certificate", _number(cert), "-o", str(listing)) == 0
    )
    assert run(chain["adviser"], "import", str(listing)) == 0
    err = refused(chain["adviser"], capsys, "import", str(cert))
    assert "ingetrokken" in err
    assert "ingetrokken" in refused(chain["nov"], capsys, "verify", str(cert))


def test_a_revoked_adviser_key_gets_no_new_certificate(chain, capsys) -> None:
    capsys.readouterr()
    assert run(chain["adviser"], "whoami", "--json") == 0
    fingerprint = json.loads(capsys.readouterr().out)["fingerprint"]
    listing = chain["dir"] / "lijst"
    assert (
        run(
            chain["nov"],
            "nov",
            "revoke",
            "--adviser",
            fingerprint.replace(" ", "-"),
            "-o",
            str(listing),
        )
        == 0
    )
    err = refused(
        chain["nov"],
        capsys,
        "nov",
        "certify",
        str(chain["dir"] / "anna.req"),
        "-o",
        str(chain["dir"] / "x"),
    )
    assert "ingetrokken" in err


def test_a_replayed_older_revocation_list_is_refused(chain, capsys) -> None:
    cert = certify(chain)
    first, second = chain["dir"] / "lijst1", chain["dir"] / "lijst2"
    assert (
        run(chain["nov"], "nov", "revoke", "--certificate", "ADV-2026-00000001", "-o", str(first))
        == 0
    )
    assert (
        run(chain["nov"], "nov", "revoke", "--certificate", _number(cert), "-o", str(second)) == 0
    )
    organisation = chain["dir"] / "org"
    assert run(organisation, "import", str(second)) == 0
    err = refused(organisation, capsys, "import", str(first))
    assert "ouder dan nr. 2" in err
    # The newest list holds every earlier revocation too.
    entries = json.loads(second.read_text())["document"]["revocations"]
    assert {e["number"] for e in entries} == {"ADV-2026-00000001", _number(cert)}
    capsys.readouterr()
    assert run(organisation, "import", str(second)) == 0
    assert "al ingelezen" in capsys.readouterr().out


def test_a_bad_trust_root_is_one_dutch_line(chain, capsys, tmp_path) -> None:
    cert = certify(chain)
    bogus = tmp_path / "bogus.pub"
    bogus.write_text("{}")
    capsys.readouterr()
    assert (
        main(["--trust-root", str(bogus), "--data-dir", str(tmp_path / "any"), "verify", str(cert)])
        == 1
    )
    use_trust_root(None)
    assert "is geen NOV-sleutel" in capsys.readouterr().err


def test_the_shipped_root_does_not_trust_a_new_programme_key(chain, capsys, monkeypatch) -> None:
    cert = certify(chain)
    monkeypatch.delenv(ROOT_ENV)
    err = refused(chain["dir"] / "any", capsys, "verify", str(cert))
    assert "niet ondertekend door de vertrouwde NOV-sleutel" in err
