"""Message boxes: shown without blocking, answered through a callback, gone once closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

from goedgeregeld.ui.core.dialogs import DialogService


def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _boxes(window: QMainWindow) -> list[QMessageBox]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return window.findChildren(QMessageBox)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_message_boxes_delete_themselves_once_closed(qtbot) -> None:
    window = _window(qtbot)
    dialogs = DialogService(window)
    dialogs.inform("Klaar", "Het rapport staat klaar.")
    dialogs.error("de schijf is vol")
    shown = _boxes(window)
    assert sorted(box.text() for box in shown) == ["De schijf is vol", "Het rapport staat klaar."]
    assert all(box.isVisible() for box in shown)
    for box in shown:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert _boxes(window) == []


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_confirm_calls_back_on_yes_only_and_leaves_no_box(qtbot) -> None:
    window = _window(qtbot)
    dialogs = DialogService(window)
    agreed: list[str] = []
    dialogs.confirm("Verwijderen", "Actiepunt verwijderen?", lambda: agreed.append("ja"))
    (box,) = _boxes(window)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    assert agreed == [] and _boxes(window) == []
    dialogs.confirm("Verwijderen", "Actiepunt verwijderen?", lambda: agreed.append("ja"))
    (box,) = _boxes(window)
    box.button(QMessageBox.StandardButton.Yes).click()
    assert agreed == ["ja"] and _boxes(window) == []
