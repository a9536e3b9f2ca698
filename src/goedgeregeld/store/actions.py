"""Use cases for the action plan: actions made from the weakest statements, edited, stored."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from goedgeregeld.base import text
from goedgeregeld.domain import ActionStatus
from goedgeregeld.scoring import NOT_APPLICABLE, required_statements
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError, checked_text
from goedgeregeld.store.evaluations import EvaluationState, load_state
from goedgeregeld.store.models.core import Action, Evaluation
from goedgeregeld.store.records import ActionRecord
from goedgeregeld.store.rows import action_record

ACTION_STATUSES = tuple(ActionStatus)
MAX_TEXT_LENGTH = text.ACTION_DESCRIPTION.max_length


@dataclass(frozen=True)
class WeakStatement:
    """A statement scored below the top of the scale: a candidate for an action."""

    statement_id: str
    theme_title: str
    text: str
    value: int
    advice: str


def weakest_statements(state: EvaluationState, limit: int | None = None) -> list[WeakStatement]:
    """Answered statements scored 0-2, lowest first, in questionnaire order within a score."""
    found: list[WeakStatement] = []
    for theme in state.edition.themes:
        for statement in required_statements(theme, state.variant):
            answer = state.answers.get(statement.id)
            value = None if answer is None else answer.answer_value
            if value is None or value == NOT_APPLICABLE or value >= 3:
                continue
            found.append(
                WeakStatement(statement.id, theme.title, statement.text, value, statement.advice)
            )
    found.sort(key=lambda w: w.value)
    return found if limit is None else found[:limit]


def _check(description: str, owner: str, status: str) -> tuple[str, str]:
    clean = checked_text(description, text.ACTION_DESCRIPTION).strip()
    clean_owner = checked_text(owner, text.ACTION_OWNER)
    if status not in ACTION_STATUSES:
        raise StoreError(f"onbekende status '{status}'; kies uit: {', '.join(ACTION_STATUSES)}")
    return clean, clean_owner


def list_actions(db: Database, evaluation_id: str) -> list[ActionRecord]:
    """The action plan of an evaluation, in its own order."""
    with db.session() as session:
        rows = session.scalars(
            select(Action)
            .where(Action.evaluation_id == evaluation_id)
            .order_by(Action.position, Action.created_at, Action.id)
        )
        return [action_record(r) for r in rows]


def add_action(
    db: Database,
    evaluation_id: str,
    description: str,
    owner: str = "",
    deadline: date | None = None,
    statement_id: str | None = None,
) -> ActionRecord:
    """Append an action to the plan."""
    clean, clean_owner = _check(description, owner, "open")
    now = utc_now()
    with db.session() as session:
        if session.get(Evaluation, evaluation_id) is None:
            raise NotFoundError("zelfevaluatie", evaluation_id)
        last = session.scalar(
            select(func.max(Action.position)).where(Action.evaluation_id == evaluation_id)
        )
        row = Action(
            id=str(uuid.uuid4()),
            evaluation_id=evaluation_id,
            statement_id=statement_id,
            description=clean,
            owner=clean_owner,
            deadline=deadline,
            status=ActionStatus.OPEN,
            position=0 if last is None else last + 1,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        return action_record(row)


def create_actions_for(
    db: Database, evaluation_id: str, statement_ids: list[str]
) -> list[ActionRecord]:
    """One action per chosen statement, worded as the edition's advice; skips duplicates."""
    state = load_state(db, evaluation_id)
    existing = {a.statement_id for a in list_actions(db, evaluation_id)}
    created = []
    for statement_id in statement_ids:
        statement = state.edition.statements_by_id.get(statement_id)
        if statement is None:
            raise NotFoundError("stelling", statement_id)
        if statement_id in existing:
            continue
        created.append(add_action(db, evaluation_id, statement.advice, statement_id=statement_id))
        existing.add(statement_id)
    return created


def update_action(
    db: Database,
    action_id: str,
    *,
    description: str,
    owner: str,
    deadline: date | None,
    status: str,
) -> ActionRecord:
    """Change an action's description, owner, deadline and status."""
    clean, clean_owner = _check(description, owner, status)
    with db.session() as session:
        row = session.get(Action, action_id)
        if row is None:
            raise NotFoundError("actiepunt", action_id)
        row.description, row.owner, row.deadline, row.status = (
            clean,
            clean_owner,
            deadline,
            ActionStatus(status),
        )
        row.updated_at = utc_now()
        return action_record(row)


def delete_action(db: Database, action_id: str) -> None:
    """Remove an action from the plan."""
    with db.session() as session:
        row = session.get(Action, action_id)
        if row is None:
            raise NotFoundError("actiepunt", action_id)
        session.delete(row)
