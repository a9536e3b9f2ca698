"""Re-assessment: a new evaluation that takes over a previous one's answers, to confirm.

Answers and notes are mapped through the editions' ``continues`` (a split gets its source's
answer on each part, a merge the lowest of its sources), evidence links and open actions come
along, all in one transaction. A taken-over answer is shown but scores as open until the user
confirms or changes it; the confirmation is stored per answer, so nothing is lost in between.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from goedgeregeld.domain import ActionStatus, MappingKind, Verdict
from goedgeregeld.questionnaire.catalog import previous_shipped
from goedgeregeld.questionnaire.mapping import EditionMapping, edition_mapping
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import NOT_APPLICABLE, AnswerValue, variant_for
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError
from goedgeregeld.store.evaluations import (
    EvaluationState,
    editable,
    load_state,
    new_evaluation_row,
    refresh_summary,
)
from goedgeregeld.store.models.core import Action, Answer, Organisation
from goedgeregeld.store.models.evidence import Attachment
from goedgeregeld.store.records import AnswerRecord, EvaluationRecord
from goedgeregeld.store.reviews import load_review
from goedgeregeld.store.rows import evaluation_record
from goedgeregeld.words import counted

_answers = cast(Table, Answer.__table__)


@dataclass(frozen=True)
class Carried:
    """What one statement of the new evaluation takes over."""

    value: int | None
    not_applicable: bool
    note: str
    sources: tuple[str, ...]


def carried_answer(
    mapping: EditionMapping, edition: Edition, previous: dict[str, AnswerRecord], statement_id: str
) -> Carried | None:
    """The answer and note one statement takes over from its sources, or None for nothing."""
    found = mapping.statements.get(statement_id)
    if found is None or found.kind == MappingKind.NEW:
        return None
    answers = [previous[s] for s in found.sources if s in previous]
    if not answers:
        return None
    scored = [a.value for a in answers if a.value is not None and not a.not_applicable]
    value = min(scored) if scored else None
    not_applicable = value is None and any(a.not_applicable for a in answers)
    if not_applicable and not edition.statements_by_id[statement_id].na_allowed:
        not_applicable = False  # n.v.t. is not allowed here any more: left open
    note = "\n\n".join(a.note.strip() for a in answers if a.note.strip())
    if value is None and not not_applicable and not note:
        return None
    return Carried(value, not_applicable, note, found.sources)


def start_from(
    db: Database, organisation_id: str, edition: Edition, previous_id: str
) -> EvaluationRecord:
    """Start a draft on ``edition`` that takes over ``previous_id``, in one transaction."""
    previous = load_state(db, previous_id)
    if previous.evaluation.organisation_id != organisation_id:
        raise StoreError("de vorige zelfevaluatie hoort bij een andere organisatie")
    mapping = edition_mapping(previous.edition, edition, previous_shipped)
    now = utc_now()
    with db.session() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError("organisatie", organisation_id)
        if organisation.origin == "client":
            raise StoreError("een nieuwe ronde begint de organisatie zelf, niet de adviseur")
        variant = variant_for(
            edition.small_organisation, organisation.volunteers, organisation.paid_fte
        )
        row = new_evaluation_row(organisation_id, edition, variant, now, previous_id)
        session.add(row)
        session.flush()
        for statement_id in edition.statements_by_id:
            carried = carried_answer(mapping, edition, previous.answers, statement_id)
            if carried is None:
                continue
            session.add(
                Answer(
                    evaluation_id=row.id,
                    statement_id=statement_id,
                    value=carried.value,
                    not_applicable=carried.not_applicable,
                    note=carried.note,
                    updated_at=now,
                    carried_from=",".join(carried.sources),
                    confirmed=carried.value is None and not carried.not_applicable,
                )
            )
        _carry_evidence(session, previous_id, row.id, mapping)
        _carry_actions(session, previous_id, row.id, mapping)
        record = evaluation_record(row)
    return record


def _carry_evidence(
    session: Session, previous_id: str, new_id: str, mapping: EditionMapping
) -> None:
    now = utc_now()
    seen: set[tuple[str, str]] = set()
    for attachment in session.scalars(
        select(Attachment).where(Attachment.evaluation_id == previous_id)
    ).all():
        for target in mapping.targets(attachment.statement_id):
            if (target, attachment.sha256) in seen:
                continue
            seen.add((target, attachment.sha256))
            session.add(
                Attachment(
                    id=str(uuid.uuid4()),
                    evaluation_id=new_id,
                    statement_id=target,
                    sha256=attachment.sha256,
                    file_name=attachment.file_name,
                    added_at=now,
                )
            )


def _carry_actions(
    session: Session, previous_id: str, new_id: str, mapping: EditionMapping
) -> None:
    now = utc_now()
    for action in session.scalars(
        select(Action)
        .where(Action.evaluation_id == previous_id, Action.status != ActionStatus.DONE)
        .order_by(Action.position)
    ).all():
        targets = mapping.targets(action.statement_id) if action.statement_id else ()
        session.add(
            Action(
                id=str(uuid.uuid4()),
                evaluation_id=new_id,
                statement_id=targets[0] if targets else None,
                description=action.description,
                owner=action.owner,
                deadline=action.deadline,
                status=action.status,
                position=action.position,
                created_at=now,
                updated_at=now,
                carried_from=previous_id,
            )
        )


def confirm_answers(
    db: Database, evaluation_id: str, statement_ids: list[str] | None = None
) -> list[str]:
    """Confirm taken-over answers as they are (all when none are named); returns those confirmed."""
    state = load_state(db, evaluation_id)
    pending = state.to_confirm
    chosen = pending if not statement_ids else list(dict.fromkeys(statement_ids))
    unknown = [s for s in chosen if s not in pending]
    if unknown:
        raise StoreError(
            f"niets te bevestigen bij {', '.join(unknown)}: "
            f"{counted(len(pending), 'stelling wacht', 'stellingen wachten')} op bevestiging"
        )
    if not chosen:
        return []
    now = utc_now()
    with db.engine.begin() as connection:
        edition, variant = editable(connection, evaluation_id)
        connection.execute(
            update(_answers)
            .where(_answers.c.evaluation_id == evaluation_id, _answers.c.statement_id.in_(chosen))
            .values(confirmed=True, updated_at=now)
        )
        refresh_summary(connection, evaluation_id, edition, variant, chosen[-1], now)
    return chosen


def _low(value: AnswerValue | None, minimum: int) -> bool:
    return value is not None and value != NOT_APPLICABLE and int(value) < minimum


def attention_order(db: Database, state: EvaluationState) -> list[str]:
    """What a re-assessment opens first: last time's failures, the adviser's questions, new ones.

    Then the rest of what waits for confirmation, each statement once, in questionnaire order
    within each group. Empty for an evaluation that took nothing over.
    """
    previous_id = state.evaluation.carried_from
    if previous_id is None:
        return []
    try:
        previous = load_state(db, previous_id)
    except NotFoundError:
        previous = None
    to_confirm = state.to_confirm
    open_now = set(state.score().open_statements)
    failed: list[str] = []
    questioned: list[str] = []
    new: list[str] = []
    mapping = (
        None
        if previous is None
        else edition_mapping(previous.edition, state.edition, previous_shipped)
    )
    review = None if previous is None else load_review(db, previous_id)
    for sid, statement in state.edition.statements_by_id.items():
        sources = () if mapping is None else mapping.sources(sid)
        if mapping is not None and not sources and sid in open_now:
            new.append(sid)
            continue
        if previous is not None:
            before = [previous.answers[s].answer_value for s in sources if s in previous.answers]
            if any(_low(v, statement.must or 2) for v in before):
                failed.append(sid)
                continue
        if review is not None:
            marks = [review.statements[s] for s in sources if s in review.statements]
            if any(m.verdict != Verdict.AGREE or m.comment.strip() for m in marks):
                questioned.append(sid)
    pending = set(to_confirm) | set(new)
    ordered = [s for s in (*failed, *questioned) if s in pending] + new
    return list(dict.fromkeys([*ordered, *to_confirm]))
