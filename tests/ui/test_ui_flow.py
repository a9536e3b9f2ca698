"""The whole first-run flow through the widgets, keyboard only, to a 100% eligible result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from tests.ui.conftest import wait_for_page

from goedgeregeld.questionnaire.catalog import find_edition


def press(qtbot, key, text: str = "") -> None:
    """Send a key to whatever has the keyboard focus, as a user's key press would."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QApplication.sendEvent(
        widget, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    )
    QApplication.sendEvent(
        widget, QKeyEvent(QKeyEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, text)
    )


def type_text(qtbot, text: str) -> None:
    for char in text:
        press(qtbot, Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_Space, char)


def test_first_run_to_eligible_with_the_keyboard_only(start_app, qtbot) -> None:
    edition = find_edition()  # a new evaluation uses the default edition
    app = start_app(first_run=True)
    welcome = wait_for_page(qtbot, app, "WelcomePage")
    assert welcome.start_button.hasFocus(), QApplication.focusWidget()
    press(qtbot, Qt.Key.Key_Space, " ")
    role = wait_for_page(qtbot, app, "RolePage")
    assert role.buttons[role.chosen()].text().startswith("Organisatie")
    press(qtbot, Qt.Key.Key_Tab)
    assert role.next_button.hasFocus()
    press(qtbot, Qt.Key.Key_Space, " ")
    profile = wait_for_page(qtbot, app, "ProfilePage", lambda p: p.variant_label.text() != "")
    assert profile.name_edit.hasFocus()
    type_text(qtbot, "Stichting Toets")
    press(qtbot, Qt.Key.Key_Tab)  # place
    press(qtbot, Qt.Key.Key_Tab)  # province
    press(qtbot, Qt.Key.Key_Tab)  # volunteers
    assert profile.volunteers_spin.hasFocus()
    profile.volunteers_spin.selectAll()
    type_text(qtbot, "250")
    qtbot.waitUntil(lambda: "volledige versie" in profile.variant_label.text())
    assert (
        "250" not in profile.variant_label.text()
        and "100 of meer vrijwilligers" in profile.variant_label.text()
    )
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert profile.save_button.hasFocus()
    press(qtbot, Qt.Key.Key_Space, " ")
    home = wait_for_page(
        qtbot, app, "HomePage", lambda p: p.overview is not None and p.overview.current
    )
    assert home.title.text() == "Stichting Toets"
    assert home.new_button.hasFocus()
    press(qtbot, Qt.Key.Key_Space, " ")
    page = wait_for_page(qtbot, app, "FillInPage", lambda p: p.state is not None)
    assert len(page._all_ids()) == len(edition.statements_by_id)
    for _ in range(len(edition.statements_by_id)):
        press(qtbot, Qt.Key.Key_3, "3")
    qtbot.waitUntil(lambda: page.finish_button.hasFocus(), timeout=15_000)
    assert page.progress_label.text().startswith(f"{len(edition.statements_by_id)} van")
    press(qtbot, Qt.Key.Key_Space, " ")
    results = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    assert results.data.result.total == 100.0
    assert results.data.result.eligible
    assert results.total_label.text() == "Totaalscore: 100%"
    assert "haalt alle eisen" in results.verdict_label.text()
    assert results.data.state.evaluation.is_completed
