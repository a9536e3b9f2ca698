"""The organisation's keurmerk: only from a certificate that verifies and fits its evaluation.

Each forged certificate goes through the real ``import`` and ``verify`` and leaves the
organisation's database exactly as it was.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.nov.assess_helpers import Chain, make_chain, output, run

from goedgeregeld.exchange.container.keys import load_installation_key, load_key_file
from goedgeregeld.exchange.keurmerk.format import KEURMERK_FORMAT
from goedgeregeld.exchange.rooted.document import document_bytes
from goedgeregeld.exchange.rooted.programme import programme_key_path


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Chain:
    return make_chain(tmp_path, monkeypatch)


def keurmerk(chain: Chain) -> dict | None:
    return json.loads(output(chain.org, "eval", "show", chain.evaluation_id, "--json"))["keurmerk"]


def refused(chain: Chain, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """A command on the organisation's installation that must fail and change nothing."""
    before = chain.org_rows()
    capsys.readouterr()
    assert run(chain.org, *args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert chain.org_rows() == before
    return err


def resigned(source: Path, target: Path, key_path: Path, **changes: str) -> Path:
    """The certificate's content with ``changes``, signed anew with the key in ``key_path``."""
    content = json.loads(source.read_text())["document"] | changes
    key = load_key_file(key_path, create=False)
    assert key is not None
    target.write_bytes(document_bytes(KEURMERK_FORMAT, content, key))
    return target


def test_a_genuine_certificate_gives_the_mark_for_four_years(chain) -> None:
    assert keurmerk(chain) is None  # the adviser's "ready" alone gives no mark
    certificate = chain.granted()
    assert run(chain.org, "import", str(certificate)) == 0
    mark = keurmerk(chain)
    assert mark is not None and mark["valid"] is True and mark["reminder"] is False
    assert mark["number"].startswith(f"KM-{date.today().year}-")
    assert date.fromisoformat(mark["valid_until"]).year == date.today().year + 4
    text = output(chain.org, "eval", "show", chain.evaluation_id)
    assert "Keurmerk geldig tot" in text
    # Read again: nothing changes.
    before = chain.org_rows()
    assert run(chain.org, "import", str(certificate)) == 0
    assert chain.org_rows() == before


def test_a_tampered_certificate_is_refused(chain, capsys) -> None:
    certificate = chain.granted()
    tampered = chain.dir / "tampered.ggkeurmerk"
    tampered.write_text(certificate.read_text().replace("Hospice De Linde", "Hospice De Lindd"))
    err = refused(chain, capsys, "import", str(tampered))
    assert "veranderd na het ondertekenen" in err
    assert run(chain.dir / "any", "verify", str(tampered)) == 1
    assert keurmerk(chain) is None


def test_a_certificate_for_another_evaluation_hash_is_refused(chain, capsys) -> None:
    certificate = chain.granted()
    other = resigned(
        certificate,
        chain.dir / "other.ggkeurmerk",
        programme_key_path(chain.nov),
        evaluation_hash="0" * 64,
    )
    assert run(chain.dir / "any", "verify", str(other)) == 0  # NOV did sign it
    err = refused(chain, capsys, "import", str(other))
    assert "hoort bij een andere inhoud van de zelfevaluatie" in err
    assert keurmerk(chain) is None


def test_a_certificate_signed_by_a_key_that_is_not_the_root_is_refused(chain, capsys) -> None:
    certificate = chain.granted()
    adviser_key = chain.adviser / "keys" / "installation-ed25519.pem"
    assert load_installation_key(chain.adviser, create=False) is not None
    forged = resigned(certificate, chain.dir / "forged.ggkeurmerk", adviser_key)
    err = refused(chain, capsys, "import", str(forged))
    assert "niet ondertekend door de vertrouwde NOV-sleutel" in err
    assert run(chain.dir / "any", "verify", str(forged)) == 1
    assert keurmerk(chain) is None


def test_a_revocation_list_naming_the_certificate_withdraws_the_mark(chain) -> None:
    certificate = chain.granted()
    assert run(chain.org, "import", str(certificate)) == 0
    number = keurmerk(chain)["number"]  # type: ignore[index]
    revoked = chain.dir / "revoked.json"
    assert run(chain.nov, "nov", "revoke", "--certificate", number, "-o", str(revoked)) == 0
    assert run(chain.org, "import", str(revoked)) == 0
    mark = keurmerk(chain)
    assert mark is not None and mark["valid"] is False and mark["state"] == "revoked"
    assert run(chain.dir / "any", "import", str(revoked)) == 0
    assert run(chain.dir / "any", "verify", str(certificate)) == 1
