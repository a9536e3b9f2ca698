"""Review one client's evaluation: per theme the statements with the adviser's verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.adviser.file_actions import export_review_file, write_report
from goedgeregeld.ui.adviser.review_keys import install_review_shortcuts, legend_line
from goedgeregeld.ui.adviser.review_navigation import ReviewNavigation
from goedgeregeld.ui.adviser.review_row import ReviewRow
from goedgeregeld.ui.core.formatting import decision_text
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.words import format_percentage
from goedgeregeld.words.nouns import STATEMENT

if TYPE_CHECKING:
    from goedgeregeld.scoring import EvaluationScore
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.evaluations import EvaluationState
    from goedgeregeld.store.records import AttachmentRecord
    from goedgeregeld.store.review_records import ReviewRecord


@dataclass(frozen=True)
class ReviewData:
    """An evaluation, its score, the review so far and the evidence (read in the worker)."""

    state: EvaluationState
    result: EvaluationScore
    organisation_name: str
    review: ReviewRecord | None
    attachments: dict[str, list[AttachmentRecord]]
    disagreed: dict[str, int | None] = field(default_factory=dict)
    """Statements on which the client's respondents disagreed, with the spread (no answers)."""


def load_review_data(db: Database, evaluation_id: str) -> ReviewData:
    """Read everything the review page shows (worker side)."""
    from goedgeregeld.store.evaluations import load_state
    from goedgeregeld.store.evidence import attachments_by_statement
    from goedgeregeld.store.organisations import get_organisation
    from goedgeregeld.store.reviews import load_review
    from goedgeregeld.store.shared_spread import shared_spread

    state = load_state(db, evaluation_id)
    spread = shared_spread(db, evaluation_id)
    return ReviewData(
        state=state,
        result=state.score(),
        organisation_name=get_organisation(db, state.evaluation.organisation_id).name,
        review=load_review(db, evaluation_id),
        attachments=attachments_by_statement(db, evaluation_id),
        disagreed={sid: entry.spread for sid, entry in spread.items() if entry.flagged},
    )


def open_attachment(operations: Operations, dialogs: Dialogs, attachment_id: str) -> None:
    """Copy the evidence under its own name (worker) and open it with the system viewer."""

    def work(db: Database) -> Path:
        from goedgeregeld.store.evidence import viewable_copy

        return viewable_copy(db, attachment_id)

    operations.read(work, dialogs.open_file)


