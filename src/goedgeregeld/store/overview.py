"""The home screen's data in one light read: no questionnaire, no scoring, no pydantic.

The app shows this right after start-up, so it reads only the columns of the store's
plain records (``OrganisationRecord``, ``EvaluationRecord``: the cached progress and score
of each evaluation, never the questionnaire snapshot), and through the tables by name, not
the mapped models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, column, select, table

from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.types import StoredEnum
from goedgeregeld.store.records import EvaluationRecord, OrganisationRecord

# The tables by name, with the columns read here (in the records' order) and the types their
# values need: mapping the models on the way to the first home screen would cost more than
# the queries (~20 ms for models.core, ~25 ms more for the invitations), and a page that
# needs them maps them on first use. tests/store/test_overview.py holds these columns to the
# mapped models, so a renamed or retyped column fails there.
ORGANISATION = table(
    "organisation",
    column("id"),
    column("name"),
    column("city"),
    column("province"),
    column("volunteers"),
    column("paid_fte"),
    column("created_at", DateTime),
    column("origin"),
)
EVALUATION = table(
    "evaluation",
    column("id"),
    column("organisation_id"),
    column("edition_id"),
    column("edition_version"),
    column("edition_hash"),
    column("variant"),
    column("status", StoredEnum(EvaluationStatus, 12)),
    column("created_at", DateTime),
    column("updated_at", DateTime),
    column("completed_at", DateTime),
    column("last_statement_id"),
    column("answered_count"),
    column("required_count"),
    column("total_score"),
)
INVITATION = table("invitation", column("respondent_id"))

if TYPE_CHECKING:
    from goedgeregeld.store.invitations import InvitationProgress


@dataclass(frozen=True)
class HomeOverview:
    """Every organisation, the chosen one and its evaluations (newest first)."""

    organisations: tuple[OrganisationRecord, ...]
    current: OrganisationRecord | None
    evaluations: tuple[EvaluationRecord, ...]
    invitations: tuple[InvitationProgress, ...] = ()
    """Invitations to answer another organisation's evaluation on this computer, as respondent."""


def home_overview(db: Database, organisation_id: str | None = None) -> HomeOverview:
    """Read the organisations and the evaluations of ``organisation_id`` (or the first one)."""
    organisation, evaluation = ORGANISATION.c, EVALUATION.c
    with db.engine.connect() as connection:
        organisations = tuple(
            OrganisationRecord(*row)
            for row in connection.execute(
                select(*organisation).order_by(organisation.name, organisation.id)
            )
        )
        # Usually none: one light query; the questionnaire is read only when there are some.
        any_invitation = (
            connection.execute(select(INVITATION.c.respondent_id).limit(1)).first() is not None
        )
        current = next((o for o in organisations if o.id == organisation_id), None)
        if current is None and organisations:
            current = organisations[0]
        evaluations: tuple[EvaluationRecord, ...] = ()
        if current is not None:
            evaluations = tuple(
                EvaluationRecord(*row)
                for row in connection.execute(
                    select(*evaluation)
                    .where(evaluation.organisation_id == current.id)
                    .order_by(evaluation.created_at.desc(), evaluation.id)
                )
            )
    invitations: tuple[InvitationProgress, ...] = ()
    if any_invitation:
        from goedgeregeld.store.invitations import invitation_progress

        invitations = tuple(invitation_progress(db))
    return HomeOverview(organisations, current, evaluations, invitations)
