"""Models of the action plan: the weakest statements to choose from, and the editable actions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from goedgeregeld.ui.core.formatting import action_status_label
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.words import ACTION_STATUS_LABELS, CARRIED_ACTION, dutch_date

if TYPE_CHECKING:
    from goedgeregeld.store.actions import WeakStatement
    from goedgeregeld.store.records import ActionRecord

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class WeakStatementsModel(QAbstractListModel):
    """``store.actions.WeakStatement`` rows the user ticks to turn into actions."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._checked: set[str] = set()

    def set_rows(self, rows: Sequence[WeakStatement], checked: Iterable[str] = ()) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = set(checked)
        self.endResetModel()

    def checked_ids(self) -> list[str]:
        return [r.statement_id for r in self._rows if r.statement_id in self._checked]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return tr("Nu {score} van 3 · {theme}: {text}").format(
                score=row.value, theme=row.theme_title, text=row.text
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.advice
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = row.statement_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        statement_id = self._rows[index.row()].statement_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(statement_id)
        else:
            self._checked.discard(statement_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


COLUMNS = ("description", "owner", "deadline", "status")


class ActionsModel(QAbstractTableModel):
    """``ActionRecord`` rows; edits change the row at once and ask the page to store them."""

    action_edited = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers = (tr("Actie"), tr("Wie"), tr("Uiterlijk"), tr("Status"))

    def set_rows(self, rows: Sequence[ActionRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def append(self, record: ActionRecord) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(record)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record, column = self._rows[index.row()], COLUMNS[index.column()]
        value = getattr(record, column)
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            if column == "deadline":
                return dutch_date(value) if value else tr("(geen datum)")
            if column == "status":
                # Taken over, still open, from the previous round.
                carried = f" · {tr(CARRIED_ACTION)}" if record.carried_from else ""
                return action_status_label(value) + carried
            return value
        if role == Qt.ItemDataRole.EditRole:
            if column == "deadline":
                chosen = value or date.today()
                return QDate(chosen.year, chosen.month, chosen.day)
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = COLUMNS[index.column()]
        if column == "deadline":
            value = value.toPython() if isinstance(value, QDate) else value
        elif (
            column == "status"
            and value not in ACTION_STATUS_LABELS
            or column == "description"
            and not str(value).strip()
        ):
            return False
        record = dataclasses.replace(self._rows[index.row()], **{column: value})
        self._rows[index.row()] = record
        self.dataChanged.emit(index, index)
        self.action_edited.emit(record)
        return True
