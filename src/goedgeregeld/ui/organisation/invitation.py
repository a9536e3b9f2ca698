"""The respondent's own page: an invitation from another organisation, answered on this computer.

Who invited them, every statement of the variant by theme as cards (each answer stored at
once), progress, "Klaar", and the signed answer file to send back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.organisation.invitation_saving import InvitationSaving, st_ids
from goedgeregeld.ui.organisation.theme_pane import ThemePane
from goedgeregeld.ui.organisation.theme_sidebar import ThemeSidebar
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.ui.widgets.flow_layout import flow_row
from goedgeregeld.ui.widgets.statement_card import StatementCard
from goedgeregeld.words import dutch_date
from goedgeregeld.words.files import I_AM_DONE, SAVE_ANSWERS, answer_file_saved_text
from goedgeregeld.words.nouns import STATEMENT
from goedgeregeld.words.voices import role_label

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Statement, Theme
    from goedgeregeld.store.invitations import InvitationState
    from goedgeregeld.store.records import AnswerRecord
    from goedgeregeld.store.respondent_records import RespondentAnswerRecord


def _as_record(answer: RespondentAnswerRecord) -> AnswerRecord:
    """A respondent's answer in the shape a statement card shows."""
    from goedgeregeld.store.records import AnswerRecord

    return AnswerRecord(
        answer.statement_id, answer.value, answer.not_applicable, answer.note, answer.updated_at
    )