class ReviewPage(ReviewNavigation, QWidget):
    back_requested = Signal()
    decision_requested = Signal(str)
    client_requested = Signal(str)
    loaded = Signal()
    verdict_saved = Signal(str)

    def __init__(
        self, operations: Operations, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs = operations, dialogs
        self.data: ReviewData | None = None
        self.evaluation_id = ""
        self.rows: list[ReviewRow] = []
        self.theme_index = -1
        self.current_id: str | None = None
        self.reviewed: set[str] = set()
        self.pending: set[str] = set()
        self.flagged: set[str] = set()
        self.client_order: list[str] = []
        self.theme_comments: dict[str, str] = {}
        self.setAccessibleName(tr("Beoordelen"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(8)
        top = QHBoxLayout()
        self.title = title_label(tr("Gegevens worden geladen…"), self)
        top.addWidget(self.title, 1)
        self.back_button = button(tr("‹ Klanten"), self, name=tr("Terug naar de klanten"))
        self.previous_client_button = button(tr("‹ Vorige klant"), self)
        self.next_client_button = button(tr("Volgende klant ›"), self)
        self.previous_client_button.setToolTip("Alt+PgUp")
        self.next_client_button.setToolTip("Alt+PgDn")
        self.decision_button = button(tr("Besluit…"), self, primary=True)
        self.report_button = button(tr("Rapport maken"), self)
        self.export_button = button(tr("Beoordeling exporteren…"), self)
        for widget in (self.decision_button, self.report_button, self.export_button):
            top.addWidget(widget)
        top.addWidget(self.back_button)
        outer.addLayout(top)
        clients_row = QHBoxLayout()
        self.subtitle = text_label("", self, muted=True)
        clients_row.addWidget(self.subtitle, 1)
        self.client_position = text_label("", self, muted=True)
        clients_row.addWidget(self.client_position)
        clients_row.addWidget(self.previous_client_button)
        clients_row.addWidget(self.next_client_button)
        outer.addLayout(clients_row)
        body = QHBoxLayout()
        body.setSpacing(14)
        self.theme_list = QListWidget(self)
        self.theme_list.setAccessibleName(tr("Thema's"))
        self.theme_list.setFixedWidth(260)
        self.theme_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.theme_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.theme_list)
        main = QVBoxLayout()
        self.theme_title = title_label("", self, section=True)
        main.addWidget(self.theme_title)
        self.theme_comment = QPlainTextEdit(self)
        self.theme_comment.setAccessibleName(tr("Opmerking bij dit thema"))
        self.theme_comment.setPlaceholderText(tr("Uw opmerking bij dit thema (optioneel)"))
        self.theme_comment.setTabChangesFocus(True)
        self.theme_comment.setFixedHeight(50)
        self.theme_comment.installEventFilter(self)
        main.addWidget(self.theme_comment)
        self.row_scroll = QScrollArea(self)
        self.row_scroll.setWidgetResizable(True)
        self.row_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.row_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.host = QWidget()
        self.row_layout = QVBoxLayout(self.host)
        self.row_layout.setContentsMargins(2, 2, 12, 2)
        self.row_layout.setSpacing(10)
        self.row_scroll.setWidget(self.host)
        self.row_scroll.viewport().installEventFilter(self)
        main.addWidget(self.row_scroll, 1)
        body.addLayout(main, 1)
        outer.addLayout(body, 1)
        self.legend = text_label(legend_line(), self, muted=True)
        self.legend.setAccessibleName(tr("Toetsen bij het beoordelen"))
        outer.addWidget(self.legend)
        self.shortcuts = install_review_shortcuts(self)
        self.back_button.clicked.connect(self._back)
        self.decision_button.clicked.connect(
            lambda: self.decision_requested.emit(self.evaluation_id)
        )
        self.report_button.clicked.connect(self._report)
        self.export_button.clicked.connect(self._export)
        self.previous_client_button.clicked.connect(lambda: self.step_client(-1))
        self.next_client_button.clicked.connect(lambda: self.step_client(1))
        self.theme_list.currentRowChanged.connect(self.show_theme)
        self.setFocusProxy(self.theme_list)

    def client_requested_emit(self, evaluation_id: str) -> None:
        self.client_requested.emit(evaluation_id)

    # -- loading -------------------------------------------------------------------------------
    def load(self, evaluation_id: str, client_order: list[str] | None = None) -> None:
        if client_order is not None:
            self.client_order = list(client_order)
        self.evaluation_id = evaluation_id
        self.operations.read(lambda db: load_review_data(db, evaluation_id), self.show_data)

    def show_data(self, data: ReviewData) -> None:
        self.data = data
        review = data.review
        self.title.setText(tr("Beoordeling: {name}").format(name=data.organisation_name))
        self.reviewed = set(review.statements) if review else set()
        self.flagged = set(review.changed_statements) if review else set()
        self._update_subtitle()
        self.theme_comments = dict(review.theme_comments) if review else {}
        self.theme_list.blockSignals(True)
        self.theme_list.clear()
        for _theme in data.state.edition.themes:
            self.theme_list.addItem("")
        self.update_theme_items()
        self.theme_list.blockSignals(False)
        self._update_client_position()
        first = self.theme_index if self.theme_index >= 0 else self.first_open_theme()
        self.theme_list.blockSignals(True)
        self.theme_list.setCurrentRow(first)
        self.theme_list.blockSignals(False)
        self.show_theme(first)
        self.loaded.emit()

    def _update_subtitle(self) -> None:
        assert self.data is not None
        review, result = self.data.review, self.data.result
        parts = [
            tr("Totaalscore {s}").format(s=format_percentage(result.total)),
            tr("{part} beoordeeld").format(part=STATEMENT.of(len(self.reviewed), result.required)),
            tr("besluit: {d}").format(d=decision_text(review.decision if review else None)),
        ]
        if self.flagged:
            parts.append(tr("⚑ {n} gewijzigd sinds uw oordeel").format(n=len(self.flagged)))
        self.subtitle.setText(" · ".join(parts))

    # -- themes --------------------------------------------------------------------------------
    def show_theme(self, index: int) -> None:
        themes = self.data.state.edition.themes if self.data else []
        if not 0 <= index < len(themes):
            return
        self._commit_texts()
        self.theme_index = index
        theme = themes[index]
        self.theme_title.setText(theme.title)
        self.theme_comment.setPlainText(self.theme_comments.get(theme.id, ""))
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        while self.row_layout.count():
            self.row_layout.takeAt(0)
        from goedgeregeld.scoring import required_statements

        assert self.data is not None
        statements = required_statements(theme, self.data.state.variant)
        base = sum(len(required_statements(t, self.data.state.variant)) for t in themes[:index])
        reviews = self.data.review.statements if self.data.review else {}
        for offset, statement in enumerate(statements):
            row = ReviewRow(
                statement,
                base + offset + 1,
                self.data.state.edition,
                self.data.state.answers.get(statement.id),
                reviews.get(statement.id),
                self.data.attachments.get(statement.id, []),
                self.host,
                disagreed=statement.id in self.data.disagreed,
                spread=self.data.disagreed.get(statement.id),
            )
            row.verdict_changed.connect(self._save_verdict)
            row.open_evidence.connect(lambda a: open_attachment(self.operations, self.dialogs, a))
            row.advance_requested.connect(self.advance_from)
            row.row_focused.connect(self.mark_current)
            self.row_layout.addWidget(row)
            row.show()  # now, not on the next event: the first one takes the focus at once
            self.rows.append(row)
        self.row_layout.addStretch(1)
        self.fit_rows()
        self.theme_shown()

    def row(self, statement_id: str) -> ReviewRow | None:
        return next((r for r in self.rows if r.statement_id == statement_id), None)

    # -- saving --------------------------------------------------------------------------------
    def _save_verdict(
        self, statement_id: str, verdict: str, proposed: int | None, comment: str
    ) -> None:
        from goedgeregeld.store.reviews import set_statement_review

        evaluation_id = self.evaluation_id
        self.pending.add(statement_id)
        self.update_theme_items()

        def failed(exc: Exception) -> None:
            self.pending.discard(statement_id)
            self.update_theme_items()
            from goedgeregeld.store.errors import StoreError

            row = self.row(statement_id)
            if isinstance(exc, StoreError) and row is not None:
                row.set_failed(str(exc))
            else:
                self.operations.report_error(exc)

        def saved(_record: object) -> None:
            row = self.row(statement_id)
            if row is not None:
                row.set_saved()
            self.reviewed.add(statement_id)
            self.pending.discard(statement_id)
            self.flagged.discard(statement_id)
            self._update_subtitle()
            self.update_theme_items()
            self.verdict_saved.emit(statement_id)

        self.operations.write(
            {Change.REVIEW},
            lambda db: set_statement_review(
                db, evaluation_id, statement_id, verdict, proposed, comment
            ),
            saved,
            failed,
        )

    def _commit_texts(self) -> None:
        for row in self.rows:
            row.commit_comment()
        self._commit_theme_comment()

    def _commit_theme_comment(self) -> None:
        if self.data is None or self.theme_index < 0:
            return
        from goedgeregeld.store.reviews import set_theme_comment

        theme_id = self.data.state.edition.themes[self.theme_index].id
        text = self.theme_comment.toPlainText().strip()
        if text == self.theme_comments.get(theme_id, ""):
            return
        self.theme_comments[theme_id] = text
        evaluation_id = self.evaluation_id
        self.operations.write(
            {Change.REVIEW}, lambda db: set_theme_comment(db, evaluation_id, theme_id, text)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Large text or a small screen: a narrower theme list leaves room for the statements.
        self.theme_list.setFixedWidth(260 if self.width() >= 1200 else 190)
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.row_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_rows()
        if watched is self.theme_comment and event.type() == QEvent.Type.FocusOut:
            self._commit_theme_comment()
        return super().eventFilter(watched, event)

    def leave(self) -> None:
        """Another page takes over: store comments still being typed."""
        self._commit_texts()

    # -- actions -------------------------------------------------------------------------------
    def _back(self) -> None:
        self._commit_texts()
        self.back_requested.emit()

    def _report(self) -> None:
        if self.data is None:
            return
        self._commit_texts()
        write_report(
            self.operations,
            self.dialogs,
            self.evaluation_id,
            self.data.organisation_name,
            lambda: self.report_button.setEnabled(False),
            lambda: self.report_button.setEnabled(True),
        )

    def _export(self) -> None:
        if self.data is not None:
            self._commit_texts()
            export_review_file(
                self.operations, self.dialogs, self.evaluation_id, self.data.organisation_name
            )
