"""Use cases for organisation profiles."""

from __future__ import annotations

import math
import uuid

from sqlalchemy import func, select

from goedgeregeld.base import text
from goedgeregeld.base.provinces import PROVINCES, normalise_province
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError, checked_text
from goedgeregeld.store.models.core import Evaluation, Organisation
from goedgeregeld.store.records import OrganisationRecord
from goedgeregeld.store.rows import organisation_record

MAX_NAME_LENGTH = text.ORGANISATION_NAME.max_length
MAX_VOLUNTEERS = 100_000  # "100.000" in the messages below
"""More volunteers than the largest Dutch volunteer organisations have is a typing error."""
MAX_PAID_FTE = 10_000.0
"""Paid staff in fte; beyond this a number was mistyped (e.g. "15" for "1,5")."""


def size_problems(volunteers: int | None, paid_fte: float | None) -> dict[str, str]:
    """What is wrong with the organisation's size, per field ("volunteers", "paid_fte").

    The one range check: the app shows it at the field, the store and the command line
    refuse with the same words.
    """
    problems: dict[str, str] = {}
    if volunteers is not None and not 0 <= volunteers <= MAX_VOLUNTEERS:
        problems["volunteers"] = "het aantal vrijwilligers moet tussen 0 en 100.000 liggen"
    if paid_fte is not None and not (math.isfinite(paid_fte) and 0 <= paid_fte <= MAX_PAID_FTE):
        problems["paid_fte"] = "het aantal betaalde krachten moet tussen 0 en 10.000 fte liggen"
    return problems


def _validated(
    name: str,
    city: str | None,
    province: str | None,
    volunteers: int | None,
    paid_fte: float | None,
) -> tuple[str, str | None, str | None]:
    clean_name = checked_text(name, text.ORGANISATION_NAME)
    canonical = None
    if province:
        canonical = normalise_province(province)
        if canonical is None:
            raise StoreError(f"onbekende provincie '{province}'; kies uit: {', '.join(PROVINCES)}")
    for problem in size_problems(volunteers, paid_fte).values():
        raise StoreError(problem)
    clean_city = checked_text(city, text.CITY)
    return clean_name, clean_city or None, canonical


def create_organisation(
    db: Database,
    name: str,
    city: str | None = None,
    province: str | None = None,
    volunteers: int | None = None,
    paid_fte: float | None = None,
) -> OrganisationRecord:
    """Create an organisation profile with a random id."""
    clean_name, clean_city, canonical = _validated(name, city, province, volunteers, paid_fte)
    row = Organisation(
        id=str(uuid.uuid4()),
        name=clean_name,
        city=clean_city,
        province=canonical,
        volunteers=volunteers,
        paid_fte=paid_fte,
        created_at=utc_now(),
    )
    with db.session() as session:
        session.add(row)
    return organisation_record(row)


def update_organisation(
    db: Database,
    organisation_id: str,
    name: str,
    city: str | None,
    province: str | None,
    volunteers: int | None,
    paid_fte: float | None,
) -> OrganisationRecord:
    """Change an organisation's profile; evaluations keep the variant they started with."""
    clean_name, clean_city, canonical = _validated(name, city, province, volunteers, paid_fte)
    with db.session() as session:
        row = session.get(Organisation, organisation_id)
        if row is None:
            raise NotFoundError("organisatie", organisation_id)
        row.name, row.city, row.province = clean_name, clean_city, canonical
        row.volunteers, row.paid_fte = volunteers, paid_fte
        return organisation_record(row)


def get_organisation(db: Database, organisation_id: str) -> OrganisationRecord:
    """One organisation by id."""
    with db.session() as session:
        row = session.get(Organisation, organisation_id)
        if row is None:
            raise NotFoundError("organisatie", organisation_id)
        return organisation_record(row)


def list_organisations(db: Database) -> list[OrganisationRecord]:
    """Every organisation, by name."""
    with db.session() as session:
        rows = session.scalars(select(Organisation).order_by(Organisation.name, Organisation.id))
        return [organisation_record(r) for r in rows]


def evaluation_counts(db: Database) -> dict[str, int]:
    """How many evaluations each organisation has."""
    with db.session() as session:
        rows = session.execute(
            select(Evaluation.organisation_id, func.count()).group_by(Evaluation.organisation_id)
        )
        return {org_id: count for org_id, count in rows}
