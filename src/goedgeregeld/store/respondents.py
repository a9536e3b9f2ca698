"""Use cases for the respondents of an evaluation and their own answers.

Each respondent answers on their own; those answers never score. The coordinator then sets
the agreed answer per statement (``agree``), which is the evaluation's ordinary answer: only
agreed answers are scored, reported, exported and counted.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from goedgeregeld.base import text
from goedgeregeld.domain import RespondentRole
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import NOT_APPLICABLE, AnswerValue, Variant, all_required
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError, checked_text
from goedgeregeld.store.evaluations import editable, load_state, save_answer
from goedgeregeld.store.merge import MergedView, merge
from goedgeregeld.store.models.respondents import Respondent, RespondentAnswer
from goedgeregeld.store.records import AnswerRecord
from goedgeregeld.store.respondent_records import RespondentAnswerRecord, RespondentRecord

MAX_RESPONDENTS = 50


def respondent_record(row: Respondent) -> RespondentRecord:
    """A respondent row as its record."""
    return RespondentRecord(
        id=row.id,
        evaluation_id=row.evaluation_id,
        name=row.name,
        role=row.role,
        position=row.position,
        created_at=row.created_at,
        removed_at=row.removed_at,
        done_at=row.done_at,
        file_moment=row.file_moment,
    )


def respondent_answer_record(row: RespondentAnswer) -> RespondentAnswerRecord:
    """A respondent's answer row as its record."""
    return RespondentAnswerRecord(
        row.respondent_id, row.statement_id, row.value, row.not_applicable, row.note, row.updated_at
    )


def asked_statements(edition: Edition, variant: Variant) -> set[str]:
    """The statements a respondent of this variant answers."""
    return {s.id for s in all_required(edition, variant)}


def add_respondent(
    db: Database, evaluation_id: str, name: str, role: RespondentRole
) -> RespondentRecord:
    """Invite a respondent to an evaluation that can still be changed."""
    name = checked_text(name, text.RESPONDENT_NAME)
    role = RespondentRole(role)
    with db.session() as session:
        editable(session.connection(), evaluation_id)
        count = session.scalar(
            select(func.count()).where(Respondent.evaluation_id == evaluation_id)
        )
        if (count or 0) >= MAX_RESPONDENTS:
            raise StoreError(f"een zelfevaluatie heeft hoogstens {MAX_RESPONDENTS} respondenten")
        row = Respondent(
            id=str(uuid.uuid4()),
            evaluation_id=evaluation_id,
            name=name,
            role=role,
            position=count or 0,
            created_at=utc_now(),
        )
        session.add(row)
        session.flush()
        return respondent_record(row)


def list_respondents(db: Database, evaluation_id: str) -> list[RespondentRecord]:
    """The respondents of an evaluation in the order they were invited, removed ones too."""
    with db.session() as session:
        rows = session.scalars(
            select(Respondent)
            .where(Respondent.evaluation_id == evaluation_id)
            .order_by(Respondent.position, Respondent.created_at, Respondent.id)
        )
        return [respondent_record(r) for r in rows]


def get_respondent(db: Database, respondent_id: str) -> RespondentRecord:
    """One respondent."""
    with db.session() as session:
        return respondent_record(_respondent(session, respondent_id))


def _respondent(session: Session, respondent_id: str) -> Respondent:
    row = session.get(Respondent, respondent_id)
    if row is None:
        raise NotFoundError("respondent", respondent_id)
    return row


def remove_respondent(db: Database, respondent_id: str) -> RespondentRecord:
    """Remove a respondent; their answers stay, shown as removed in the merged view."""
    with db.session() as session:
        row = _respondent(session, respondent_id)
        editable(session.connection(), row.evaluation_id)
        if row.removed_at is None:
            row.removed_at = utc_now()
        return respondent_record(row)


def set_done(db: Database, respondent_id: str, done: bool = True) -> RespondentRecord:
    """Record that a respondent has answered everything (or is not done after all)."""
    with db.session() as session:
        row = _respondent(session, respondent_id)
        editable(session.connection(), row.evaluation_id)
        row.done_at = utc_now() if done else None
        return respondent_record(row)


