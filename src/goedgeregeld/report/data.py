"""Everything one advice report prints, read from the store in plain records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from goedgeregeld.report.evidence import EvidenceItem, load_evidence
from goedgeregeld.report.review_section import ReviewSummary, load_review
from goedgeregeld.scoring import EvaluationScore
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import EvaluationState, load_state
from goedgeregeld.store.models.core import Action
from goedgeregeld.store.organisations import get_organisation
from goedgeregeld.store.records import ActionRecord, OrganisationRecord


@dataclass(frozen=True)
class ReportData:
    """The organisation, the evaluation with its scores, action plan, review and evidence."""

    organisation: OrganisationRecord
    state: EvaluationState
    result: EvaluationScore
    actions: list[ActionRecord]
    review: ReviewSummary | None
    evidence: list[EvidenceItem]
    report_date: date
    """The date printed on the report: today, or a date from the data in invariant builds."""


def load_actions(db: Database, evaluation_id: str) -> list[ActionRecord]:
    """The action plan of an evaluation in the order the organisation put it."""
    query = (
        select(Action)
        .where(Action.evaluation_id == evaluation_id)
        .order_by(Action.position, Action.created_at, Action.id)
    )
    with db.session() as session:
        return [
            ActionRecord(
                id=row.id,
                evaluation_id=row.evaluation_id,
                statement_id=row.statement_id,
                description=row.description,
                owner=row.owner,
                deadline=row.deadline,
                status=row.status,
                position=row.position,
            )
            for row in session.scalars(query)
        ]


def load_report_data(db: Database, evaluation_id: str, *, invariant: bool) -> ReportData:
    """Read everything the report needs; each store function uses its own short session.

    An invariant build dates the report by the evaluation itself (completed, else last
    changed), so the same data gives the same bytes on any day.
    """
    state = load_state(db, evaluation_id)
    record = state.evaluation
    stamp = record.completed_at or record.updated_at
    report_date = stamp.date() if invariant else date.today()
    return ReportData(
        organisation=get_organisation(db, record.organisation_id),
        state=state,
        result=state.score(),
        actions=load_actions(db, evaluation_id),
        review=load_review(db, evaluation_id),
        evidence=load_evidence(db, evaluation_id),
        report_date=report_date,
    )
