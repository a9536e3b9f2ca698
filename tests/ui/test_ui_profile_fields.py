"""Profile fields: "1,5" and "1.5" are one and a half fte, sizes have a range, stale errors go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from tests.ui.conftest import wait_for_page

from goedgeregeld.store.organisations import list_organisations


def type_into(widget, text: str) -> None:
    keys = {".": Qt.Key.Key_Period, ",": Qt.Key.Key_Comma}
    for char in text:
        key = keys.get(char) or (
            Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        )
        QApplication.sendEvent(
            widget, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
        )


def open_profile(start_app, qtbot):
    app = start_app(first_run=False)  # no organisation yet: the profile comes first
    return app, wait_for_page(qtbot, app, "ProfilePage", lambda p: p.variant_label.text() != "")


@pytest.mark.parametrize("typed", ["1,5", "1.5"])
def test_paid_staff_takes_a_comma_or_a_point(start_app, qtbot, typed) -> None:
    _app, profile = open_profile(start_app, qtbot)
    profile.fte_spin.lineEdit().selectAll()
    type_into(profile.fte_spin.lineEdit(), typed)
    assert profile.fte_spin.value() == 1.5
    assert profile.fte_spin.lineEdit().text() == "1,5"
    assert "korte versie" in profile.variant_label.text()


def test_sizes_out_of_range_are_refused_at_the_field(db, start_app, qtbot) -> None:
    _app, profile = open_profile(start_app, qtbot)
    profile.name_edit.setText("Stichting Groot")
    volunteers_error = profile.field_errors[profile.volunteers_spin]
    fte_error = profile.field_errors[profile.fte_spin]
    profile.volunteers_spin.setValue(999_999)
    assert volunteers_error.isVisibleTo(profile) and "100.000" in volunteers_error.text()
    profile.fte_spin.setValue(99_999.9)
    assert fte_error.isVisibleTo(profile) and "10.000 fte" in fte_error.text()
    profile.save_button.click()
    qtbot.wait(200)
    assert list_organisations(db) == []
    profile.volunteers_spin.setValue(100_000)
    profile.fte_spin.setValue(10_000)
    assert not volunteers_error.isVisibleTo(profile) and not fte_error.isVisibleTo(profile)
    profile.save_button.click()
    qtbot.waitUntil(lambda: len(list_organisations(db)) == 1)


def test_the_missing_name_message_goes_once_a_name_is_typed(start_app, qtbot) -> None:
    _app, profile = open_profile(start_app, qtbot)
    profile.save_button.click()
    error = profile.field_errors[profile.name_edit]
    assert error.isVisibleTo(profile)
    assert error.text() == "Vul de naam van uw organisatie in."
    type_into(profile.name_edit, "S")
    assert not error.isVisibleTo(profile)
    assert error.text() == ""