def _checked_value(value: AnswerValue) -> tuple[int | None, bool]:
    if value == NOT_APPLICABLE:
        return None, True
    if isinstance(value, bool) or value not in (0, 1, 2, 3):
        raise StoreError(f"ongeldig antwoord '{value}': kies 0, 1, 2, 3 of n.v.t.")
    return int(value), False


def save_respondent_answer(
    db: Database,
    respondent_id: str,
    statement_id: str,
    value: AnswerValue | None,
    note: str | None = None,
) -> RespondentAnswerRecord:
    """Store one respondent's own answer (``value`` None keeps the score: a note alone)."""
    if note is not None:
        note = checked_text(note, text.NOTE)
    now = utc_now()
    with db.session() as session:
        respondent = _respondent(session, respondent_id)
        if respondent.removed_at is not None:
            raise StoreError("deze respondent is verwijderd en kan niet meer antwoorden")
        edition, variant = editable(session.connection(), respondent.evaluation_id)
        if statement_id not in asked_statements(edition, variant):
            raise NotFoundError("stelling", statement_id)
        row = session.get(RespondentAnswer, (respondent_id, statement_id))
        if row is None:
            row = RespondentAnswer(
                respondent_id=respondent_id,
                statement_id=statement_id,
                value=None,
                not_applicable=False,
                note="",
            )
            session.add(row)
        if value is not None:
            stored, not_applicable = _checked_value(value)
            row.value, row.not_applicable = stored, not_applicable
        if note is not None:
            row.note = note
        row.updated_at = now
        session.flush()
        return respondent_answer_record(row)


def respondent_answers(db: Database, evaluation_id: str) -> list[RespondentAnswerRecord]:
    """Every respondent's own answers of one evaluation."""
    with db.session() as session:
        rows = session.scalars(
            select(RespondentAnswer)
            .join(Respondent, Respondent.id == RespondentAnswer.respondent_id)
            .where(Respondent.evaluation_id == evaluation_id)
        )
        return [respondent_answer_record(r) for r in rows]


def agree(
    db: Database,
    evaluation_id: str,
    statement_id: str,
    value: AnswerValue,
    note: str | None = None,
) -> AnswerRecord:
    """Set the group's agreed answer: the evaluation's own answer, the one that is scored."""
    with db.engine.connect() as connection:
        edition, variant = editable(connection, evaluation_id)
    if statement_id not in asked_statements(edition, variant):
        raise NotFoundError("stelling", statement_id)
    return save_answer(db, evaluation_id, statement_id, value, note)


def replace_answers(
    session: Session, respondent_id: str, answers: list[RespondentAnswer], moment: datetime
) -> None:
    """Put ``answers`` in place of everything the respondent answered before."""
    session.execute(delete(RespondentAnswer).where(RespondentAnswer.respondent_id == respondent_id))
    for answer in answers:
        answer.updated_at = moment
        session.add(answer)


def merged_view(db: Database, evaluation_id: str) -> MergedView:
    """The merged view of an evaluation's respondents, sorted by disagreement."""
    state = load_state(db, evaluation_id)
    return merge(
        evaluation_id,
        state.edition,
        state.variant,
        list_respondents(db, evaluation_id),
        respondent_answers(db, evaluation_id),
        state.answers,
    )


def respondent_count(session: Session, evaluation_id: str) -> int:
    """How many respondents an evaluation has (removed ones too)."""
    return (
        session.scalar(select(func.count()).where(Respondent.evaluation_id == evaluation_id)) or 0
    )


def respondent_of(db: Database, respondent_id: str, evaluation_id: str) -> RespondentRecord:
    """The respondent, checked to belong to this evaluation."""
    person = get_respondent(db, respondent_id)
    if person.evaluation_id != evaluation_id:
        raise StoreError(f"respondent '{respondent_id}' hoort niet bij deze zelfevaluatie")
    return person


def find_respondent(db: Database, respondent_id: str) -> RespondentRecord | None:
    """The respondent with this id, or None."""
    with db.session() as session:
        row = session.get(Respondent, respondent_id)
        return None if row is None else respondent_record(row)
