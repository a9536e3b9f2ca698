"""Organisation pages: why Afronden waits, the comparison's totals, remembered save folders."""

from __future__ import annotations

from datetime import date

from tests.ui.conftest import wait_for_page

from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.store.evaluations import (
    complete_evaluation,
    load_state,
    save_answer,
    start_evaluation,
)
from goedgeregeld.store.organisations import create_organisation


def test_afronden_says_why_it_waits(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Sportclub De Bal", volunteers=20, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, edition)
    open_ids = list(load_state(db, evaluation.id).score().open_statements)
    for sid in open_ids[:-2]:
        save_answer(db, evaluation.id, sid, 2)
    app = start_app(first_run=False)
    app.flow.show_fill_in(evaluation.id)
    page = wait_for_page(qtbot, app, "FillInPage", lambda p: p.state is not None)
    assert not page.finish_button.isEnabled()
    reason = page.bar.finish_reason
    assert reason.isVisibleTo(page)
    assert reason.text() == "Afronden kan zodra alles is beantwoord: nog 2 stellingen open."
    assert page.finish_button.toolTip() == reason.text()
    page._save_answer(open_ids[-2], 2)
    qtbot.waitUntil(lambda: "nog 1 stelling open" in reason.text(), timeout=5000)
    page._save_answer(open_ids[-1], 2)
    qtbot.waitUntil(page.finish_button.isEnabled, timeout=5000)
    assert not reason.isVisibleTo(page) and page.finish_button.toolTip() == ""


def _completed(db, organisation_id: str, edition, value, na: tuple[str, ...] = ()) -> str:
    evaluation = start_evaluation(db, organisation_id, edition)
    for sid in load_state(db, evaluation.id).score().open_statements:
        save_answer(db, evaluation.id, sid, "na" if sid in na else value)
    complete_evaluation(db, evaluation.id)
    return evaluation.id


def test_the_comparison_shows_the_total_and_the_mark(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Sportclub De Bal", volunteers=300, paid_fte=5)
    _completed(db, organisation.id, edition, 1)
    newer = _completed(db, organisation.id, edition, 3)
    app = start_app(first_run=False)
    app.flow.show_compare(newer)
    page = wait_for_page(qtbot, app, "ComparePage", lambda p: p.comparison is not None)
    assert page.totals_label.text() == (
        "Totaalscore: vorige keer 33,3%, nu 100% (+66,7 procentpunt)\n"
        "Keurmerk: vorige keer nog niet alle eisen gehaald, nu alle eisen gehaald"
    )


def test_across_editions_n_v_t_is_not_counted(db, edition) -> None:
    from goedgeregeld.store.comparison import compare_with_previous

    organisation = create_organisation(db, "Sportclub De Bal", volunteers=300, paid_fte=5)
    _completed(db, organisation.id, edition, 2, na=("visie.1",))
    newer_edition = find_edition()
    newer = start_evaluation(db, organisation.id, newer_edition)
    for sid in load_state(db, newer.id).score().open_statements:
        save_answer(db, newer.id, sid, 2)
    comparison = compare_with_previous(db, newer.id)
    assert comparison is not None and comparison.across_editions
    theme = next(t for t in comparison.themes if t.theme_id == "visie")
    scored = [s for s in comparison.statements if s.theme_id == "visie" and s.change is not None]
    assert theme.shared_statements == len(scored)
    assert not any(
        s.previous_answers == ("na",) for s in comparison.statements if s.change is not None
    )
    with_sources = [s for s in comparison.statements if s.theme_id == "visie" and s.sources]
    assert len(with_sources) > theme.shared_statements  # the n.v.t. one is left out


def test_save_dialogs_propose_the_organisation_and_the_year() -> None:
    from goedgeregeld.ui.adviser.file_actions import suggested_name

    assert (
        suggested_name("adviesrapport", "Sportclub De Bal/Oost", ".pdf")
        == f"adviesrapport-Sportclub De Bal-Oost-{date.today().year}.pdf"
    )


def test_sharing_says_what_the_file_holds_before_the_password(qtbot) -> None:
    from goedgeregeld.ui.core.exchange_security import ExportLockDialog

    dialog = ExportLockDialog()
    qtbot.addWidget(dialog)
    text = dialog.intro.text()
    assert ".ggeval" in text and "bewijsstukken" in text and "plan van aanpak" in text
    layout = dialog.layout()
    assert layout.indexOf(dialog.intro) < layout.indexOf(dialog.lock)
