"""Qt models of the NOV dashboard: per province, and per size class or variant (exact counts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from goedgeregeld.ui.core.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class CountTableModel(QAbstractTableModel):
    """Rows of a label and exact counts; the first column is text, the others right-aligned."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, list[int]]] = []
        self._headers = list(headers)

    def set_rows(self, rows: list[tuple[str, list[int]]], headers: list[str]) -> None:
        self.beginResetModel()
        self._rows = [(label, list(counts)) for label, counts in rows]
        self._headers = list(headers)
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        label, counts = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return label if index.column() == 0 else str(counts[index.column() - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class ProvinceTableModel(CountTableModel):
    """Per province the exact counts of new organisations and new advisers in the year."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [tr("Provincie"), tr("Nieuwe organisaties"), tr("Nieuwe adviseurs")], parent
        )

    def set_year_rows(self, rows: list[tuple[str, list[int]]], year: int | None) -> None:
        suffix = f" {year}" if year is not None else ""
        headers = [
            tr("Provincie"),
            tr("Nieuwe organisaties") + suffix,
            tr("Nieuwe adviseurs") + suffix,
        ]
        self.set_rows(rows, headers)
