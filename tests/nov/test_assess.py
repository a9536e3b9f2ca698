"""The final assessment at NOV through the real command line: read, refuse, grant, register.

Every refusal is one Dutch line (exit 1, no traceback) and leaves NOV's store as it was.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.nov.assess_helpers import Chain, make_chain, output, review_everything, run

from goedgeregeld.nov.store.database import open_nov_store
from goedgeregeld.nov.store.figures import national_figures


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Chain:
    return make_chain(tmp_path, monkeypatch)


def refused_at_nov(chain: Chain, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a NOV command that must fail; the store must not change."""
    assert run(chain.nov, "nov", "assess", "list") == 0  # the store exists before we compare
    before = chain.nov_rows()
    capsys.readouterr()
    assert run(chain.nov, *args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert chain.nov_rows() == before
    return err


def test_a_ready_review_of_a_certified_adviser_is_put_before_the_assessor(chain, capsys) -> None:
    said = output(
        chain.nov, "nov", "assess", "import", str(chain.review_file), str(chain.evaluation_file)
    )
    assert "ter beoordeling ingelezen (adviseur Anna de Vries)" in said
    listed = json.loads(output(chain.nov, "nov", "assess", "list", "--json"))
    assert [(r["evaluation_id"], r["status"]) for r in listed] == [(chain.evaluation_id, "pending")]
    shown = json.loads(output(chain.nov, "nov", "assess", "show", chain.evaluation_id, "--json"))
    assert shown["blocking"] == [] and shown["eligible_after_review"] is True
    assert all(s["verdict"] == "agree" for s in shown["statements"])


def test_the_review_alone_asks_for_its_evaluation_file(chain, capsys) -> None:
    err = refused_at_nov(chain, capsys, "nov", "assess", "import", str(chain.review_file))
    assert "het evaluatiebestand van deze zelfevaluatie ontbreekt" in err


def test_a_review_that_is_not_ready_is_refused(chain, tmp_path, capsys) -> None:
    review_everything(chain.adviser, chain.evaluation_id, decision="not_yet")
    not_ready = tmp_path / "not-ready.ggreview"
    assert run(chain.adviser, "review", "export", chain.evaluation_id, "-o", str(not_ready)) == 0
    err = refused_at_nov(
        chain, capsys, "nov", "assess", "import", str(not_ready), str(chain.evaluation_file)
    )
    assert "niet 'klaar voor keurmerk' besloten" in err


def test_an_uncertified_advisers_review_is_refused(chain, tmp_path, capsys) -> None:
    rogue = tmp_path / "rogue"
    assert run(rogue, "adviser", "register", "--name", "Anna de Vries") == 0
    assert run(rogue, "import", str(chain.evaluation_file)) == 0
    review_everything(rogue, chain.evaluation_id)
    forged = tmp_path / "rogue.ggreview"
    assert run(rogue, "review", "export", chain.evaluation_id, "-o", str(forged)) == 0
    err = refused_at_nov(
        chain, capsys, "nov", "assess", "import", str(forged), str(chain.evaluation_file)
    )
    assert "niet van een erkend adviseur" in err
    err = refused_at_nov(
        chain, capsys, "nov", "assess", "grant", chain.evaluation_id, "-o", str(tmp_path / "x")
    )
    assert "ligt niet bij NOV ter beoordeling" in err


def test_a_changed_evaluation_file_is_refused(chain, tmp_path, capsys) -> None:
    from tests.exchange.exchange_helpers import read_members, write_members

    members = read_members(chain.evaluation_file)
    members["evaluation.json"] = members["evaluation.json"].replace(b'"value": 3', b'"value": 2', 1)
    changed = write_members(tmp_path / "changed.ggeval", members)
    err = refused_at_nov(
        chain, capsys, "nov", "assess", "import", str(chain.review_file), str(changed)
    )
    assert "geweigerd" in err or "ondertekend" in err


def test_granting_writes_a_four_year_certificate_that_verifies(chain, tmp_path, capsys) -> None:
    certificate = chain.granted()
    capsys.readouterr()
    assert run(tmp_path / "any", "verify", str(certificate)) == 0
    said = capsys.readouterr().out
    assert "keurmerkcertificaat KM-" in said and "verificatiecode" in said
    document = json.loads(certificate.read_text())["document"]
    assert document["evaluation_id"] == chain.evaluation_id
    assert date.fromisoformat(document["valid_until"]).year == date.today().year + 4
    marks = json.loads(output(chain.nov, "nov", "marks", "list", "--json"))
    assert [(m["number"], m["state"]) for m in marks] == [(document["number"], "valid")]
    # Granting again hands out the same certificate, under the same number.
    again = tmp_path / "again.ggkeurmerk"
    assert run(chain.nov, "nov", "assess", "grant", chain.evaluation_id, "-o", str(again)) == 0
    assert again.read_text() == certificate.read_text()


def test_refusing_needs_a_reason_and_records_it(chain, capsys) -> None:
    assert (
        run(
            chain.nov, "nov", "assess", "import", str(chain.review_file), str(chain.evaluation_file)
        )
        == 0
    )
    err = refused_at_nov(
        chain, capsys, "nov", "assess", "refuse", chain.evaluation_id, "--reason", "  "
    )
    assert "geef een reden op" in err
    assert run(chain.nov, "nov", "assess", "refuse", chain.evaluation_id, "--reason",
               "De VOG-regeling ontbreekt in de bewijsstukken.") == 0  # fmt: skip
    listed = json.loads(output(chain.nov, "nov", "assess", "list", "--json"))
    assert listed[0]["status"] == "refused"
    assert listed[0]["reason"] == "De VOG-regeling ontbreekt in de bewijsstukken."


def test_nov_counts_marks_from_its_register_not_from_sync_claims(chain, tmp_path) -> None:
    from tests.nov.nov_helpers import document, write

    claims = document(
        "00000000-0000-4000-8000-00000000beef",
        1,
        marks=[(f"00000000-0000-4000-8000-{n:012d}", 2024, None, None) for n in range(20)],
    )
    assert run(chain.nov, "nov", "aggregate", str(write(tmp_path / "claims.json", claims))) == 0
    store = open_nov_store(chain.nov)
    try:
        assert national_figures(store)["quality_marks"].total == 0
    finally:
        store.close()
    certificate = chain.granted()
    number = json.loads(certificate.read_text())["document"]["number"]
    store = open_nov_store(chain.nov)
    try:
        assert national_figures(store)["quality_marks"].by_year() == {date.today().year: 1}
    finally:
        store.close()
    # Withdrawn: the register says so, the CSV lists it, and it no longer counts.
    assert run(chain.nov, "nov", "revoke", "--certificate", number, "-o",
               str(tmp_path / "revoked")) == 0  # fmt: skip
    marks = json.loads(output(chain.nov, "nov", "marks", "list", "--json"))
    assert marks[0]["state"] == "withdrawn"
    csv = tmp_path / "register.csv"
    assert run(chain.nov, "nov", "marks", "csv", "-o", str(csv)) == 0
    lines = csv.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("nummer;organisatie;provincie")
    assert (
        lines[1].startswith(f"{number};Hospice De Linde;Gelderland;") and "ingetrokken" in lines[1]
    )
    store = open_nov_store(chain.nov)
    try:
        assert national_figures(store)["quality_marks"].total == 0
    finally:
        store.close()


def test_revoking_withdraws_the_mark_in_the_nov_database_named(chain, tmp_path) -> None:
    """``nov revoke --database`` reaches the register where the mark was granted."""
    url = f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    assert run(chain.nov, "nov", "assess", "import", str(chain.review_file),
               str(chain.evaluation_file), "--database", url) == 0  # fmt: skip
    certificate = tmp_path / "keurmerk.ggkeurmerk"
    assert run(chain.nov, "nov", "assess", "grant", chain.evaluation_id, "-o", str(certificate),
               "--database", url) == 0  # fmt: skip
    number = json.loads(certificate.read_text())["document"]["number"]
    assert run(chain.nov, "nov", "revoke", "--certificate", number, "-o",
               str(tmp_path / "revoked"), "--database", url) == 0  # fmt: skip
    marks = json.loads(output(chain.nov, "nov", "marks", "list", "--json", "--database", url))
    assert [(m["number"], m["state"]) for m in marks] == [(number, "withdrawn")]


def test_the_certificate_pdf_names_the_organisation_and_the_code(chain, tmp_path) -> None:
    from pypdf import PdfReader

    certificate = chain.granted()
    number = json.loads(certificate.read_text())["document"]["number"]
    pdf = tmp_path / "keurmerk.pdf"
    assert run(chain.nov, "nov", "marks", "pdf", number, "-o", str(pdf)) == 0
    text = PdfReader(pdf).pages[0].extract_text()
    marks = json.loads(output(chain.nov, "nov", "marks", "list", "--json"))
    assert "Hospice De Linde" in text and number in text
    assert marks[0]["verification_code"] in text
