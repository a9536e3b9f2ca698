"""The home screen's data in one light read: no questionnaire, no scoring, no pydantic.

The app shows this right after start-up, so it reads only the columns of the store's
plain records (``OrganisationRecord``, ``EvaluationRecord``: the cached progress and score
of each evaluation, never the questionnaire snapshot).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import column, select, table

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.core import Evaluation, Organisation
from goedgeregeld.store.records import EvaluationRecord, OrganisationRecord

# The invitation table by name only: mapping its model at start-up would cost more (~25 ms)
# than the query, and a computer without invitations never needs it.
_INVITATION = table("invitation", column("respondent_id"))

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
    with db.engine.connect() as connection:
        organisations = tuple(
            OrganisationRecord(*row)
            for row in connection.execute(
                select(
                    Organisation.id,
                    Organisation.name,
                    Organisation.city,
                    Organisation.province,
                    Organisation.volunteers,
                    Organisation.paid_fte,
                    Organisation.created_at,
                    Organisation.origin,
                ).order_by(Organisation.name, Organisation.id)
            )
        )
        # Usually none: one light query; the questionnaire is read only when there are some.
        any_invitation = (
            connection.execute(select(_INVITATION.c.respondent_id).limit(1)).first() is not None
        )
        current = next((o for o in organisations if o.id == organisation_id), None)
        if current is None and organisations:
            current = organisations[0]
        evaluations: tuple[EvaluationRecord, ...] = ()
        if current is not None:
            evaluations = tuple(
                EvaluationRecord(*tuple(row))
                for row in connection.execute(
                    select(
                        Evaluation.id,
                        Evaluation.organisation_id,
                        Evaluation.edition_id,
                        Evaluation.edition_version,
                        Evaluation.edition_hash,
                        Evaluation.variant,
                        Evaluation.status,
                        Evaluation.created_at,
                        Evaluation.updated_at,
                        Evaluation.completed_at,
                        Evaluation.last_statement_id,
                        Evaluation.answered_count,
                        Evaluation.required_count,
                        Evaluation.total_score,
                    )
                    .where(Evaluation.organisation_id == current.id)
                    .order_by(Evaluation.created_at.desc(), Evaluation.id)
                )
            )
    invitations: tuple[InvitationProgress, ...] = ()
    if any_invitation:
        from goedgeregeld.store.invitations import invitation_progress

        invitations = tuple(invitation_progress(db))
    return HomeOverview(organisations, current, evaluations, invitations)
