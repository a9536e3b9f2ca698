"""The report's comparison with the previous evaluation, also across editions."""

from __future__ import annotations

from pathlib import Path

from report_helpers import pdf_text, squeeze

from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.report.advice import write_advice_report
from goedgeregeld.scoring import statement_numbers
from goedgeregeld.store.evaluations import load_state, save_answer, start_evaluation
from goedgeregeld.store.reassessment import start_from


def test_comparison_across_editions_and_answers_to_confirm(
    db, make_evaluation, tmp_path: Path
) -> None:
    first = make_evaluation(name="Sportclub", value_for=lambda _i, _s: 1)
    organisation_id = load_state(db, first).evaluation.organisation_id
    newer = start_evaluation(db, organisation_id, find_edition())
    for sid in load_state(db, newer.id).score().open_statements:
        save_answer(db, newer.id, sid, 3)
    text = squeeze(pdf_text(write_advice_report(db, newer.id, tmp_path / "r.pdf", invariant=True)))
    assert squeeze("Vergelijking met de vorige zelfevaluatie") in text
    assert squeeze("De vorige keer werd vragenlijst 2026.1 gebruikt, nu 2027.1") in text
    old = load_state(db, first)
    number = statement_numbers(old.edition, old.variant)["inspraak.1"]
    assert squeeze("+66,7 procentpunten") in text
    # The user never saw the internal id: the source is named by its number last time.
    assert squeeze(f"gesplitst uit stelling {number} van vorige keer") in text
    assert "inspraak.1" not in text
    # A re-assessment's report prints what still waits for confirmation as such.
    again = start_from(db, organisation_id, find_edition(), newer.id)
    text = squeeze(pdf_text(write_advice_report(db, again.id, tmp_path / "a.pdf", invariant=True)))
    assert squeeze("overgenomen — nog bevestigen") in text


def test_first_evaluation_has_no_comparison(db, make_evaluation, tmp_path: Path) -> None:
    only = make_evaluation(name="Eerste")
    text = squeeze(pdf_text(write_advice_report(db, only, tmp_path / "r.pdf", invariant=True)))
    assert squeeze("Vergelijking met de vorige zelfevaluatie") not in text
