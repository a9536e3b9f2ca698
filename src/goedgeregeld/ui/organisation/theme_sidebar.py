"""The side of the filling-in page: the themes with their progress, the total, the keys."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QListView,
    QProgressBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.models.themes import ThemeProgressModel
from goedgeregeld.ui.widgets.common import title_label
from goedgeregeld.ui.widgets.statement_card import keyboard_hint
from goedgeregeld.words.nouns import STATEMENT

Card = TypeVar("Card", bound=QWidget)

WIDEST = 270
NARROWEST = 200
"""On a small screen the list narrows to this; a long theme name then takes two lines."""
ROOMY = 1100
"""From this page width on the theme list takes its widest."""


class _RoomyRows(QStyledItemDelegate):
    """Rows measured a little narrower than they are painted.

    Qt measures a wrapped row with the full width but paints its text inside the item's
    text margins, so a name that just fits when measured needs one line more when painted
    and is cut off with "…" ("Afspraken en …" at 1024×600). Measuring with the margins
    taken off first gives each row the lines it really needs.
    """

    SLACK = 8

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -self.SLACK, 0)
        return super().sizeHint(narrower, index)


class ThemeSidebar(QWidget):
    """The theme list (one row per theme with its answered count) and overall progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(WIDEST)
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(title_label(tr("Thema's"), self, section=True))
        self.theme_model = ThemeProgressModel(self)
        self.theme_list = QListView(self)
        self.theme_list.setModel(self.theme_model)
        self.theme_list.setAccessibleName(tr("Thema's met voortgang"))
        self.theme_list.setMinimumWidth(NARROWEST)
        self.theme_list.setWordWrap(True)
        self.theme_list.setItemDelegate(_RoomyRows(self.theme_list))
        self.theme_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.theme_list.setSpacing(2)
        side.addWidget(self.theme_list, 1)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(tr("Voortgang van de zelfevaluatie"))
        self.progress.setTextVisible(False)
        self.progress_label = QLabel("", self)
        self.progress_label.setWordWrap(True)
        side.addWidget(self.progress)
        side.addWidget(self.progress_label)
        self.keyboard_hint = keyboard_hint(self)
        side.addWidget(self.keyboard_hint)

    def fit_page(self, width: int) -> None:
        """A page of ``width``: a narrow one gives the cards the room (answers stay on one line)."""
        self.setMaximumWidth(WIDEST if width >= ROOMY else NARROWEST)

    def select(self, index: int) -> None:
        """Mark theme ``index`` as the one shown, without announcing it as the user's choice."""
        selection = self.theme_list.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            self.theme_model.index(index, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        selection.blockSignals(False)
        self.theme_list.viewport().update()

    def show_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` statements answered, as a bar and in words."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        text = tr("{part} beantwoord").format(part=STATEMENT.of(done, total))
        self.progress_label.setText(text)
        self.progress.setAccessibleDescription(text)


def clear_cards(cards: list[Card], layout: QLayout) -> None:
    """Remove a theme's statement cards (and the stretch after them) before the next theme."""
    for card in cards:
        card.hide()
        card.deleteLater()
    cards.clear()
    while layout.count():
        layout.takeAt(0)
