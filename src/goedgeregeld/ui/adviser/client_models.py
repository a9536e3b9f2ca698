"""The client list as a table model, and a proxy that filters and sorts it without copying."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from goedgeregeld.ui.core.formatting import decision_text, status_label
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.words import format_percentage, short_date

if TYPE_CHECKING:
    from goedgeregeld.store.clients import ClientRow

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

NO_DECISION = "none"
HEADERS = (
    "Organisatie",
    "Provincie",
    "Status",
    "Score",
    "Ingelezen",
    "Besluit",
    "Beoordeeld",
    "Verstuurd",
    "Voorwaarde tot",
    "Keurmerk",
)
NAME, PROVINCE, STATUS, SCORE, IMPORTED, DECISION, REVIEWED, SENT, DEADLINE, MARK = range(
    len(HEADERS)
)
REMINDER_COLOUR = QColor("#9a5b00")


def sent_text(row: ClientRow) -> str:
    """When the review file was last written, or "nee"."""
    return short_date(row.review_sent_at) if row.review_sent_at else tr("nee")


def deadline_text(row: ClientRow, today: date) -> str:
    """The nearest condition deadline, with a warning sign once it has passed."""
    if row.next_deadline is None:
        return ""
    text = short_date(row.next_deadline)
    return tr("⚠ {d} verstreken").format(d=text) if row.next_deadline < today else text


def mark_text(row: ClientRow, today: date) -> str:
    """Quality-mark expiry, with a warning sign from 12 months before it."""
    mark = row.quality_mark
    if mark is None:
        return ""
    if mark.is_expired(today):
        return tr("⚠ verlopen {d}").format(d=short_date(mark.expires_on))
    if mark.needs_reminder(today):
        return tr("⚠ verloopt {d}").format(d=short_date(mark.expires_on))
    return tr("geldig tot {d}").format(d=short_date(mark.expires_on))


class ClientListModel(QAbstractTableModel):
    """Rows of ``store.clients.ClientRow``; cells are formatted only when a view asks."""

    RowRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ClientRow] = []
        self.today = today or date.today()

    def set_rows(self, rows: Sequence[ClientRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ClientRow:
        return self._rows[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def _display(self, row: ClientRow, column: int) -> str:
        if column == NAME:
            return row.organisation_name
        if column == PROVINCE:
            return row.province or ""
        if column == STATUS:
            return status_label(row.status)
        if column == SCORE:
            return format_percentage(row.total_score)
        if column == IMPORTED:
            return short_date(row.imported_at)
        if column == DECISION:
            return decision_text(row.decision)
        if column == REVIEWED:
            text = f"{row.reviewed_statements}/{row.required_count}"
            if row.changed_statements:
                text += tr(" · {n} gewijzigd").format(n=row.changed_statements)
            return text
        if column == SENT:
            return sent_text(row)
        if column == DEADLINE:
            return deadline_text(row, self.today)
        return mark_text(row, self.today)

    def _sort_key(self, row: ClientRow, column: int) -> Any:
        if column == NAME:
            return row.organisation_name.casefold()
        if column == SCORE:
            return -1.0 if row.total_score is None else row.total_score
        if column == IMPORTED:
            return row.imported_at.isoformat()
        if column == REVIEWED:
            return row.reviewed_statements
        if column == MARK:
            return row.quality_mark.expires_on.isoformat() if row.quality_mark else "9999"
        if column == SENT:
            return row.review_sent_at.isoformat() if row.review_sent_at else ""
        if column == DEADLINE:
            return row.next_deadline.isoformat() if row.next_deadline else "9999"
        return self._display(row, column).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == self.SortRole:
            return self._sort_key(row, column)
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if column == SCORE else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == MARK
            and row.mark_reminder(self.today)
        ):
            return QBrush(REMINDER_COLOUR)
        late = row.next_deadline is not None and row.next_deadline < self.today
        if role == Qt.ItemDataRole.ForegroundRole and column == DEADLINE and late:
            return QBrush(REMINDER_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and column == MARK and row.quality_mark:
            return tr("Keurmerk toegekend op {d}").format(d=short_date(row.quality_mark.granted_on))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return tr(HEADERS[section])
        return None


class ClientFilterModel(QSortFilterProxyModel):
    """Filters on name, status, province, decision, minimum score, import date and reminders."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(ClientListModel.SortRole)
        self.status: str | None = None
        self.province: str | None = None
        self.decision: str | None = None
        self.min_score: float | None = None
        self.since: date | None = None
        self.reminders_only = False
        self.name: str = ""

    @property
    def active(self) -> bool:
        return any(
            value not in (None, False)
            for value in (
                self.status,
                self.province,
                self.decision,
                self.min_score,
                self.since,
                self.reminders_only,
                self.name or None,
            )
        )

    def set_filters(self, **values: Any) -> None:
        """Change one or more filters (names as the attributes) and filter again."""
        self.beginFilterChange()
        for name, value in values.items():
            if not hasattr(self, name) or name == "active":
                raise AttributeError(name)
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.active:
            return True
        model = self.sourceModel()
        assert isinstance(model, ClientListModel)
        row = model.row_at(source_row)
        if self.name and self.name.casefold() not in row.organisation_name.casefold():
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.province is not None and row.province != self.province:
            return False
        if self.decision is not None:
            value = row.decision.value if row.decision is not None else NO_DECISION
            if value != self.decision:
                return False
        if self.min_score is not None and (row.total_score or 0.0) < self.min_score:
            return False
        if self.since is not None and row.imported_at.date() < self.since:
            return False
        return not (self.reminders_only and not row.mark_reminder(model.today))
