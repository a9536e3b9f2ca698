"""The side list of themes while filling in: title, progress and a tick when done."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.words.nouns import STATEMENT

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
TICK = "✓"


@dataclass(frozen=True)
class ThemeProgress:
    """How far one theme is."""

    theme_id: str
    title: str
    answered: int
    required: int

    @property
    def done(self) -> bool:
        return self.answered >= self.required


class ThemeProgressModel(QAbstractListModel):
    """One row per theme; ``update`` changes one row in place."""

    ThemeIdRole = Qt.ItemDataRole.UserRole + 1
    DoneRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ThemeProgress] = []

    def set_rows(self, rows: list[ThemeProgress]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update(self, progress: ThemeProgress) -> None:
        for number, row in enumerate(self._rows):
            if row.theme_id == progress.theme_id:
                self._rows[number] = progress
                index = self.index(number, 0)
                self.dataChanged.emit(index, index)
                return

    def row_of(self, theme_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.theme_id == theme_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = f"{TICK} " if row.done else "    "
            # No-break spaces keep the count with the last word: a narrow list wraps the title,
            # never between the title and its count (which Qt then cut off with "…").
            return f"{mark}{row.title}\u00a0\u00a0{row.answered}/{row.required}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = (
                tr("klaar")
                if row.done
                else tr("{a} van {r} beantwoord").format(a=row.answered, r=row.required)
            )
            return f"{row.title}, {state}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{part} beantwoord").format(part=STATEMENT.of(row.answered, row.required))
        if role == self.ThemeIdRole:
            return row.theme_id
        if role == self.DoneRole:
            return row.done
        return None
