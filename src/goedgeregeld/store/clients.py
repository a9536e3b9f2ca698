"""The adviser's client list: one row per client evaluation, read in a single query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.adviser import (
    ClientImport,
    Review,
    ReviewCondition,
    StatementReview,
)
from goedgeregeld.store.models.core import Evaluation, Organisation
from goedgeregeld.store.review_records import Decision, QualityMark


@dataclass(frozen=True)
class ClientRow:
    """One client evaluation as the client list shows it."""

    organisation_id: str
    organisation_name: str
    province: str | None
    evaluation_id: str
    status: EvaluationStatus
    total_score: float | None
    answered_count: int
    required_count: int
    updated_at: datetime
    imported_at: datetime
    decision: Decision | None
    reviewed_statements: int
    changed_statements: int
    quality_mark: QualityMark | None
    review_sent_at: datetime | None = None
    """When the review file was last written here ("beoordeling verstuurd"), or None."""
    next_deadline: date | None = None
    """The earliest deadline among the decision's conditions, or None."""

    def mark_reminder(self, today: date) -> bool:
        """The quality mark expires within 12 months (or has expired)."""
        return self.quality_mark is not None and self.quality_mark.needs_reminder(today)


def list_clients(db: Database) -> list[ClientRow]:
    """Every imported client evaluation with its review state, newest import first."""
    counts = (
        select(
            StatementReview.evaluation_id.label("evaluation_id"),
            func.count().label("reviewed"),
            func.sum(StatementReview.changed).label("changed"),
        )
        .group_by(StatementReview.evaluation_id)
        .subquery()
    )
    deadlines = (
        select(
            ReviewCondition.evaluation_id.label("evaluation_id"),
            func.min(ReviewCondition.deadline).label("first"),
        )
        .group_by(ReviewCondition.evaluation_id)
        .subquery()
    )
    query = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.province,
            Evaluation.id,
            Evaluation.status,
            Evaluation.total_score,
            Evaluation.answered_count,
            Evaluation.required_count,
            Evaluation.updated_at,
            ClientImport.imported_at,
            Review.decision,
            Review.mark_granted_on,
            counts.c.reviewed,
            counts.c.changed,
            Review.exported_at,
            deadlines.c.first,
        )
        .join(ClientImport, ClientImport.evaluation_id == Evaluation.id)
        .join(Organisation, Organisation.id == Evaluation.organisation_id)
        .outerjoin(Review, Review.evaluation_id == Evaluation.id)
        .outerjoin(counts, counts.c.evaluation_id == Evaluation.id)
        .outerjoin(deadlines, deadlines.c.evaluation_id == Evaluation.id)
        .order_by(ClientImport.imported_at.desc(), Evaluation.id)
    )
    with db.session() as session:
        return [
            ClientRow(
                organisation_id=org_id,
                organisation_name=name,
                province=province,
                evaluation_id=evaluation_id,
                status=status,
                total_score=total,
                answered_count=answered,
                required_count=required,
                updated_at=updated,
                imported_at=imported,
                decision=Decision(decision) if decision else None,
                reviewed_statements=int(reviewed or 0),
                changed_statements=int(changed or 0),
                quality_mark=QualityMark(granted) if granted else None,
                review_sent_at=sent,
                next_deadline=first_deadline,
            )
            for (
                org_id,
                name,
                province,
                evaluation_id,
                status,
                total,
                answered,
                required,
                updated,
                imported,
                decision,
                granted,
                reviewed,
                changed,
                sent,
                first_deadline,
            ) in session.execute(query)
        ]


def quality_mark_reminders(db: Database, today: date) -> list[tuple[str, QualityMark]]:
    """Evaluations whose quality mark expires within 12 months (or expired), by expiry."""
    with db.session() as session:
        rows = session.execute(
            select(Review.evaluation_id, Review.mark_granted_on).where(
                Review.mark_granted_on.is_not(None)
            )
        )
        marks = [
            (evaluation_id, QualityMark(granted)) for evaluation_id, granted in rows if granted
        ]
    due = [(e, m) for e, m in marks if m.needs_reminder(today)]
    return sorted(due, key=lambda item: (item[1].expires_on, item[0]))


@dataclass(frozen=True)
class ConditionDeadline:
    """One condition of a client's decision, with its deadline."""

    evaluation_id: str
    organisation_name: str
    text: str
    deadline: date


def condition_deadlines(db: Database) -> list[ConditionDeadline]:
    """Every condition of every client evaluation, the nearest deadline first."""
    query = (
        select(
            ReviewCondition.evaluation_id,
            Organisation.name,
            ReviewCondition.text,
            ReviewCondition.deadline,
        )
        .join(Review, Review.evaluation_id == ReviewCondition.evaluation_id)
        .join(Evaluation, Evaluation.id == ReviewCondition.evaluation_id)
        .join(Organisation, Organisation.id == Evaluation.organisation_id)
        .where(Review.origin == "own")
        .order_by(ReviewCondition.deadline, Organisation.name, ReviewCondition.position)
    )
    with db.session() as session:
        return [ConditionDeadline(*row) for row in session.execute(query)]
