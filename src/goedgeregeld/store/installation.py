"""This installation's identity: a random UUID made once."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.core import Installation


def installation_id(db: Database) -> str:
    """The id of this installation, created on first use."""
    with db.session() as session:
        existing = session.scalar(select(Installation.id).limit(1))
        if existing is not None:
            return existing
        new_id = str(uuid.uuid4())
        session.add(Installation(id=new_id, created_at=utc_now()))
        return new_id
