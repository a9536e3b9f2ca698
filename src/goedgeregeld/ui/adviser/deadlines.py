"""Every client's conditions on one list, the nearest deadline first (the adviser's agenda)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from goedgeregeld.ui.adviser.client_models import REMINDER_COLOUR
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import Operations
from goedgeregeld.ui.widgets.common import row_table, text_label
from goedgeregeld.words import counted, short_date

if TYPE_CHECKING:
    from goedgeregeld.store.clients import ConditionDeadline
    from goedgeregeld.store.db.engine import Database

HEADERS = ("Uiterlijk", "Organisatie", "Voorwaarde")
EvaluationRole = Qt.ItemDataRole.UserRole + 1


def _when(deadline: date, today: date) -> str:
    days = (deadline - today).days
    if days < 0:
        return tr("⚠ {d} (verstreken)").format(d=short_date(deadline))
    if days == 0:
        return tr("{d} (vandaag)").format(d=short_date(deadline))
    return tr("{d} (over {n})").format(d=short_date(deadline), n=counted(days, "dag", "dagen"))


class DeadlinesDialog(QDialog):
    """A read-only table; Enter or a double click opens that client's review."""

    def __init__(
        self,
        rows: list[ConditionDeadline],
        open_review: Callable[[str], None],
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Voorwaarden en uiterste datums"))
        self.open_review = open_review
        day = today or date.today()
        layout = QVBoxLayout(self)
        clients = len({r.evaluation_id for r in rows})
        intro = (
            tr("{c} bij {k}, de eerste uiterste datum bovenaan.").format(
                c=counted(len(rows), tr("voorwaarde"), tr("voorwaarden")),
                k=counted(clients, tr("klant"), tr("klanten")),
            )
            if rows
            else tr("Nog geen voorwaarden: die komen bij een besluit ‘klaar met voorwaarden’.")
        )
        self.intro = text_label(intro, self)
        layout.addWidget(self.intro)
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        for row in rows:
            items = [
                QStandardItem(_when(row.deadline, day)),
                QStandardItem(row.organisation_name),
                QStandardItem(row.text),
            ]
            for item in items:
                item.setEditable(False)
                item.setData(row.evaluation_id, EvaluationRole)
                if row.deadline < day:
                    item.setForeground(QBrush(REMINDER_COLOUR))
            self.model.appendRow(items)
        self.table = row_table(self.model, tr("Voorwaarden met hun uiterste datum"), self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(rows))
        self.table.activated.connect(self._open)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()

    def _open(self, index: QModelIndex) -> None:
        evaluation_id = index.data(EvaluationRole)
        if evaluation_id:
            self.accept()
            self.open_review(evaluation_id)


def show_deadlines(
    parent: QWidget, operations: Operations, open_review: Callable[[str], None]
) -> None:
    """Read the conditions on the worker, then show them (non-blocking)."""

    def read(db: Database) -> list[ConditionDeadline]:
        from goedgeregeld.store.clients import condition_deadlines

        return condition_deadlines(db)

    def shown(rows: list[ConditionDeadline]) -> None:
        dialog = DeadlinesDialog(rows, open_review, parent)
        parent.deadlines_dialog = dialog  # type: ignore[attr-defined]  # tests look at it
        dialog.open()

    operations.read(read, shown)
