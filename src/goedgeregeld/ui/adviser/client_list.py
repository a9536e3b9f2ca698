"""The adviser's client list: filter, sort, open for review; import files by button or drop."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld import words
from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.ui.adviser.client_models import (
    IMPORTED,
    NAME,
    NO_DECISION,
    PROVINCE,
    ClientFilterModel,
    ClientListModel,
)
from goedgeregeld.ui.adviser.importing import (
    FILE_FILTER,
    follow_up,
    outcome_line,
    outcome_text,
    run_import,
    summary,
)
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change, Changes
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.widgets.common import button, row_table, text_label, title_label
from goedgeregeld.words.nouns import CLIENT, CLIENT_EVALUATION

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.store.clients import ClientRow
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.records import AdviserRecord

PERIODS = (("alle datums", None), ("laatste 30 dagen", 30), ("laatste 12 maanden", 365))
COLUMN_WIDTHS = (0, 104, 86, 62, 96, 160, 96, 96, 124, 140)
NARROW_LIST = 1150
"""Below this page width the province and import-date columns hide (their filters stay)."""

SHOWN_DATA = frozenset({Change.ORGANISATION, Change.EVALUATION, Change.REVIEW, Change.ADVISER})
"""What the list shows: a write to any of these (an import, too) reads it again."""


@dataclass(frozen=True)
class ClientListData:
    """The adviser (or None before registering) and every client row."""

    adviser: AdviserRecord | None
    rows: list[ClientRow]


def load_client_list(db: Database) -> ClientListData:
    """Read the adviser and the client rows (worker side)."""
    from goedgeregeld.store.advisers import current_adviser
    from goedgeregeld.store.clients import list_clients

    adviser = current_adviser(db)
    return ClientListData(adviser, list_clients(db) if adviser is not None else [])


def _combo(parent: QWidget, name: str, items: Iterable[tuple[str, object]]) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(name)
    for text, value in items:
        box.addItem(text, value)
    return box


class ClientListPage(QWidget):
    open_review = Signal(str)
    registration_needed = Signal()
    loaded = Signal()
    import_finished = Signal(list)
    outcome_retried = Signal(object)

    def __init__(
        self, operations: Operations, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs = operations, dialogs
        self.data: ClientListData | None = None
        self.importing = False
        self.last_outcomes: list[ImportOutcome] = []
        self.setAccessibleName(tr("Klanten"))
        self.setAcceptDrops(True)
        operations.when_changed(self._data_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 22, 32, 18)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.title = title_label(tr("Mijn klanten"), self)
        top.addWidget(self.title, 1)
        self.import_button = button(tr("Inlezen…"), self, primary=True)
        self.import_button.setToolTip("Ctrl+I")
        self.review_button = button(tr("Beoordelen"), self)
        self.deadlines_button = button(tr("Voorwaarden en uiterste datums…"), self)
        top.addWidget(self.import_button)
        top.addWidget(self.review_button)
        top.addWidget(self.deadlines_button)
        layout.addLayout(top)
        self.subtitle = text_label(tr("Gegevens worden geladen…"), self, muted=True)
        layout.addWidget(self.subtitle)
        self.reminder_label = QLabel("", self)
        self.reminder_label.setObjectName("reminder")
        self.reminder_label.setWordWrap(True)
        self.reminder_label.hide()
        layout.addWidget(self.reminder_label)
        search_row = QHBoxLayout()
        filters = self._filters()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.reminder_check)
        search_row.addStretch(1)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        self.model = ClientListModel(self)
        self.proxy = ClientFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = row_table(self.proxy, tr("Klanten en hun zelfevaluaties"), self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest import first, unsorted
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.proxy.sort)
        layout.addWidget(self.table, 1)
        self.empty_label = text_label(
            tr(
                "Nog geen klanten. Kies ‘Inlezen…’ of sleep evaluatiebestanden (.ggeval) "
                "naar dit venster."
            ),
            self,
            muted=True,
        )
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(tr("Voortgang van het inlezen"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.outcome_label = text_label("", self)
        self.outcome_label.hide()
        layout.addWidget(self.outcome_label)
        self.outcomes = QListWidget(self)
        self.outcomes.setAccessibleName(tr("Uitkomst per bestand"))
        self.outcomes.setMaximumHeight(110)
        self.outcomes.hide()
        layout.addWidget(self.outcomes)
        self.import_button.clicked.connect(self.choose_files)
        self.review_button.clicked.connect(self._open_selected)
        self.deadlines_button.clicked.connect(self.show_deadlines)
        self.table.doubleClicked.connect(lambda _index: self._open_selected())
        self.table.activated.connect(lambda _index: self._open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.setFocusProxy(self.table)

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName(tr("Zoeken op naam"))
        self.search_edit.setPlaceholderText(tr("Zoek op naam…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(200)
        self.search_edit.setMaximumWidth(320)
        self.search_edit.textChanged.connect(lambda _t: self.apply_filters())
        statuses: list[tuple[str, object]] = [(tr("alle statussen"), None)]
        statuses += [(tr(text), value) for value, text in words.EVALUATION_STATUS_LABELS.items()]
        self.status_box = _combo(self, tr("Filter op status"), statuses)
        provinces = [(tr("alle provincies"), None)] + [(p, p) for p in PROVINCES]
        self.province_box = _combo(self, tr("Filter op provincie"), provinces)
        decisions = [(tr("alle besluiten"), None), (tr(words.NO_DECISION), NO_DECISION)]
        decisions += [(tr(text), value) for value, text in words.DECISION_LABELS.items()]
        self.decision_box = _combo(self, tr("Filter op besluit"), decisions)
        self.period_box = _combo(self, tr("Filter op datum van inlezen"), PERIODS)
        for index in range(self.period_box.count()):
            self.period_box.setItemText(index, tr(self.period_box.itemText(index)))
        self.score_spin = QSpinBox(self)
        self.score_spin.setAccessibleName(tr("Minimale score in procenten"))
        self.score_spin.setRange(0, 100)
        self.score_spin.setSingleStep(10)
        self.score_spin.setSuffix(" %")
        self.score_spin.setPrefix(tr("score vanaf "))
        self.reminder_check = QCheckBox(tr("alleen keurmerk dat bijna verloopt"), self)
        for widget in (
            self.status_box,
            self.province_box,
            self.decision_box,
            self.period_box,
            self.score_spin,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        for box in (self.status_box, self.province_box, self.decision_box, self.period_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.score_spin.valueChanged.connect(lambda _v: self.apply_filters())
        self.reminder_check.toggled.connect(lambda _c: self.apply_filters())
        return row

    # -- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        self.operations.read(load_client_list, self.show_data)

    def _data_changed(self, changes: Changes) -> None:
        if changes & SHOWN_DATA:
            self.load()

    def show_data(self, data: ClientListData) -> None:
        if data.adviser is None:
            self.registration_needed.emit()
            return
        self.data = data
        self.model.set_rows(data.rows)
        region = f" · {data.adviser.region}" if data.adviser.region else ""
        self.subtitle.setText(
            tr("{name}{region} · {n}").format(
                name=data.adviser.name, region=region, n=CLIENT_EVALUATION(len(data.rows))
            )
        )
        due = [r for r in data.rows if r.mark_reminder(self.model.today)]
        self.reminder_label.setText(
            tr(
                "⚠ Bij {n} verloopt het keurmerk binnen 12 maanden of is het al "
                "verlopen. Zie de kolom Keurmerk."
            ).format(n=CLIENT(len(due)))
        )
        self.reminder_label.setVisible(bool(due))
        self.empty_label.setVisible(not data.rows)
        self.table.setVisible(bool(data.rows))
        if data.rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_buttons()
        self.loaded.emit()

    # -- filtering -----------------------------------------------------------------------------
    def apply_filters(self) -> None:
        days = self.period_box.currentData()
        score = self.score_spin.value()
        self.proxy.set_filters(
            name=self.search_edit.text().strip(),
            status=self.status_box.currentData(),
            province=self.province_box.currentData(),
            decision=self.decision_box.currentData(),
            min_score=score / 100 if score else None,
            since=date.today() - timedelta(days=days) if days else None,
            reminders_only=self.reminder_check.isChecked(),
        )
        self._update_buttons()

    def visible_rows(self) -> list[ClientRow]:
        return [
            self.proxy.index(r, 0).data(ClientListModel.RowRole)
            for r in range(self.proxy.rowCount())
        ]

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Large text or a small screen: the columns that the filters also cover make way.
        narrow = self.width() < NARROW_LIST
        for column in (PROVINCE, IMPORTED):
            self.table.setColumnHidden(column, narrow)
        super().resizeEvent(event)

    def show_deadlines(self) -> None:
        """Every condition of every client, the nearest deadline first."""
        from goedgeregeld.ui.adviser.deadlines import show_deadlines

        show_deadlines(self, self.operations, self.open_review.emit)

    # -- opening -------------------------------------------------------------------------------
    def selected(self) -> ClientRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ClientListModel.RowRole) if rows else None

    def _update_buttons(self) -> None:
        self.review_button.setEnabled(self.selected() is not None)
        self.import_button.setEnabled(not self.importing)

    def _open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_review.emit(chosen.evaluation_id)

    # -- importing -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        self.dialogs.choose_open_paths(
            tr("Evaluatiebestanden inlezen"), tr(FILE_FILTER), self.import_files
        )

    def import_files(self, paths: Iterable[Path | str]) -> None:
        """Read the files on a worker, with a progress bar and each file's outcome."""
        chosen = [Path(p) for p in paths]
        if not chosen or self.importing:
            return
        self.importing = True
        self._update_buttons()
        self.outcomes.clear()
        self.outcomes.show()
        self.outcome_label.setText(tr("Bezig met inlezen…"))
        self.outcome_label.show()
        self.progress.setRange(0, len(chosen))
        self.progress.setValue(0)
        self.progress.show()
        run_import(self.operations, chosen, self._import_done, self._import_progress)

    def _import_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.outcomes.addItem(message)
        self.outcomes.scrollToBottom()

    def _import_done(self, outcomes: list[ImportOutcome]) -> None:
        self.importing = False
        self.progress.hide()
        self._show_outcomes(outcomes)
        self._update_buttons()
        self.import_finished.emit(outcomes)
        follow_up(self.operations, self.dialogs, outcomes, self._retried)

    def _show_outcomes(self, outcomes: list[ImportOutcome]) -> None:
        self.last_outcomes = list(outcomes)
        self.outcomes.clear()
        for outcome in outcomes:
            self.outcomes.addItem(outcome_line(outcome))
            self.outcomes.item(self.outcomes.count() - 1).setToolTip(outcome.message)
        self.outcome_label.setText(summary(outcomes))

    def _retried(self, outcome: ImportOutcome) -> None:
        """A file retried with its password or a confirmed key: its line shows the new outcome."""
        outcomes = [outcome if o.path == outcome.path else o for o in self.last_outcomes]
        if outcome not in outcomes:
            outcomes.append(outcome)
        self._show_outcomes(outcomes)
        if not outcome.ok:
            self.dialogs.error(outcome_text(outcome))
        self.outcome_retried.emit(outcome)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.import_files(paths)
