"""The report of an evaluation filled in by several respondents: the spread, never the names."""

from __future__ import annotations

from pathlib import Path

from report_helpers import pdf_text, squeeze

from goedgeregeld.domain import RespondentRole
from goedgeregeld.report.advice import write_advice_report
from goedgeregeld.report.spread_chart import spread_chart_svg
from goedgeregeld.scoring import Variant, all_required
from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.respondents import (
    add_respondent,
    agree,
    merged_view,
    save_respondent_answer,
)


def test_spread_section_names_no_one(db, edition, tmp_path: Path) -> None:
    org = create_organisation(db, "Buurthuis", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(db, org.id, edition)
    asked = [s.id for s in all_required(edition, Variant.SMALL)]
    chair = add_respondent(db, evaluation.id, "Kanarie Voorzitter", RespondentRole.BOARD)
    floor = add_respondent(db, evaluation.id, "Kanarie Vrijwilliger", RespondentRole.VOLUNTEER)
    for sid in asked:
        save_respondent_answer(db, chair.id, sid, 3, note="Kanarie-notitie")
        save_respondent_answer(db, floor.id, sid, 2)
        agree(db, evaluation.id, sid, 2)
    save_respondent_answer(db, floor.id, asked[0], 0)
    text = squeeze(
        pdf_text(write_advice_report(db, evaluation.id, tmp_path / "r.pdf", invariant=True))
    )
    assert squeeze("Meerdere stemmen") in text and squeeze("Spreiding per thema") in text
    assert squeeze("Waarover men het oneens was") in text and squeeze("0 tot 3") in text
    assert "Kanarie" not in text
    # The app's chart is the same drawing, with the respondents in its legend.
    view = merged_view(db, evaluation.id)
    svg = spread_chart_svg(view.themes, [(chair.id, "Ans"), (floor.id, "Bas")], 600, 300)
    assert b"Ans" in svg and b"DejaVu Sans" in svg


def test_one_voice_has_no_spread_section(db, make_evaluation, tmp_path: Path) -> None:
    only = make_evaluation(name="Alleen")
    text = squeeze(pdf_text(write_advice_report(db, only, tmp_path / "r.pdf", invariant=True)))
    assert squeeze("Meerdere stemmen") not in text
