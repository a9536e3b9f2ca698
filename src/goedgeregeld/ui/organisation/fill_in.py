"""Filling in: themes on the side, the theme's statements as cards, every answer saved at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.models.themes import ThemeProgress
from goedgeregeld.ui.organisation.card_evidence import CardEvidence
from goedgeregeld.ui.organisation.carried import CarriedAnswers
from goedgeregeld.ui.organisation.fill_in_bar import FillInBar, finish_question
from goedgeregeld.ui.organisation.fill_in_saving import SavingMixin
from goedgeregeld.ui.organisation.theme_pane import ThemePane
from goedgeregeld.ui.organisation.theme_sidebar import ThemeSidebar
from goedgeregeld.ui.widgets.common import button
from goedgeregeld.ui.widgets.statement_card import StatementCard
from goedgeregeld.words import CARRIED_HINT, NEXT_TO_CONFIRM, NEXT_TO_CONFIRM_ORDER

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Statement, Theme
    from goedgeregeld.scoring import AnswerValue
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.evaluations import EvaluationState
    from goedgeregeld.store.records import AnswerRecord


class FillInPage(SavingMixin, QWidget):
    show_results = Signal(str)
    answer_saved = Signal(str, object)
    note_saved = Signal(str, str)
    loaded = Signal()

    def __init__(
        self, operations: Operations, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs = operations, dialogs
        self.state: EvaluationState | None = None
        self.evidence: CardEvidence | None = None
        self.answers: dict[str, AnswerRecord] = {}
        self.notes: dict[str, AnswerRecord] = {}
        self.pending: set[str] = set()
        self.carried = CarriedAnswers([], [])
        self._finish_wanted = False
        self.organisation_name = tr("zelfevaluatie")
        """For the name of a shared file; the organisation's once the page has loaded."""
        self.theme_statements: list[tuple[Theme, list[Statement]]] = []
        self.theme_index = -1
        self.cards: list[StatementCard] = []
        self.setAccessibleName(tr("Zelfevaluatie invullen"))
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 12)
        outer.setSpacing(14)
        self.sidebar = ThemeSidebar(self)
        self.theme_model = self.sidebar.theme_model
        self.theme_list = self.sidebar.theme_list
        self.progress_label = self.sidebar.progress_label
        self.keyboard_hint = self.sidebar.keyboard_hint
        outer.addWidget(self.sidebar)
        main = QVBoxLayout()
        main.setSpacing(8)
        self.pane = ThemePane(self)
        self.theme_title, self.theme_counter = self.pane.title, self.pane.counter
        self.theme_intro = self.pane.intro
        self.pane.add_heading(main)
        # A re-assessment: what the yellow cards mean, and the way to the next one.
        carried_row = QHBoxLayout()
        self.carried_hint = QLabel(tr(CARRIED_HINT), self)
        self.carried_hint.setObjectName("reminder")
        self.carried_hint.setWordWrap(True)
        self.carried_hint.hide()
        carried_row.addWidget(self.carried_hint, 1)
        self.next_carried_button = button(tr(NEXT_TO_CONFIRM), self)
        self.next_carried_button.setToolTip(tr(NEXT_TO_CONFIRM_ORDER) + " (Shift+F3)")
        self.next_carried_button.hide()
        carried_row.addWidget(self.next_carried_button)
        main.addLayout(carried_row)
        self.card_scroll, self.card_host = self.pane.scroll, self.pane.host
        self.card_layout, self.in_view = self.pane.cards_layout, self.pane.in_view
        self.pane.add_cards(main)
        self.bar = FillInBar(self)
        self.next_open_button, self.finish_button = (
            self.bar.next_open_button,
            self.bar.finish_button,
        )
        self.previous_button, self.next_button = self.bar.previous_button, self.bar.next_button
        self.results_button = self.bar.results_button
        main.addWidget(self.bar)
        outer.addLayout(main, 1)
        self.theme_list.selectionModel().currentRowChanged.connect(self._theme_row_changed)
        self.next_open_button.clicked.connect(self.go_to_next_open)
        self.next_carried_button.clicked.connect(self.go_to_next_to_confirm)
        self.previous_button.clicked.connect(lambda: self.switch_theme(-1))
        self.next_button.clicked.connect(lambda: self.switch_theme(1))
        self.results_button.clicked.connect(self._show_results)
        self.finish_button.clicked.connect(self._finish)
        for keys, slot in (
            ("Ctrl+PgDown", lambda: self.switch_theme(1)),
            ("Ctrl+PgUp", lambda: self.switch_theme(-1)),
            ("F3", self.go_to_next_open),
            ("Shift+F3", self.go_to_next_to_confirm),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- loading -------------------------------------------------------------------------------
    def load(self, evaluation_id: str) -> None:
        from goedgeregeld.store.evaluations import load_state

        def read(db: Database) -> tuple[EvaluationState, list[str], str]:
            from goedgeregeld.store.organisations import get_organisation
            from goedgeregeld.store.reassessment import attention_order

            state = load_state(db, evaluation_id)
            name = get_organisation(db, state.evaluation.organisation_id).name
            return state, attention_order(db, state), name

        def loaded(state: EvaluationState, order: list[str], name: str) -> None:
            self.organisation_name = name
            self.show_state(state, order)

        self.theme_title.setText(tr("Gegevens worden geladen…"))
        self.operations.read(read, lambda result: loaded(*result))

    def show_state(self, state: EvaluationState, order: list[str] | None = None) -> None:
        from goedgeregeld.scoring import required_statements

        self.state = state
        self.carried = CarriedAnswers(state.to_confirm, order or [])
        self.evidence = CardEvidence(
            self.operations, self.dialogs, state.evaluation.id, lambda: self.cards, self
        )
        # Taken over but not confirmed: shown on the card, counted as open.
        self.answers = {
            sid: a for sid, a in state.answers.items() if a.is_answered and not a.to_confirm
        }
        self.notes = {sid: a for sid, a in state.answers.items()}
        self.theme_statements = [
            (theme, required_statements(theme, state.variant)) for theme in state.edition.themes
        ]
        self.theme_model.set_rows([self._progress_of(i) for i in range(len(self.theme_statements))])
        self._update_progress()
        start = self.carried.next_after(None, self._is_open) or state.evaluation.last_statement_id
        if start not in self._all_ids():
            start = self._next_open_after(None) or self._all_ids()[0]
        self._go_to(start)
        self.loaded.emit()

    def _answer_shown(self, record: AnswerRecord, value: AnswerValue | None) -> None:
        theme_index = next(
            i
            for i, (_t, st) in enumerate(self.theme_statements)
            if any(s.id == record.statement_id for s in st)
        )
        self.theme_model.update(self._progress_of(theme_index))
        self._update_progress()
        if value is not None:
            self.answer_saved.emit(record.statement_id, value)

    @property
    def evaluation_id(self) -> str:
        """The evaluation being filled in (only asked once it is shown)."""
        assert self.state is not None
        return self.state.evaluation.id

    def _all_ids(self) -> list[str]:
        return [s.id for _theme, statements in self.theme_statements for s in statements]

    def _progress_of(self, index: int) -> ThemeProgress:
        theme, statements = self.theme_statements[index]
        answered = sum(1 for s in statements if s.id in self.answers)
        return ThemeProgress(theme.id, theme.title, answered, len(statements))

    # -- navigation ----------------------------------------------------------------------------
    def _theme_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.theme_index:
            self.show_theme(current.row())

    def show_theme(self, index: int, focus_statement: str | None = None) -> None:
        if not 0 <= index < len(self.theme_statements):
            return
        self._commit_notes()
        self.theme_index = index
        theme, statements = self.theme_statements[index]
        self.sidebar.select(index)
        self.pane.show_theme(theme, index, len(self.theme_statements), self.cards)
        number_base = sum(len(s) for _t, s in self.theme_statements[:index])
        assert self.state is not None and self.evidence is not None
        for offset, statement in enumerate(statements):
            card = StatementCard(
                statement,
                number_base + offset + 1,
                self.state.edition,
                self.notes.get(statement.id),
                self.card_host,
            )
            card.answered.connect(self._save_answer)
            card.note_edited.connect(self._save_note)
            card.move_requested.connect(lambda delta, c=card: self._move_from(c, delta))
            card.card_focused.connect(self._remember)
            card.confirm_requested.connect(self._confirm)
            self.evidence.connect_card(card)
            self.pane.add_card(card, self.cards)
        self.pane.end_cards()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.theme_statements) - 1)
        target = next((c for c in self.cards if c.statement_id == focus_statement), None)
        self._focus_card(target or self.cards[0])

    def _focus_card(self, card: StatementCard) -> None:
        card.setFocus(Qt.FocusReason.OtherFocusReason)
        self.in_view.reveal(card)

    def switch_theme(self, delta: int) -> None:
        self.show_theme(self.theme_index + delta)

    def _go_to(self, statement_id: str) -> None:
        for index, (_theme, statements) in enumerate(self.theme_statements):
            if any(s.id == statement_id for s in statements):
                if index == self.theme_index:
                    card = next(c for c in self.cards if c.statement_id == statement_id)
                    self._focus_card(card)
                else:
                    self.show_theme(index, statement_id)
                return

    def _move_from(self, card: StatementCard, delta: int) -> None:
        ids = self._all_ids()
        position = ids.index(card.statement_id) + delta
        if delta > 0 and self.is_complete():
            self._focus_finish()
            return
        if 0 <= position < len(ids):
            self._go_to(ids[position])
        elif delta > 0:
            self.go_to_next_open()

    def _next_open_after(self, statement_id: str | None) -> str | None:
        ids = self._all_ids()
        start = ids.index(statement_id) + 1 if statement_id in ids else 0
        for candidate in ids[start:] + ids[:start]:
            if candidate not in self.answers and candidate not in self.pending:
                return candidate
        return None

    def _focus_finish(self) -> None:
        """Focus "Afronden"; if the last answer is still being saved, as soon as it is."""
        self._finish_wanted = True
        if self.finish_button.isEnabled():
            self._finish_wanted = False
            self.finish_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_statement_id(self) -> str | None:
        focused = next((c for c in self.cards if c.hasFocus()), None)
        return focused.statement_id if focused else None

    def go_to_next_open(self) -> None:
        target = self._next_open_after(self.current_statement_id())
        if target is None:
            self._focus_finish()
        else:
            self._go_to(target)

    def _remember(self, statement_id: str) -> None:
        from goedgeregeld.store.evaluations import set_last_statement

        self.in_view.follow(self._card(statement_id))
        evaluation_id = self.evaluation_id
        self.operations.write(
            {Change.EVALUATION}, lambda db: set_last_statement(db, evaluation_id, statement_id)
        )

    # -- notes ---------------------------------------------------------------------------------
    def _save_note(self, statement_id: str, text: str) -> None:
        from goedgeregeld.store.evaluations import save_note

        evaluation_id = self.evaluation_id
        self.operations.write(
            {Change.ANSWERS},
            lambda db: save_note(db, evaluation_id, statement_id, text),
            lambda _none: self._note_stored(statement_id, text),
            lambda exc: self._note_failed(statement_id, exc),
        )

    def _note_stored(self, statement_id: str, text: str) -> None:
        card = self._card(statement_id)
        if card is not None:
            card.note_stored(text)
        self.note_saved.emit(statement_id, text)

    def _note_failed(self, statement_id: str, exc: Exception) -> None:
        from goedgeregeld.store.errors import StoreError

        card = self._card(statement_id)
        if card is not None:
            card.note_failed(str(exc) if isinstance(exc, StoreError) else exc.__class__.__name__)
        if not isinstance(exc, StoreError):
            self.operations.report_error(exc)

    def _update_progress(self) -> None:
        total = len(self._all_ids())
        done = sum(1 for sid in self._all_ids() if sid in self.answers)
        self.sidebar.show_progress(done, total)
        self.bar.show_open(total - done)
        if done == total and self._finish_wanted:
            self._focus_finish()
        self.next_carried_button.setVisible(self.carried.any_left(self._is_open))
        self.carried_hint.setVisible(bool(self.carried.waiting))

    def is_complete(self) -> bool:
        """Every statement is answered or its answer is on its way to the database."""
        return all(sid in self.answers or sid in self.pending for sid in self._all_ids())

    # -- leaving -------------------------------------------------------------------------------
    def _show_results(self) -> None:
        self._commit_notes()
        self.show_results.emit(self.evaluation_id)

    def _finish(self) -> None:
        from goedgeregeld.store.evaluations import complete_evaluation

        self._commit_notes()
        evaluation_id = self.evaluation_id

        def complete() -> None:
            self.operations.write(
                {Change.EVALUATION},
                lambda db: complete_evaluation(db, evaluation_id),
                lambda _record: self.show_results.emit(evaluation_id),
            )

        self.dialogs.confirm(tr("Zelfevaluatie afronden"), finish_question(), complete)

    def evaluation_to_share(self) -> tuple[str, str] | None:
        """The evaluation being filled in, for the menu's "Delen met adviseur…"."""
        if self.state is None:
            return None
        return self.state.evaluation.id, self.organisation_name

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.sidebar.fit_page(event.size().width())
        super().resizeEvent(event)

    def leave(self) -> None:
        """Called when another page takes over: store a note still being typed."""
        self._commit_notes()
