"""A re-assessment on screen: the home button, cards taken over, confirming, the compare page."""

from __future__ import annotations

from tests.ui.conftest import wait_for_page

from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.store.evaluations import (
    complete_evaluation,
    load_state,
    save_answer,
    start_evaluation,
)
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.words import CARRIED_TO_CONFIRM, START_FROM_PREVIOUS


def _completed(db, edition, value: int = 2) -> tuple[str, str]:
    organisation = create_organisation(db, "Sportclub De Bal", volunteers=300, paid_fte=5)
    evaluation = start_evaluation(db, organisation.id, edition)
    for sid in load_state(db, evaluation.id).score().open_statements:
        save_answer(db, evaluation.id, sid, value)
    save_answer(db, evaluation.id, "waardering.2", 0)
    complete_evaluation(db, evaluation.id)
    return organisation.id, evaluation.id


def test_new_round_from_previous_marks_cards_and_confirms(db, edition, start_app, qtbot) -> None:
    _org, previous = _completed(db, edition)
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert home.again_button.text() == START_FROM_PREVIOUS and home.again_button.isEnabled()
    home.again_button.click()
    page = wait_for_page(
        qtbot, app, "FillInPage", lambda p: p.state is not None and p.state.evaluation.carried_from
    )
    state = page.state
    assert state.evaluation.carried_from == previous
    assert state.edition.version == find_edition().version
    # It opens on what failed last time, shown as taken over.
    assert page.current_statement_id() == "waardering.2"
    card = page._card("waardering.2")
    assert card.state_label.text() == CARRIED_TO_CONFIRM and card.confirm_button.isVisible()
    assert card.value() == 0 and "waardering.2" not in page.answers
    assert page.next_carried_button.isVisible() and not page.finish_button.isEnabled()
    card.confirm_button.click()
    qtbot.waitUntil(lambda: "waardering.2" in page.answers)
    assert "waardering.2" not in load_state(db, state.evaluation.id).to_confirm
    # Confirming moves on to the next to confirm: here the first new statement of the edition.
    nxt = page.current_statement_id()
    assert nxt is not None and nxt != "waardering.2"
    assert nxt == page.carried.order[1]
    page._go_to("waardering.2")
    card = page._card("waardering.2")
    assert card.is_saved and not card.confirm_button.isVisible()


def test_shift_f3_walks_what_waits(db, edition, start_app, qtbot) -> None:
    from goedgeregeld.store.reassessment import start_from

    org, previous = _completed(db, edition, 3)
    start_from(db, org, find_edition(), previous)
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    home.continue_button.click()
    page = wait_for_page(qtbot, app, "FillInPage", lambda p: p.state is not None)
    order = page.carried.order
    assert page.current_statement_id() == order[0]
    page.go_to_next_to_confirm()
    assert page.current_statement_id() == order[1]


def test_compare_across_editions_shows_statement_rows(db, edition, start_app, qtbot) -> None:
    org, _previous = _completed(db, edition, 1)
    newer = start_evaluation(db, org, find_edition())
    for sid in load_state(db, newer.id).score().open_statements:
        save_answer(db, newer.id, sid, 3)
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    home.table.selectRow(0)
    home.compare_button.click()
    page = wait_for_page(qtbot, app, "ComparePage", lambda p: p.comparison is not None)
    assert page.comparison.across_editions
    assert "Elke themascore telt volgens zijn eigen vragenlijst" in page.note.text()
    texts = [
        page.statement_model.data(page.statement_model.index(r, 5))
        for r in range(page.statement_model.rowCount())
    ]
    assert "nieuw" in texts and "gesplitst" in texts
