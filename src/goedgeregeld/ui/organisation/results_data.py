"""What the results page shows, read and scored off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.records import ActionRecord
    from goedgeregeld.store.review_records import ReviewRecord

CHART_SIZE = (520, 400)
CHART_DRAWING = (400, 308)
"""The chart is drawn this size and shown at ``CHART_SIZE``: its 8.5 pt text (as in the PDF)
shows at about 11 pixels, readable without leaning in."""


@dataclass(frozen=True)
class ResultsData:
    """Everything the page shows, read and computed in the worker."""

    state: Any
    result: Any
    organisation_name: str
    actions: list[ActionRecord]
    has_previous: bool
    chart_svg: bytes
    reasons: list[str]
    review: ReviewRecord | None
    keurmerk: Any = None


def load_results(db: Database, evaluation_id: str) -> ResultsData:
    """Read and score an evaluation and draw its chart (runs off the GUI thread)."""
    from goedgeregeld.report.chart import theme_chart_svg
    from goedgeregeld.scoring import eligibility_reasons
    from goedgeregeld.store.actions import list_actions
    from goedgeregeld.store.comparison import previous_evaluation_id
    from goedgeregeld.store.evaluations import load_state
    from goedgeregeld.store.keurmerk import keurmerk_of
    from goedgeregeld.store.organisations import get_organisation
    from goedgeregeld.store.reviews import load_review

    state = load_state(db, evaluation_id)
    result = state.score()
    return ResultsData(
        state=state,
        result=result,
        organisation_name=get_organisation(db, state.evaluation.organisation_id).name,
        actions=list_actions(db, evaluation_id),
        has_previous=previous_evaluation_id(db, evaluation_id) is not None,
        chart_svg=theme_chart_svg(result, *CHART_DRAWING),
        reasons=eligibility_reasons(result),
        review=load_review(db, evaluation_id),
        keurmerk=keurmerk_of(db, evaluation_id),
    )
