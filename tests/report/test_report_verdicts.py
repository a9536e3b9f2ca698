"""The PDF summary of a 2027.1 evaluation lists the verdict's reasons before the scores."""

from __future__ import annotations

from pathlib import Path

from report_helpers import pdf_text, squeeze

from goedgeregeld.cli import main
from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation


def test_summary_lists_the_must_have_reason_first(
    db: Database, data_dir: Path, tmp_path: Path
) -> None:
    edition = find_edition()
    organisation = create_organisation(db, "Sportclub", "Utrecht", "Utrecht", 150, 3)
    evaluation = start_evaluation(db, organisation.id, edition)
    for statement_id in edition.statements_by_id:
        save_answer(db, evaluation.id, statement_id, 3)
    save_answer(db, evaluation.id, "veiligheid.2", 1)
    target = tmp_path / "rapport.pdf"
    assert main(["--data-dir", str(data_dir), "report", evaluation.id, "-o", str(target)]) == 0
    text = squeeze(pdf_text(target))
    summary = text[text.index(squeeze("Samenvatting")) :]
    reason = squeeze("heeft een 1; voor het keurmerk is minstens 2 nodig.")
    assert reason in summary
    assert summary.index(reason) < summary.index(squeeze("Totaalscore:"))
    assert (
        squeeze("Uw organisatie haalt de eisen voor het keurmerk nog niet. Dit moet eerst beter:")
        in summary
    )
