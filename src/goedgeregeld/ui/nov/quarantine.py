"""The NOV page's quarantine: files with implausible counts, their reason, NOV's decision.

A model and a view: anyone can send NOV many implausible files, and the page must stay
quick and short however many wait (the table scrolls once it holds more than a few).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.models.base import Column, RowTableModel
from goedgeregeld.ui.widgets.common import button, text_label, title_label

if TYPE_CHECKING:
    from goedgeregeld.nov.store.quarantine import QuarantineRecord


def _local(utc: str) -> str:
    """A stored UTC moment as the user's own clock shows it, Dutch style."""
    try:
        moment = datetime.fromisoformat(utc).replace(tzinfo=UTC).astimezone()
    except ValueError:
        return utc
    return moment.strftime("%d-%m-%Y %H:%M")


VISIBLE_ROWS = 6
"""Rows the table shows before it scrolls."""


def quarantine_model(parent: QObject | None = None) -> RowTableModel:
    """The held files (``QuarantineRecord``): number, file name, since when, why."""
    number = Column(tr("Nr."), lambda r: str(r.number), tooltip=lambda r: str(r.number))
    name = Column(tr("Bestand"), lambda r: Path(r.path).name, tooltip=lambda r: r.path)
    since = Column(tr("Sinds"), lambda r: _local(r.held_at), tooltip=lambda r: _local(r.held_at))
    reason = Column(tr("Waarom"), lambda r: r.reason, tooltip=lambda r: r.reason)
    return RowTableModel([number, name, since, reason], parent)


class QuarantinePanel(QWidget):
    """The held files as a table; "Toch meetellen" or "Afwijzen" for the chosen one.

    Hidden while nothing waits. ``decide`` is called with (number, accept).
    """

    def __init__(self, decide: Callable[[int, bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._decide = decide
        self.setAccessibleName(tr("Quarantaine"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = title_label(tr("In quarantaine"), self, section=True)
        layout.addWidget(self.title)
        layout.addWidget(
            text_label(
                tr(
                    "Deze bestanden noemen meer dan één installatie kan hebben. Ze tellen niet "
                    "mee in de cijfers tot u ze toelaat. Wijst u een bestand af, dan telt het "
                    "nooit mee, ook niet als het opnieuw wordt ingelezen."
                ),
                self,
                muted=True,
            )
        )
        self.model = quarantine_model(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Bestanden in quarantaine"))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.accept_button = button(tr("Toch meetellen"), self)
        self.reject_button = button(tr("Afwijzen"), self)
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.accept_button.clicked.connect(lambda: self._chosen(True))
        self.reject_button.clicked.connect(lambda: self._chosen(False))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.set_records([])

    def set_records(self, records: list[QuarantineRecord]) -> None:
        """Show ``records`` (the held files); the first is selected."""
        self.model.set_rows(records)
        shown = min(max(len(records), 1), VISIBLE_ROWS)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + shown * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.title.setText(tr("In quarantaine ({count})").format(count=len(records)))
        if records:
            self.table.selectRow(0)
        self._update_buttons()
        self.setVisible(bool(records))

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    def _chosen(self, accept: bool) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.accept_button.setEnabled(False)
            self.reject_button.setEnabled(False)
            self._decide(self.model.row_at(rows[0].row()).number, accept)