class InvitationPage(InvitationSaving, QWidget):
    """One invitation: the statements of one theme at a time, the themes on the side."""

    home_requested = Signal()
    loaded = Signal()

    def __init__(
        self, operations: Operations, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs = operations, dialogs
        self.state: InvitationState | None = None
        self.answered: set[str] = set()
        self.theme_statements: list[tuple[Theme, list[Statement]]] = []
        self.theme_index = -1
        self.cards: list[StatementCard] = []
        self.setAccessibleName(tr("Uitnodiging invullen"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 10)
        outer.setSpacing(6)
        top = QHBoxLayout()
        self.title = title_label(tr("Gegevens worden geladen…"), self)
        top.addWidget(self.title, 1)
        self.home_button = button(tr("Startscherm"), self)
        top.addWidget(self.home_button)
        outer.addLayout(top)
        self.intro = text_label("", self, muted=True)
        outer.addWidget(self.intro)
        body = QHBoxLayout()
        body.setSpacing(14)
        self.sidebar = ThemeSidebar(self)
        self.theme_model, self.theme_list = self.sidebar.theme_model, self.sidebar.theme_list
        body.addWidget(self.sidebar)
        main = QVBoxLayout()
        self.pane = ThemePane(self)
        self.theme_title, self.theme_counter = self.pane.title, self.pane.counter
        self.theme_intro = self.pane.intro
        self.card_scroll, self.card_host = self.pane.scroll, self.pane.host
        self.card_layout, self.in_view = self.pane.cards_layout, self.pane.in_view
        self.pane.add_heading(main)
        self.pane.add_cards(main)
        # How far, or where the file went; above the buttons, which wrap on a small screen.
        self.done_label = QLabel("", self)
        self.done_label.setObjectName("muted")
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.done_label.setWordWrap(True)
        self.done_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        main.addWidget(self.done_label)
        self.previous_button = button(tr("‹ Vorig thema"), self, name=tr("Vorig thema"))
        self.next_button = button(tr("Volgend thema ›"), self, name=tr("Volgend thema"))
        self.previous_button.setToolTip("Ctrl+PgUp")
        self.next_button.setToolTip("Ctrl+PgDown")
        self.done_button = button(tr(I_AM_DONE), self, primary=True)
        self.done_button.setToolTip(tr("Meld dat u klaar bent en sla uw antwoorden op"))
        self.save_button = button(tr(SAVE_ANSWERS), self)
        bar = (self.previous_button, self.next_button, self.done_button, self.save_button)
        main.addWidget(flow_row(self, bar, align_right=True))
        body.addLayout(main, 1)
        outer.addLayout(body, 1)
        self.home_button.clicked.connect(self.home_requested)
        self.previous_button.clicked.connect(lambda: self.show_theme(self.theme_index - 1))
        self.next_button.clicked.connect(lambda: self.show_theme(self.theme_index + 1))
        self.done_button.clicked.connect(self._done)
        self.save_button.clicked.connect(self.save_answers)
        self.theme_list.selectionModel().currentRowChanged.connect(self._theme_row_changed)
        for widget in (self.done_button, self.save_button):
            widget.setEnabled(False)
        for keys, delta in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.show_theme(self.theme_index + d))

    # -- loading -------------------------------------------------------------------------------
    def load(self, respondent_id: str) -> None:
        from goedgeregeld.store.invitations import load_invitation

        self.operations.read(
            lambda db: load_invitation(db, respondent_id),
            self.show_state,
            self.operations.report_error,
        )

    def show_state(self, state: InvitationState) -> None:
        from goedgeregeld.scoring import required_statements

        self.state = state
        invitation = state.invitation
        self.answered = {
            sid for sid, a in state.answers.items() if a.not_applicable or a.value is not None
        }
        self.title.setText(
            tr("Uitnodiging van {organisation}").format(organisation=invitation.organisation_name)
        )
        self.intro.setText(
            tr(
                "{organisation} vraagt u, {name} ({role}), de zelfevaluatie in te vullen. Elk "
                "antwoord wordt meteen bewaard; u kunt later verdergaan via het startscherm. "
                "Niemand ziet uw antwoorden voordat u ze als bestand terugstuurt."
            ).format(
                organisation=invitation.organisation_name,
                name=invitation.respondent_name,
                role=role_label(invitation.role),
            )
        )
        self.theme_statements = [
            (theme, required_statements(theme, state.variant)) for theme in state.edition.themes
        ]
        self.theme_statements = [(t, s) for t, s in self.theme_statements if s]
        self.theme_model.set_rows([self._progress_of(i) for i in range(len(self.theme_statements))])
        self._update_progress()
        for widget in (self.done_button, self.save_button):
            widget.setEnabled(True)
        first_open = next(
            (i for i, (_t, st) in enumerate(self.theme_statements) if self._open_in(st)), 0
        )
        self.show_theme(first_open)
        self.loaded.emit()

    def _open_in(self, statements: list[Statement]) -> bool:
        return any(s.id not in self.answered for s in statements)

    def _all_ids(self) -> list[str]:
        return [s.id for _theme, statements in self.theme_statements for s in statements]

    def open_count(self) -> int:
        """How many statements still have no answer."""
        return sum(1 for sid in self._all_ids() if sid not in self.answered)

    def _update_progress(self) -> None:
        total = len(self._all_ids())
        self.sidebar.show_progress(total - self.open_count(), total)
        assert self.state is not None
        done_at = self.state.invitation.done_at
        if done_at is not None:
            self.done_label.setText(
                tr("Klaar gemeld op {date}.").format(date=dutch_date(done_at.date()))
            )
        elif self.open_count():
            self.done_label.setText(
                tr("Nog {part} open.").format(part=STATEMENT(self.open_count()))
            )
        else:
            self.done_label.setText(tr("Alles beantwoord. Kies ‘Klaar’."))

    # -- themes and cards ----------------------------------------------------------------------
    def _theme_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.theme_index:
            self.show_theme(current.row())

    def show_theme(self, index: int, focus_statement: str | None = None) -> None:
        if self.state is None or not 0 <= index < len(self.theme_statements):
            return
        self._commit_notes()
        self.theme_index = index
        theme, statements = self.theme_statements[index]
        self.sidebar.select(index)
        self.pane.show_theme(theme, index, len(self.theme_statements), self.cards)
        base = sum(len(s) for _t, s in self.theme_statements[:index])
        for offset, statement in enumerate(statements):
            given = self.state.answers.get(statement.id)
            card = StatementCard(
                statement,
                base + offset + 1,
                self.state.edition,
                _as_record(given) if given is not None else None,
                self.card_host,
            )
            card.na_reason_hint = tr(
                "Waarom geldt deze stelling niet? {organisation} ziet deze reden."
            ).format(organisation=self.state.invitation.organisation_name)
            card.answered.connect(self._save_answer)
            card.note_edited.connect(self._save_note)
            card.move_requested.connect(lambda delta, c=card: self._move_from(c, delta))
            card.card_focused.connect(lambda sid: self.in_view.follow(self._card(sid)))
            self.pane.add_card(card, self.cards)
        self.pane.end_cards()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.theme_statements) - 1)
        target = self._card(focus_statement) if focus_statement else None
        self._focus_card(target or self.cards[0])

    def _focus_card(self, card: StatementCard) -> None:
        card.setFocus(Qt.FocusReason.OtherFocusReason)
        self.in_view.reveal(card)

    def _move_from(self, card: StatementCard, delta: int) -> None:
        ids = self._all_ids()
        position = ids.index(card.statement_id) + delta
        if not 0 <= position < len(ids):
            if delta > 0:
                self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        target = ids[position]
        existing = self._card(target)
        if existing is not None:
            self._focus_card(existing)
            return
        index = next(i for i, (_t, st) in enumerate(self.theme_statements) if target in st_ids(st))
        self.show_theme(index, target)

    def _commit_notes(self) -> None:
        for card in self.cards:
            card._note_done()

    # -- done and the file back ------------------------------------------------------------------
    def _done(self) -> None:
        from goedgeregeld.store.invitations import set_invitation_done

        assert self.state is not None
        self._commit_notes()
        respondent_id = self.state.invitation.respondent_id

        def mark_done() -> None:
            self.operations.write(
                {Change.ANSWERS},
                lambda db: set_invitation_done(db, respondent_id),
                lambda _none: self._marked_done(),
                self.operations.report_error,
            )

        left = self.open_count()
        if not left:
            mark_done()
            return
        self.dialogs.confirm(
            tr("Klaar melden"),
            tr(
                "Er {verb} nog {part} zonder antwoord. Wilt u toch klaar melden? Wat open "
                "blijft, telt voor u niet mee."
            ).format(verb="is" if left == 1 else "zijn", part=STATEMENT(left)),
            mark_done,
        )

    def _marked_done(self) -> None:
        from dataclasses import replace

        from goedgeregeld.store.clock import utc_now

        assert self.state is not None
        self.state = replace(
            self.state, invitation=replace(self.state.invitation, done_at=utc_now())
        )
        self._update_progress()
        self.save_answers()

    def save_answers(self) -> None:
        """Antwoorden opslaan als bestand…: lock or not, where, then the signed answer file."""
        from goedgeregeld.ui.organisation.respondent_files import save_answer_file

        if self.state is None:
            return
        self._commit_notes()
        organisation = self.state.invitation.organisation_name
        save_answer_file(
            self.operations,
            self.dialogs,
            self.state.invitation,
            lambda path: self.done_label.setText(answer_file_saved_text(path.name, organisation)),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.sidebar.fit_page(event.size().width())
        super().resizeEvent(event)

    def leave(self) -> None:
        """Called when another page takes over: store a note still being typed."""
        self._commit_notes()
