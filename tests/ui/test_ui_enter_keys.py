"""Enter goes on where a user expects it to: on the chosen role and in any profile field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.ui.conftest import wait_for_page
from tests.ui.test_ui_flow import press, type_text


def test_enter_on_the_role_and_in_a_profile_field_goes_on(start_app, qtbot) -> None:
    # Seen under Xvfb: Enter on the chosen role and Enter in "Plaats" did nothing.
    app = start_app(first_run=True)
    wait_for_page(qtbot, app, "WelcomePage")
    press(qtbot, Qt.Key.Key_Space, " ")
    role = wait_for_page(qtbot, app, "RolePage")
    assert role.buttons[role.chosen()].hasFocus()
    press(qtbot, Qt.Key.Key_Return, "\r")
    profile = wait_for_page(qtbot, app, "ProfilePage", lambda p: p.variant_label.text() != "")
    type_text(qtbot, "Club")
    press(qtbot, Qt.Key.Key_Tab)
    assert profile.city_edit.hasFocus()
    type_text(qtbot, "Ede")
    press(qtbot, Qt.Key.Key_Return, "\r")
    home = wait_for_page(
        qtbot, app, "HomePage", lambda p: p.overview is not None and p.overview.current
    )
    assert home.title.text() == "Club"
