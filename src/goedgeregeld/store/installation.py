"""This installation's identity: an id derived from its key, and the random id it had before."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.core import Installation
from goedgeregeld.store.models.trust import InstallationLink
from goedgeregeld.trust.identity import derive_installation_id, is_key_derived


@dataclass(frozen=True)
class OwnIds:
    """This installation's id and the older random id it continues (None if it never had one)."""

    current: str
    previous: str | None

    @property
    def all(self) -> frozenset[str]:
        """Every id this installation answers to."""
        return frozenset(i for i in (self.current, self.previous) if i is not None)


def installation_id(db: Database) -> str:
    """The id stored for this installation, created (random) on first use.

    Signing code asks ``settle_installation_id`` instead, which moves it to the key's id.
    """
    with db.session() as session:
        existing = session.scalar(select(Installation.id).limit(1))
        if existing is not None:
            return existing
        new_id = str(uuid.uuid4())
        session.add(Installation(id=new_id, created_at=utc_now()))
        return new_id


def _previous_in(session: Session, current: str) -> str | None:
    return session.scalar(
        select(InstallationLink.old_id)
        .where(InstallationLink.new_id == current)
        .order_by(InstallationLink.recorded_at)
        .limit(1)
    )


def settle_installation_id(db: Database, public_key: bytes) -> OwnIds:
    """This installation's ids once its id is the one ``public_key`` gives.

    A new installation gets the key's id straight away. One made before keys named ids keeps
    its random id as ``previous`` (its files carry a link statement for it from now on). An
    id derived from another key (the key file was replaced) moves on without a link: that
    key, which alone could sign one, is gone.
    """
    derived = derive_installation_id(public_key)
    with db.session() as session:
        existing = session.scalar(select(Installation.id).limit(1))
        if existing is None:
            session.add(Installation(id=derived, created_at=utc_now()))
            return OwnIds(derived, None)
        if existing == derived:
            return OwnIds(derived, _previous_in(session, derived))
        session.execute(update(Installation).where(Installation.id == existing).values(id=derived))
        previous = None
        if not is_key_derived(existing):
            previous = existing
            session.merge(InstallationLink(old_id=existing, new_id=derived, recorded_at=utc_now()))
        return OwnIds(derived, previous)


def own_ids_in(session: Session) -> frozenset[str]:
    """Every id this installation answers to, inside the caller's transaction."""
    current = session.scalar(select(Installation.id).limit(1))
    if current is None:
        return frozenset()
    previous = _previous_in(session, current)
    return frozenset(i for i in (current, previous) if i is not None)
