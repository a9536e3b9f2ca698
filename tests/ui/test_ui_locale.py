"""Numbers in fields are Dutch even when the window was painted before the locale was set."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDoubleSpinBox, QMainWindow

from goedgeregeld.ui.app_setup import configure_application


def test_a_field_in_a_window_painted_first_shows_a_decimal_comma(qapp) -> None:
    # Seen under Xvfb (C.UTF-8 system): the profile's fte field showed "0.0".
    QLocale.setDefault(QLocale.c())
    window = QMainWindow()
    configure_application(qapp)
    field = QDoubleSpinBox(window)
    field.setDecimals(1)
    field.setValue(1.5)
    assert field.text() == "1,5"
    window.close()
