"""The list of organisations for the organisation chooser."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from goedgeregeld.store.records import OrganisationRecord

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class OrganisationsModel(QAbstractListModel):
    """Organisations (``store.records.OrganisationRecord``) by name."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[OrganisationRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, organisation_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == organisation_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.name} ({row.city})" if row.city else row.name
        if role == self.IdRole:
            return row.id
        return None
