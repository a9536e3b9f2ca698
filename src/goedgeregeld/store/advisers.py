"""Adviser registration on this installation, and the quality marks the adviser recorded."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from goedgeregeld.base import text
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError, checked_text
from goedgeregeld.store.models.adviser import Adviser, Review
from goedgeregeld.store.records import AdviserRecord
from goedgeregeld.store.rows import adviser_record

MAX_ADVISER_TEXT = text.ADVISER_NAME.max_length


def register_adviser(db: Database, name: str, region: str | None = None) -> AdviserRecord:
    """Register the adviser of this installation once: a random id and today's date.

    Registering again keeps the id and the date and only updates name and region, so
    national counts see one adviser per installation however often the form is sent.
    """
    clean_name = checked_text(name, text.ADVISER_NAME)
    clean_region = checked_text(region, text.ADVISER_REGION)
    with db.session() as session:
        row = session.scalars(select(Adviser).order_by(Adviser.registered_at).limit(1)).first()
        if row is None:
            row = Adviser(
                id=str(uuid.uuid4()),
                name=clean_name,
                region=clean_region or None,
                registered_at=utc_now(),
            )
            session.add(row)
        else:
            row.name, row.region = clean_name, clean_region or None
        return adviser_record(row)


def list_advisers(db: Database) -> list[AdviserRecord]:
    """The advisers registered on this installation (zero or one), oldest first."""
    with db.session() as session:
        rows = session.scalars(select(Adviser).order_by(Adviser.registered_at, Adviser.id))
        return [adviser_record(r) for r in rows]


def current_adviser(db: Database) -> AdviserRecord | None:
    """The adviser of this installation, or None when nobody registered."""
    advisers = list_advisers(db)
    return advisers[0] if advisers else None


def require_adviser(db: Database) -> AdviserRecord:
    """The adviser of this installation; a clear message when there is none yet."""
    adviser = current_adviser(db)
    if adviser is None:
        raise StoreError(
            "deze installatie heeft nog geen adviseur; "
            "registreer eerst met: goedgeregeld adviser register --name NAAM"
        )
    return adviser


def list_quality_marks(db: Database) -> list[tuple[str, date]]:
    """Every evaluation whose quality mark was recorded as granted, with the date."""
    with db.session() as session:
        rows = session.execute(
            select(Review.evaluation_id, Review.mark_granted_on)
            .where(Review.mark_granted_on.is_not(None))
            .order_by(Review.mark_granted_on, Review.evaluation_id)
        )
        return [(evaluation_id, granted) for evaluation_id, granted in rows if granted]
