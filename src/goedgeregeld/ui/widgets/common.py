"""Labels, buttons and tables in the app's style, each with an accessible name."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QTableView, QWidget


def title_label(text: str, parent: QWidget | None = None, *, section: bool = False) -> QLabel:
    """A page or section title."""
    label = QLabel(text, parent)
    label.setObjectName("sectionTitle" if section else "pageTitle")
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def text_label(text: str = "", parent: QWidget | None = None, *, muted: bool = False) -> QLabel:
    """A wrapping paragraph of text."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if muted:
        label.setObjectName("muted")
    label.setAccessibleName(text[:80] or "tekst")
    return label


def button(
    text: str, parent: QWidget | None = None, *, primary: bool = False, name: str | None = None
) -> QPushButton:
    """A push button that Enter and Space both press."""
    widget = QPushButton(text, parent)
    widget.setAutoDefault(True)
    widget.setAccessibleName(name or text.replace("&", ""))
    if primary:
        widget.setObjectName("primary")
    return widget


def row_table(model: QAbstractItemModel, name: str, parent: QWidget | None = None) -> QTableView:
    """A read-only table that selects whole rows; Tab leaves it instead of walking cells."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    return table
