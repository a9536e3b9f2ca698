"""Everything one advice report prints, read through the store's use cases in plain records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from goedgeregeld.scoring import EvaluationScore
from goedgeregeld.store.actions import list_actions
from goedgeregeld.store.comparison import Comparison, compare_with_previous
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import EvaluationState, load_state
from goedgeregeld.store.evidence import list_attachments
from goedgeregeld.store.keurmerk import KeurmerkState, keurmerk_for
from goedgeregeld.store.merge import MergedView
from goedgeregeld.store.organisations import get_organisation
from goedgeregeld.store.records import ActionRecord, AttachmentRecord, OrganisationRecord
from goedgeregeld.store.review_records import ReviewRecord
from goedgeregeld.store.reviews import load_review


@dataclass(frozen=True)
class ReportData:
    """The organisation, the evaluation with its scores, action plan, review and evidence."""

    organisation: OrganisationRecord
    state: EvaluationState
    result: EvaluationScore
    actions: list[ActionRecord]
    review: ReviewRecord | None
    evidence: list[AttachmentRecord]
    report_date: date
    """The date printed on the report: today, or a date from the data in invariant builds."""
    comparison: Comparison | None = None
    """The change since the organisation's previous evaluation, when there is one."""
    keurmerk: KeurmerkState | None = None
    """The mark from a keurmerk certificate that verified (on the report's date), if any."""
    voices: MergedView | None = None
    """The respondents' spread, when several people filled the evaluation in (issue 19)."""


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
        actions=list_actions(db, evaluation_id),
        review=load_review(db, evaluation_id),
        evidence=list_attachments(db, evaluation_id),
        report_date=report_date,
        comparison=compare_with_previous(db, evaluation_id),
        keurmerk=keurmerk_for(db, [evaluation_id], report_date).get(evaluation_id),
        voices=_voices(db, evaluation_id),
    )


def _voices(db: Database, evaluation_id: str) -> MergedView | None:
    from goedgeregeld.store.respondents import merged_view

    view = merged_view(db, evaluation_id)
    return view if view.respondents else None
