"""Home: the organisation's evaluations with status, date, progress and score."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.formatting import decision_text, variant_label
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change, Changes
from goedgeregeld.ui.core.services import EditionSource, Operations
from goedgeregeld.ui.core.settings import AppSettings
from goedgeregeld.ui.models.evaluations import EvaluationsModel
from goedgeregeld.ui.models.organisations import OrganisationsModel
from goedgeregeld.ui.organisation.home_invitations import HomeInvitations, respondent_only_text
from goedgeregeld.ui.organisation.home_review import HomeReviewNote, read_reviews
from goedgeregeld.ui.widgets.common import button, row_table, text_label, title_label
from goedgeregeld.ui.widgets.keurmerk_label import KeurmerkLabel
from goedgeregeld.words import START_FROM_PREVIOUS, format_number

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.keurmerk import KeurmerkState
    from goedgeregeld.store.overview import HomeOverview
    from goedgeregeld.store.records import EvaluationRecord, OrganisationRecord
    from goedgeregeld.store.review_records import ReviewRecord

SHOWN_DATA = frozenset({Change.ORGANISATION, Change.EVALUATION, Change.REVIEW, Change.ANSWERS})
"""What the home screen shows: a write to any of these reads the overview again."""


class HomePage(QWidget):
    open_evaluation = Signal(str)
    open_results = Signal(str)
    open_comparison = Signal(str)
    open_voices = Signal(str)
    open_invitation = Signal(str)
    edit_profile = Signal(object)
    new_organisation = Signal()
    data_shown = Signal()

    def __init__(
        self,
        operations: Operations,
        editions: EditionSource,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.operations, self.editions, self.settings = operations, editions, settings
        self.overview: HomeOverview | None = None
        self.setAccessibleName(tr("Startscherm"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.title = title_label(tr("Gegevens worden geladen…"), self)
        top.addWidget(self.title, 1)
        self.organisation_box = QComboBox(self)
        self.organisation_box.setAccessibleName(tr("Organisatie kiezen"))
        self.organisation_box.setToolTip(tr("Kies een andere organisatie"))
        self.organisation_box.setMinimumWidth(280)
        self.organisations = OrganisationsModel(self)
        self.organisation_box.setModel(self.organisations)
        top.addWidget(self.organisation_box)
        # Only beside the list of organisations: one club's home has no use for it (the menu
        # keeps Bestand › Nieuwe organisatie…).
        self.new_org_button = button(tr("Nieuwe organisatie"), self)
        self.new_org_button.hide()
        top.addWidget(self.new_org_button)
        layout.addLayout(top)
        self.details = text_label("", self, muted=True)
        layout.addWidget(self.details)
        actions = QHBoxLayout()
        self.new_button = button(tr("Nieuwe zelfevaluatie starten"), self, primary=True)
        self.again_button = button(tr(START_FROM_PREVIOUS), self)
        self.again_button.setToolTip(
            tr(
                "Begin een nieuwe zelfevaluatie met de antwoorden, het bewijs en de open "
                "actiepunten van de gekozen zelfevaluatie. U bevestigt elk antwoord of past het aan."
            )
        )
        self.continue_button = button(tr("Verder invullen"), self)
        self.results_button = button(tr("Uitkomst bekijken"), self)
        self.compare_button = button(tr("Vergelijken met vorige"), self)
        self.voices_button = button(tr("Meerdere invullers"), self)
        self.profile_button = button(tr("Profiel wijzigen"), self)
        # Two rows so the smallest window fits: starting (blank or from the last round), then
        # what to do with the chosen evaluation.
        starting = QHBoxLayout()
        for widget in (self.new_button, self.again_button):
            starting.addWidget(widget)
        starting.addStretch(1)
        layout.addLayout(starting)
        self.own_widgets: list[QWidget] = [self.new_button, self.again_button]
        for widget in (
            self.continue_button,
            self.results_button,
            self.compare_button,
            self.voices_button,
            self.profile_button,
        ):
            actions.addWidget(widget)
            self.own_widgets.append(widget)
        actions.addStretch(1)
        layout.addLayout(actions)
        # A respondent's own invitations from other organisations, to come back to.
        self.invitations = HomeInvitations(self)
        self.invitations.open_invitation.connect(self.open_invitation)
        layout.addWidget(self.invitations)
        self.evaluations_title = title_label(tr("Zelfevaluaties"), self, section=True)
        layout.addWidget(self.evaluations_title)
        self.own_widgets.append(self.evaluations_title)
        self.model = EvaluationsModel(self)
        self.table = row_table(self.model, tr("Zelfevaluaties van deze organisatie"), self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.own_widgets.append(self.table)
        self.empty_label = QLabel(tr("Nog geen zelfevaluaties. Start hierboven uw eerste."), self)
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        # The mark from a keurmerk certificate, and its reminder from 12 months before expiry.
        self.mark_label = KeurmerkLabel(self)
        layout.insertWidget(2, self.mark_label)
        self.reminder_label = QLabel("", self)
        self.reminder_label.setObjectName("reminder")
        self.reminder_label.setWordWrap(True)
        self.reminder_label.hide()
        layout.insertWidget(3, self.reminder_label)
        self.review_note = HomeReviewNote(self)
        layout.insertWidget(4, self.review_note)
        self.reviews: dict[str, ReviewRecord] = {}
        operations.when_changed(self._data_changed)
        self.new_button.clicked.connect(self._start_new)
        self.again_button.clicked.connect(self._start_again)
        self.continue_button.clicked.connect(lambda: self._emit_selected(self.open_evaluation))
        self.results_button.clicked.connect(lambda: self._emit_selected(self.open_results))
        self.compare_button.clicked.connect(lambda: self._emit_selected(self.open_comparison))
        self.voices_button.clicked.connect(lambda: self._emit_selected(self.open_voices))
        self.profile_button.clicked.connect(self._edit_profile)
        self.new_org_button.clicked.connect(self.new_organisation)
        self.table.doubleClicked.connect(lambda _index: self._open_default())
        self.table.activated.connect(lambda _index: self._open_default())
        self.organisation_box.activated.connect(self._organisation_chosen)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------------
    def load(self, organisation_id: str | None = None) -> None:
        """Read the overview in the background and show it."""
        chosen = organisation_id or self.settings.last_organisation_id

        def read(db: Database) -> HomeOverview:
            # Imported here, in the worker: SQLAlchemy must not load on the GUI thread.
            from goedgeregeld.store.overview import home_overview

            return home_overview(db, chosen)

        self.operations.read(read, self.show_overview, self._load_failed)

    def _data_changed(self, changes: Changes) -> None:
        if changes & SHOWN_DATA and self.overview is not None and self.isVisible():
            current = self.overview.current
            self.load(current.id if current is not None else None)

    def _load_failed(self, exc: Exception) -> None:
        from goedgeregeld.store.errors import DatabaseDamagedError, DatabaseRefusedError

        if not isinstance(exc, DatabaseDamagedError):
            self.operations.report_error(exc)
            return
        # The start-up check explains the damage and offers the backup; one dialog is enough.
        self.title.setText(tr("Uw gegevens konden niet worden geopend"))
        self.empty_label.setText(
            tr(
                "Het gegevensbestand is leeg of niet van Goed Geregeld. Er is niets aan "
                "veranderd. Zet een reservekopie terug via Bestand → Reservekopie terugzetten…"
            )
            if isinstance(exc, DatabaseRefusedError)
            else tr(
                "Het gegevensbestand is beschadigd. Er is niets aan veranderd. Zet een "
                "reservekopie terug via Bestand → Reservekopie terugzetten…"
            )
        )
        self.empty_label.setVisible(True)
        for push_button in self.findChildren(QPushButton):
            push_button.setEnabled(False)

    def show_overview(self, overview: HomeOverview) -> None:
        self.overview = overview
        self.organisations.set_rows(overview.organisations)
        current = overview.current
        several = len(overview.organisations) > 1
        self.organisation_box.setVisible(several)
        self.new_org_button.setVisible(several)
        # Only here to answer someone else's evaluation: no empty list of one's own.
        invited_only = current is None and bool(overview.invitations)
        self.invitations.show_invitations(overview.invitations, fill=invited_only)
        for widget in self.own_widgets:
            widget.setVisible(not invited_only)
        if current is None:
            self.title.setText(tr("Welkom") if invited_only else tr("Nog geen organisatie"))
            self.details.setText(respondent_only_text() if invited_only else "")
        else:
            self.organisation_box.setCurrentIndex(self.organisations.row_of(current.id))
            self.title.setText(current.name)
            self.details.setText(self._describe(current))
            if not self.operations.sample_mode:
                self.settings.last_organisation_id = current.id
        self.model.set_rows(overview.evaluations)
        self.empty_label.setVisible(not overview.evaluations and not invited_only)
        if overview.evaluations:
            self.table.selectRow(0)
        self._update_buttons()
        chosen = self.selected()
        if chosen is None:
            self.new_button.setFocus()
        else:
            self.table.setFocus()
        self._load_reminder()
        self._load_reviews()
        self.data_shown.emit()

    def _load_reminder(self) -> None:
        assert self.overview is not None
        ids = [e.id for e in self.overview.evaluations]
        if not ids:
            self.mark_label.hide()
            self.reminder_label.hide()
            return

        def read(db: Database) -> list[KeurmerkState]:
            from goedgeregeld.store.keurmerk import keurmerk_for

            return list(keurmerk_for(db, ids, date.today()).values())

        self.operations.read(read, self._show_reminder)

    def _load_reviews(self) -> None:
        assert self.overview is not None
        ids = [e.id for e in self.overview.evaluations]
        if not ids:
            self._show_reviews({})
            return
        self.operations.read(lambda db: read_reviews(db, ids), self._show_reviews)

    def _show_reviews(self, reviews: dict[str, ReviewRecord]) -> None:
        self.reviews = reviews
        self.model.set_reviews({e: decision_text(r.decision) for e, r in reviews.items()})
        self._update_buttons()

    def _show_reminder(self, marks: list[KeurmerkState]) -> None:
        """The mark from a certificate that verified (with its reminder), or an expired one's.

        A review's own claim of a mark shows nothing here: only NOV's certificate counts.
        """
        from goedgeregeld.words.keurmerk import keurmerk_reminder

        valid = sorted((m for m in marks if m.valid), key=lambda m: m.valid_until)
        self.mark_label.show_state(valid[-1] if valid else None)
        expired = sorted(
            (m for m in marks if m.reminder and not m.valid), key=lambda m: m.valid_until
        )
        due = expired[-1] if expired and not valid else None
        self.reminder_label.setVisible(due is not None)
        if due is not None:
            self.reminder_label.setText(keurmerk_reminder(due.valid_until, date.today()))

    @staticmethod
    def _describe(organisation: OrganisationRecord) -> str:
        parts = [p for p in (organisation.city, organisation.province) if p]
        if organisation.volunteers is not None:
            parts.append(tr("{n} vrijwilligers").format(n=organisation.volunteers))
        if organisation.paid_fte is not None:
            parts.append(tr("{f} fte betaald").format(f=format_number(organisation.paid_fte)))
        return " · ".join(parts)

    # -- actions ---------------------------------------------------------------------------
    def selected(self) -> EvaluationRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        has_org = self.overview is not None and self.overview.current is not None
        self.new_button.setEnabled(has_org)
        self.profile_button.setEnabled(has_org)
        self.again_button.setEnabled(has_org and chosen is not None)
        self.continue_button.setEnabled(chosen is not None and not chosen.is_completed)
        self.results_button.setEnabled(chosen is not None)
        self.voices_button.setEnabled(chosen is not None)
        index = self.model.rows().index(chosen) if chosen is not None else -1
        self.compare_button.setEnabled(chosen is not None and index < self.model.rowCount() - 1)
        if chosen is not None:
            self.continue_button.setToolTip(variant_label(chosen.variant))
        self.review_note.show_review(self.reviews.get(chosen.id) if chosen is not None else None)
        # With a draft chosen, going on with it is the main action, not starting another one.
        draft = chosen is not None and not chosen.is_completed
        self._set_primary(self.continue_button if draft else self.new_button)

    def _set_primary(self, main: QPushButton) -> None:
        for push_button in (self.new_button, self.continue_button):
            wanted = "primary" if push_button is main else ""
            if push_button.objectName() != wanted:
                push_button.setObjectName(wanted)
                push_button.style().unpolish(push_button)
                push_button.style().polish(push_button)

    def _edit_profile(self) -> None:
        if self.overview is not None:
            self.edit_profile.emit(self.overview.current)

    def evaluation_to_share(self) -> tuple[str, str] | None:
        """The chosen evaluation, for the menu's "Delen met adviseur…"."""
        chosen = self.selected()
        if chosen is None or self.overview is None or self.overview.current is None:
            return None
        return chosen.id, self.overview.current.name

    def _emit_selected(self, signal: SignalInstance) -> None:
        chosen = self.selected()
        if chosen is not None:
            signal.emit(chosen.id)

    def _open_default(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            (self.open_results if chosen.is_completed else self.open_evaluation).emit(chosen.id)

    def _organisation_chosen(self, row: int) -> None:
        organisation_id = self.organisations.data(
            self.organisations.index(row, 0), OrganisationsModel.IdRole
        )
        self.load(organisation_id)

    def _start_new(self) -> None:
        assert self.overview is not None and self.overview.current is not None
        organisation = self.overview.current
        self.new_button.setEnabled(False)

        def with_edition(edition: Edition) -> None:
            from goedgeregeld.store.evaluations import start_evaluation

            self.operations.write(
                {Change.EVALUATION},
                lambda db: start_evaluation(db, organisation.id, edition).id,
                self._started,
                self._start_failed,
            )

        self.editions.with_edition(with_edition)

    def _start_again(self) -> None:
        """A new round on the default edition that takes over the chosen evaluation."""
        assert self.overview is not None and self.overview.current is not None
        organisation, chosen = self.overview.current, self.selected()
        if chosen is None:
            return
        self.again_button.setEnabled(False)

        def with_edition(edition: Edition) -> None:
            from goedgeregeld.store.reassessment import start_from

            self.operations.write(
                {Change.EVALUATION},
                lambda db: start_from(db, organisation.id, edition, chosen.id).id,
                self._started,
                self._start_failed,
            )

        self.editions.with_edition(with_edition)

    def _started(self, evaluation_id: str) -> None:
        self.new_button.setEnabled(True)
        self._update_buttons()
        self.open_evaluation.emit(evaluation_id)

    def _start_failed(self, exc: Exception) -> None:
        self.new_button.setEnabled(True)
        self._update_buttons()
        self.operations.report_error(exc)
