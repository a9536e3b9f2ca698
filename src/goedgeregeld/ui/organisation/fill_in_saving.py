"""Filling in, the saving half: answers, notes and confirmations go to the store at once.

A mixin of ``FillInPage`` (``fill_in.py``): every write goes through the operations layer,
which announces ``Change.ANSWERS``; the card shows saving, saved, failed or taken over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.widgets.statement_card import StatementCard

if TYPE_CHECKING:
    from goedgeregeld.scoring import AnswerValue
    from goedgeregeld.store.records import AnswerRecord
    from goedgeregeld.ui.core.services import Operations
    from goedgeregeld.ui.organisation.carried import CarriedAnswers


class SavingMixin:
    """Saving answers and notes, and confirming answers taken over from the previous round.

    The page sets the attributes below and implements the hooks at the end.
    """

    operations: Operations
    carried: CarriedAnswers
    answers: dict[str, AnswerRecord]
    notes: dict[str, AnswerRecord]
    pending: set[str]
    cards: list[StatementCard]

    @property
    def evaluation_id(self) -> str:
        """The evaluation being filled in."""
        raise NotImplementedError

    def current_statement_id(self) -> str | None:
        """The statement whose card has the focus."""
        raise NotImplementedError

    def _go_to(self, statement_id: str) -> None:
        raise NotImplementedError

    def _answer_shown(self, record: AnswerRecord, value: AnswerValue | None) -> None:
        """Progress, theme list and listeners after a stored answer (the page's part)."""
        raise NotImplementedError

    def _is_open(self, statement_id: str) -> bool:
        return statement_id not in self.answers and statement_id not in self.pending

    def go_to_next_to_confirm(self) -> None:
        target = self.carried.next_after(self.current_statement_id(), self._is_open)
        if target is not None:
            self._go_to(target)

    def _confirm(self, statement_id: str) -> None:
        from dataclasses import replace

        from goedgeregeld.store.reassessment import confirm_answers

        evaluation_id, record = self.evaluation_id, self.notes[statement_id]
        self.pending.add(statement_id)
        self.operations.write(
            {Change.ANSWERS},
            lambda db: confirm_answers(db, evaluation_id, [statement_id]),
            lambda _done: self._answer_stored(replace(record, confirmed=True), None, 1),
            lambda exc: self._answer_failed(statement_id, exc),
        )

    def _save_answer(self, statement_id: str, value: AnswerValue) -> None:
        from goedgeregeld.store.evaluations import save_answer

        evaluation_id = self.evaluation_id
        self.pending.add(statement_id)
        self.operations.write(
            {Change.ANSWERS},
            lambda db: save_answer(db, evaluation_id, statement_id, value),
            lambda record: self._answer_stored(record, value),
            lambda exc: self._answer_failed(statement_id, exc),
        )

    def _card(self, statement_id: str) -> StatementCard | None:
        return next((c for c in self.cards if c.statement_id == statement_id), None)

    def _answer_stored(
        self, record: AnswerRecord, value: AnswerValue | None, move: int = 0
    ) -> None:
        self.pending.discard(record.statement_id)
        self.carried.done(record.statement_id)
        self.answers[record.statement_id] = record
        self.notes[record.statement_id] = record
        card = self._card(record.statement_id)
        if card is not None:
            card.set_saved()
        self._answer_shown(record, value)
        if move and self.carried.any_left(self._is_open):
            self.go_to_next_to_confirm()

    def _answer_failed(self, statement_id: str, exc: Exception) -> None:
        from goedgeregeld.store.errors import StoreError

        self.pending.discard(statement_id)
        card = self._card(statement_id)
        message = str(exc) if isinstance(exc, StoreError) else exc.__class__.__name__
        if card is not None:
            card.set_failed(message)
        if not isinstance(exc, StoreError):
            self.operations.report_error(exc)

    def _commit_notes(self) -> None:
        for card in self.cards:
            card._note_done()
