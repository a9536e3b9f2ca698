"""Action plan dates: typed the Dutch way in a QDateEdit with a calendar, never a silent guess."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from tests.ui.conftest import wait_for_page

from goedgeregeld.store.actions import add_action, list_actions
from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.models.actions import COLUMNS
from goedgeregeld.ui.widgets.date_edit import DutchDateEdit

OLD = date(2026, 12, 24)


def press(widget, key: Qt.Key, text: str = "") -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    )


def type_text(widget, text: str) -> None:
    """Key presses with their text (QKeyEvents: non-ASCII is safe, unlike keyClicks)."""
    for char in text:
        key = Qt.Key(ord(char)) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        press(widget, Qt.Key(ord(char.upper())) if char.isalpha() and char.isascii() else key, char)


def open_plan(db, edition, start_app, qtbot):
    organisation = create_organisation(db, "Club", volunteers=20, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, edition)
    add_action(db, evaluation.id, "Protocol maken", deadline=OLD)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_action_plan(evaluation.id)
    plan = wait_for_page(qtbot, app, "ActionPlanPage", lambda p: p.actions_model.rowCount() == 1)
    return app, plan, evaluation


def edit_deadline(plan, qtbot, text: str) -> DutchDateEdit:
    index = plan.actions_model.index(0, COLUMNS.index("deadline"))
    plan.table.setCurrentIndex(index)
    plan.table.edit(index)
    editor = plan.table.findChild(DutchDateEdit)
    assert editor is not None and editor.calendarPopup()
    assert editor.lineEdit().inputMask() == ""
    editor.lineEdit().selectAll()
    type_text(editor.lineEdit(), text)
    press(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: plan.table.findChild(DutchDateEdit) is None or not editor.isVisible())
    return editor


@pytest.mark.parametrize("typed", ["1-3-2027", "01-03-2027", "1 maart 2027"])
def test_a_date_typed_the_dutch_way_is_stored(db, edition, start_app, qtbot, typed) -> None:
    _app, plan, evaluation = open_plan(db, edition, start_app, qtbot)
    edit_deadline(plan, qtbot, typed)
    qtbot.waitUntil(lambda: list_actions(db, evaluation.id)[0].deadline == date(2027, 3, 1))
    assert plan.actions_model.rows()[0].deadline == date(2027, 3, 1)
    assert "maart 2027" in plan.actions_model.index(0, COLUMNS.index("deadline")).data()
    assert plan.date_message.isHidden()


def test_an_impossible_date_keeps_the_old_one_and_says_so(db, edition, start_app, qtbot) -> None:
    _app, plan, evaluation = open_plan(db, edition, start_app, qtbot)
    edit_deadline(plan, qtbot, "31-2-2027")
    qtbot.waitUntil(lambda: plan.date_message.isVisibleTo(plan))
    assert "31-2-2027" in plan.date_message.text()
    assert "De datum blijft zoals hij was" in plan.date_message.text()
    qtbot.wait(200)
    assert list_actions(db, evaluation.id)[0].deadline == OLD
    assert plan.actions_model.rows()[0].deadline == OLD
    # Fixing it clears the message.
    edit_deadline(plan, qtbot, "1-3-2027")
    qtbot.waitUntil(lambda: list_actions(db, evaluation.id)[0].deadline == date(2027, 3, 1))
    assert plan.date_message.isHidden()


def test_the_calendar_choice_is_stored(qtbot) -> None:
    editor = DutchDateEdit()
    qtbot.addWidget(editor)
    editor.setDate(QDate(2026, 12, 24))
    editor.typed = "31-2-2027"
    editor.calendarWidget().clicked.emit(QDate(2027, 3, 1))
    assert not editor.typed_is_refused()


def test_opening_and_leaving_an_empty_date_leaves_it_empty(db, edition, start_app, qtbot) -> None:
    _app, plan, evaluation = open_plan(db, edition, start_app, qtbot)
    plan.actions_model.setData(plan.actions_model.index(0, COLUMNS.index("deadline")), None)
    qtbot.waitUntil(lambda: list_actions(db, evaluation.id)[0].deadline is None)
    index = plan.actions_model.index(0, COLUMNS.index("deadline"))
    plan.table.setCurrentIndex(index)
    plan.table.edit(index)
    editor = plan.table.findChild(DutchDateEdit)
    assert editor is not None
    press(editor, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert plan.actions_model.rows()[0].deadline is None
    assert list_actions(db, evaluation.id)[0].deadline is None
