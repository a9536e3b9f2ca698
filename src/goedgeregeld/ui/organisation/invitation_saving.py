"""The respondent's page, the saving half: each answer and note stored at once, then shown.

A mixin of ``InvitationPage`` (``invitation.py``): writes go through the operations layer,
which announces ``Change.ANSWERS``; the card says saving, saved or failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.models.themes import ThemeProgress, ThemeProgressModel
from goedgeregeld.ui.widgets.statement_card import StatementCard

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Statement, Theme
    from goedgeregeld.scoring import AnswerValue
    from goedgeregeld.store.invitations import InvitationState
    from goedgeregeld.ui.core.services import Operations


def st_ids(statements: list[Statement]) -> set[str]:
    """The ids of ``statements``."""
    return {s.id for s in statements}


class InvitationSaving:
    """Saving the respondent's answers and notes; the page sets the attributes below."""

    operations: Operations
    state: InvitationState | None
    answered: set[str]
    cards: list[StatementCard]
    theme_statements: list[tuple[Theme, list[Statement]]]
    theme_model: ThemeProgressModel

    def _card(self, statement_id: str) -> StatementCard | None:
        return next((c for c in self.cards if c.statement_id == statement_id), None)

    def _progress_of(self, index: int) -> ThemeProgress:
        theme, statements = self.theme_statements[index]
        done = sum(1 for s in statements if s.id in self.answered)
        return ThemeProgress(theme.id, theme.title, done, len(statements))

    def _update_progress(self) -> None:
        raise NotImplementedError

    def _save_answer(self, statement_id: str, value: AnswerValue) -> None:
        from goedgeregeld.store.invitations import answer_invitation

        assert self.state is not None
        respondent_id = self.state.invitation.respondent_id
        self.operations.write(
            {Change.ANSWERS},
            lambda db: answer_invitation(db, respondent_id, statement_id, value),
            lambda _none: self._answer_stored(statement_id, value),
            lambda exc: self._failed(statement_id, exc),
        )

    def _answer_stored(self, statement_id: str, value: AnswerValue) -> None:
        from dataclasses import replace

        from goedgeregeld.store.clock import utc_now
        from goedgeregeld.store.respondent_records import RespondentAnswerRecord

        assert self.state is not None
        old = self.state.answers.get(statement_id)
        na = value == "na"
        score = None if na else int(value)
        self.state.answers[statement_id] = (
            replace(old, value=score, not_applicable=na, updated_at=utc_now())
            if old is not None
            else RespondentAnswerRecord(
                self.state.invitation.respondent_id, statement_id, score, na, "", utc_now()
            )
        )
        self.answered.add(statement_id)
        card = self._card(statement_id)
        if card is not None:
            card.set_saved()
        theme_index = next(
            i for i, (_t, st) in enumerate(self.theme_statements) if statement_id in st_ids(st)
        )
        self.theme_model.update(self._progress_of(theme_index))
        self._update_progress()

    def _failed(self, statement_id: str, exc: Exception) -> None:
        from goedgeregeld.store.errors import StoreError

        card = self._card(statement_id)
        if card is not None:
            card.set_failed(str(exc) if isinstance(exc, StoreError) else exc.__class__.__name__)
        if not isinstance(exc, StoreError):
            self.operations.report_error(exc)

    def _save_note(self, statement_id: str, text: str) -> None:
        from goedgeregeld.store.invitations import answer_invitation

        assert self.state is not None
        respondent_id = self.state.invitation.respondent_id
        self.operations.write(
            {Change.ANSWERS},
            lambda db: answer_invitation(db, respondent_id, statement_id, None, text),
            lambda _none: self._note_stored(statement_id, text),
            lambda exc: self._note_failed(statement_id, exc),
        )

    def _note_stored(self, statement_id: str, text: str) -> None:
        from dataclasses import replace

        from goedgeregeld.store.clock import utc_now
        from goedgeregeld.store.respondent_records import RespondentAnswerRecord

        assert self.state is not None
        old = self.state.answers.get(statement_id)
        self.state.answers[statement_id] = (
            replace(old, note=text)
            if old is not None
            else RespondentAnswerRecord(
                self.state.invitation.respondent_id, statement_id, None, False, text, utc_now()
            )
        )
        card = self._card(statement_id)
        if card is not None:
            card.note_stored(text)

    def _note_failed(self, statement_id: str, exc: Exception) -> None:
        card = self._card(statement_id)
        if card is not None:
            card.note_failed(str(exc))
