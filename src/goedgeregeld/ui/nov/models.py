"""Qt models of the NOV dashboard: the per-province table (counts below 5 already masked)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from goedgeregeld.ui.core.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class ProvinceTableModel(QAbstractTableModel):
    """Rows of (province, [new organisations, new advisers]) as published: "< 5" kept as text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, list[str]]] = []
        self._headers = [tr("Provincie"), tr("Nieuwe organisaties"), tr("Nieuwe adviseurs")]

    def set_rows(self, rows: list[tuple[str, list[str]]], year: int | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        suffix = f" {year}" if year is not None else ""
        self._headers = [
            tr("Provincie"),
            tr("Nieuwe organisaties") + suffix,
            tr("Nieuwe adviseurs") + suffix,
        ]
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        province, counts = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return province if index.column() == 0 else counts[index.column() - 1]
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
