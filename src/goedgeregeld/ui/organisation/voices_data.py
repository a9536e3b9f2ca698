"""What the several-respondents screens show, read in one go on the worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.merge import MergedView


@dataclass(frozen=True)
class VoicesData:
    """What the page shows, read in one go on the worker."""

    edition: Edition
    view: MergedView
    organisation_name: str
    completed: bool


def load_voices(db: Database, evaluation_id: str) -> VoicesData:
    """The evaluation's edition, its merged view and the organisation's name."""
    from goedgeregeld.store.evaluations import load_state
    from goedgeregeld.store.organisations import get_organisation
    from goedgeregeld.store.respondents import merged_view

    state = load_state(db, evaluation_id)
    organisation = get_organisation(db, state.evaluation.organisation_id)
    return VoicesData(
        state.edition,
        merged_view(db, evaluation_id),
        organisation.name,
        state.evaluation.is_completed,
    )
