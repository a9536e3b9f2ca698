"""The home screen's data in one light read: no questionnaire, no scoring, no pydantic.

The app shows this right after start-up, so it only touches ``models`` (SQLAlchemy) and
the cached progress columns of each evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.core import Evaluation, Organisation


@dataclass(frozen=True)
class OrganisationRow:
    """An organisation as the organisation chooser lists it."""

    id: str
    name: str
    city: str | None
    province: str | None
    volunteers: int | None
    paid_fte: float | None


@dataclass(frozen=True)
class EvaluationRow:
    """An evaluation as the home screen lists it."""

    id: str
    edition_id: str
    edition_version: str
    variant: str
    status: str
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    answered: int
    required: int
    total_score: float | None

    @property
    def is_completed(self) -> bool:
        """The evaluation was finished and is read-only."""
        return self.status == "completed"


@dataclass(frozen=True)
class HomeOverview:
    """Every organisation, the chosen one and its evaluations (newest first)."""

    organisations: tuple[OrganisationRow, ...]
    current: OrganisationRow | None
    evaluations: tuple[EvaluationRow, ...]


def home_overview(db: Database, organisation_id: str | None = None) -> HomeOverview:
    """Read the organisations and the evaluations of ``organisation_id`` (or the first one)."""
    with db.engine.connect() as connection:
        organisations = tuple(
            OrganisationRow(*row)
            for row in connection.execute(
                select(
                    Organisation.id,
                    Organisation.name,
                    Organisation.city,
                    Organisation.province,
                    Organisation.volunteers,
                    Organisation.paid_fte,
                ).order_by(Organisation.name, Organisation.id)
            )
        )
        current = next((o for o in organisations if o.id == organisation_id), None)
        if current is None and organisations:
            current = organisations[0]
        evaluations: tuple[EvaluationRow, ...] = ()
        if current is not None:
            evaluations = tuple(
                EvaluationRow(*row)
                for row in connection.execute(
                    select(
                        Evaluation.id,
                        Evaluation.edition_id,
                        Evaluation.edition_version,
                        Evaluation.variant,
                        Evaluation.status,
                        Evaluation.created_at,
                        Evaluation.updated_at,
                        Evaluation.completed_at,
                        Evaluation.answered_count,
                        Evaluation.required_count,
                        Evaluation.total_score,
                    )
                    .where(Evaluation.organisation_id == current.id)
                    .order_by(Evaluation.created_at.desc(), Evaluation.id)
                )
            )
    return HomeOverview(organisations, current, evaluations)
