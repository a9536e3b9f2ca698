"""The sample organisation: its own database file, to look around without touching real data."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import NOT_APPLICABLE, AnswerValue, all_required, variant_for
from goedgeregeld.store.actions import add_action
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
from goedgeregeld.store.models.core import Evaluation
from goedgeregeld.store.organisations import create_organisation, list_organisations

SAMPLE_NAME = "Stichting Buurthuis De Linde (voorbeeld)"


SAMPLE_NA_NOTE = "Past niet bij ons buurthuis."


def _sample_value(index: int, earlier: bool, na_allowed: bool = True) -> AnswerValue:
    """A fixed, varied pattern so every theme shows something different."""
    if index % 11 == 7 and na_allowed:
        return NOT_APPLICABLE
    pattern = (1, 2, 0, 2, 1, 3) if earlier else (2, 3, 1, 3, 2, 3)
    return pattern[index % len(pattern)]


def _age(db: Database, evaluation_id: str, days: int) -> None:
    """Move an evaluation back in time, so the sample has a history to compare with."""
    with db.engine.begin() as connection:
        row = connection.execute(
            select(Evaluation.created_at, Evaluation.updated_at, Evaluation.completed_at).where(
                Evaluation.id == evaluation_id
            )
        ).one()
        shift = timedelta(days=days)
        connection.execute(
            update(Evaluation)
            .where(Evaluation.id == evaluation_id)
            .values(
                created_at=row.created_at - shift,
                updated_at=row.updated_at - shift,
                completed_at=None if row.completed_at is None else row.completed_at - shift,
            )
        )


def ensure_sample_database(path: Path, edition: Edition) -> Database:
    """Open the sample database, creating the organisation and its evaluations on first use.

    The sample has a completed evaluation of a year ago and a half-filled draft of today.
    """
    db = open_database(path)
    if list_organisations(db):
        return db
    organisation = create_organisation(
        db, SAMPLE_NAME, city="Amersfoort", province="Utrecht", volunteers=45, paid_fte=0.8
    )
    variant = variant_for(edition.small_organisation, 45, 0.8)
    statements = all_required(edition, variant)
    earlier = start_evaluation(db, organisation.id, edition)
    for index, statement in enumerate(statements):
        value = _sample_value(index, earlier=True, na_allowed=statement.na_allowed)
        save_answer(db, earlier.id, statement.id, value, _note_for(value))
    complete_evaluation(db, earlier.id)
    add_action(db, earlier.id, "Vrijwilligersbeleid op één A4 zetten", owner="Bestuur")
    _age(db, earlier.id, 365)
    draft = start_evaluation(db, organisation.id, edition)
    for index, statement in enumerate(statements[: len(statements) // 2]):
        value = _sample_value(index, earlier=False, na_allowed=statement.na_allowed)
        save_answer(db, draft.id, statement.id, value, _note_for(value))
    return db


def _note_for(value: AnswerValue) -> str | None:
    # "Niet van toepassing" carries its reason, as the edition asks.
    return SAMPLE_NA_NOTE if value == NOT_APPLICABLE else None
