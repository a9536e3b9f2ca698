"""Filling in: the small variant asks only core statements; a new sitting resumes in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from tests.ui.conftest import stop, wait_for_page

from goedgeregeld.store.evaluations import load_state, start_evaluation
from goedgeregeld.store.organisations import create_organisation


def key(widget, key, text: str = "") -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    )


def open_draft(start_app, qtbot):
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    home.continue_button.click()
    page = wait_for_page(qtbot, app, "FillInPage", lambda p: p.state is not None)
    return app, page


def test_small_organisation_is_asked_only_core_statements(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Klein Clubje", volunteers=20, paid_fte=0.5)
    start_evaluation(db, organisation.id, edition)
    _app, page = open_draft(start_app, qtbot)
    core = [s.id for s in edition.statements_by_id.values() if s.core]
    assert page._all_ids() == core
    assert len(core) < len(edition.statements_by_id)
    assert all("kernstelling" in card.number_label.text() for card in page.cards)


def test_a_new_sitting_returns_to_the_last_statement(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Groot", volunteers=300, paid_fte=5)
    evaluation = start_evaluation(db, organisation.id, edition)
    app, page = open_draft(start_app, qtbot)
    for value in ("2", "3", "1"):
        card = next(c for c in page.cards if c.hasFocus())
        key(card, Qt.Key(ord(value)), value)
    key(next(c for c in page.cards if c.hasFocus()), Qt.Key.Key_Down)
    page.switch_theme(1)
    page.switch_theme(1)
    wanted = page.cards[1].statement_id
    page._go_to(wanted)
    qtbot.waitUntil(lambda: page.current_statement_id() == wanted)
    qtbot.waitUntil(lambda: len(page.answers) == 3)
    assert all(page._card(sid) is None or page._card(sid).is_saved for sid in page.answers)
    stop(app)
    assert load_state(db, evaluation.id).evaluation.last_statement_id == wanted
    _again, page = open_draft(start_app, qtbot)
    assert page.current_statement_id() == wanted
    assert page.theme_list.currentIndex().row() == 2
    assert len(page.answers) == 3


def test_next_open_statement_skips_answered_ones(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Groot", volunteers=300, paid_fte=5)
    start_evaluation(db, organisation.id, edition)
    _app, page = open_draft(start_app, qtbot)
    first, second, third = page._all_ids()[:3]
    key(page._card(first), Qt.Key.Key_3, "3")
    key(page._card(second), Qt.Key.Key_N, "n")
    qtbot.waitUntil(lambda: len(page.answers) == 2)
    page._go_to(first)
    page.next_open_button.click()
    assert page.current_statement_id() == third
    assert page.answers[second].not_applicable


def test_a_capital_n_answers_not_applicable(db, edition, start_app, qtbot) -> None:
    # Seen under Xvfb: the card shows "N", a user typed Shift+N and nothing happened.
    organisation = create_organisation(db, "Groot", volunteers=300, paid_fte=5)
    start_evaluation(db, organisation.id, edition)
    _app, page = open_draft(start_app, qtbot)
    first = page._all_ids()[0]
    QApplication.sendEvent(
        page._card(first),
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier, "N"),
    )
    qtbot.waitUntil(lambda: first in page.answers)
    assert page.answers[first].not_applicable


def test_with_a_draft_the_main_button_is_going_on(db, edition, start_app, qtbot) -> None:
    # Seen under Xvfb: after a restart the big blue button said "Nieuwe zelfevaluatie starten".
    organisation = create_organisation(db, "Groot", volunteers=300, paid_fte=5)
    start_evaluation(db, organisation.id, edition)
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert home.continue_button.objectName() == "primary"
    assert home.new_button.objectName() != "primary"


def test_the_page_says_which_keys_answer(db, edition, start_app, qtbot) -> None:
    # Seen under Xvfb: nothing on screen told a new user that 0-3 and N answer a statement.
    organisation = create_organisation(db, "Groot", volunteers=300, paid_fte=5)
    start_evaluation(db, organisation.id, edition)
    _app, page = open_draft(start_app, qtbot)
    assert page.keyboard_hint.isVisible()
    assert "0, 1, 2, 3 of N" in page.keyboard_hint.text()
