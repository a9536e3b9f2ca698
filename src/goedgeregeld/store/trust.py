"""Trust on first use on this installation, stored: the pins and origins the policy reads and writes.

The rules and their messages are ``goedgeregeld.trust``'s; this module only reads the
recorded keys (``trusted_key``) and subject origins (``signed_origin``) as plain records
and writes what the policy says to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.installation import own_ids_in
from goedgeregeld.store.models.trust import InstallationLink, SignedOrigin, TrustedKey
from goedgeregeld.trust import (
    KeyPin,
    PresentedKey,
    Subject,
    check_acceptance,
    fingerprint,
    pin_to_record,
)
from goedgeregeld.trust.identity import LinkStatement
from goedgeregeld.trust.policy import link_replaces_pin


@dataclass(frozen=True)
class SignerStanding:
    """What this installation knows about a signer: its pin, and who else holds its key."""

    pinned: KeyPin | None
    owner_of_key: str | None
    """Another installation whose pinned key the signer carries, if any."""
    own_ids: frozenset[str] = frozenset()
    """The ids this installation itself answers to."""
    old_pin: KeyPin | None = None
    """The pin of the old id the file's link statement continues (if it has one)."""
    owner_of_old_key: str | None = None
    """Another installation the link's old key is pinned for."""
    continued_as: str | None = None
    """The new id the link's old id already continues as here."""


def _pin(row: TrustedKey) -> KeyPin:
    return KeyPin(row.installation_id, bytes.fromhex(row.public_key), row.accepted_fingerprint)


def _family(session: Session, installation_id: str) -> set[str]:
    """The id and the ids linked to it either way: one installation under its old and new id."""
    family = {installation_id}
    family.update(
        session.scalars(
            select(InstallationLink.new_id).where(InstallationLink.old_id == installation_id)
        )
    )
    family.update(
        session.scalars(
            select(InstallationLink.old_id).where(InstallationLink.new_id == installation_id)
        )
    )
    return family


def _owner(session: Session, public_key: bytes, family: set[str]) -> str | None:
    return session.scalar(
        select(TrustedKey.installation_id).where(
            TrustedKey.public_key == public_key.hex(),
            TrustedKey.installation_id.not_in(sorted(family)),
        )
    )


def _pin_of(session: Session, installation_id: str) -> KeyPin | None:
    row = session.get(TrustedKey, installation_id)
    return _pin(row) if row is not None else None


def signer_standing(
    db: Database, installation_id: str, public_key: bytes, link: LinkStatement | None = None
) -> SignerStanding:
    """The pin of ``installation_id`` and any other installation pinned with ``public_key``.

    For a file with a link statement also what is known of the old id it continues.
    """
    with db.session() as session:
        family = _family(session, installation_id)
        if link is None:
            return SignerStanding(
                _pin_of(session, installation_id),
                _owner(session, public_key, family),
                own_ids_in(session),
            )
        old = link.old_installation_id
        family |= _family(session, old)
        continued = session.get(InstallationLink, old)
        return SignerStanding(
            _pin_of(session, installation_id),
            _owner(session, public_key, family),
            own_ids_in(session),
            _pin_of(session, old),
            _owner(session, link.old_public_key, family),
            continued.new_id if continued is not None else None,
        )


def origin_of(db: Database, subject: Subject) -> str | None:
    """The installation ``subject`` came signed from before, or None."""
    with db.session() as session:
        origin = session.get(SignedOrigin, (subject.kind, subject.id))
        return origin.installation_id if origin is not None else None


def same_installation(db: Database, first: str, second: str) -> bool:
    """Whether two ids name one installation (the same, or linked old to new)."""
    if first == second:
        return True
    with db.session() as session:
        return second in _family(session, first)


def _canonical_in(session: Session, installation_id: str) -> str:
    link = session.get(InstallationLink, installation_id)
    return link.new_id if link is not None else installation_id


def _fold_in(session: Session, link: LinkStatement) -> None:
    """The old id continues as the new one: record it and move its subjects' origins over."""
    old, new = link.old_installation_id, link.new_installation_id
    if session.get(InstallationLink, old) is None:
        session.add(InstallationLink(old_id=old, new_id=new, recorded_at=utc_now()))
    pinned = session.get(TrustedKey, old)
    if pinned is not None and link_replaces_pin(_pin(pinned), link):
        # The user accepted the old id's genuine key (someone else had signed as it first).
        pinned.public_key = link.old_public_key.hex()
        pinned.accepted_fingerprint = None
        pinned.last_seen_at = utc_now()
    session.execute(
        update(SignedOrigin).where(SignedOrigin.installation_id == old).values(installation_id=new)
    )


def record_signer_in(
    session: Session,
    signer: PresentedKey,
    subject: Subject | None,
    link: LinkStatement | None = None,
) -> None:
    """After a taken file, in the import's own transaction: pin the key, note the origin.

    A checked link statement folds the old id into the signer's (origins move over, the old
    pin stays so nobody else can sign as the old id).
    """
    if signer.public_key is None:
        return
    if signer.installation_id in own_ids_in(session):
        return  # this installation's own files need no pin
    if link is not None:
        _fold_in(session, link)
    now = utc_now()
    row = session.get(TrustedKey, signer.installation_id)
    pin = pin_to_record(_pin(row) if row is not None else None, signer)
    if pin is not None and row is None:
        session.add(
            TrustedKey(
                installation_id=pin.installation_id,
                public_key=pin.public_key.hex(),
                first_seen_at=now,
                last_seen_at=now,
                accepted_fingerprint=None,
            )
        )
    elif pin is not None and row is not None:
        # The accepted key change arrives: from now on this is the installation's key.
        row.public_key = pin.public_key.hex()
        row.first_seen_at = row.last_seen_at = now
        row.accepted_fingerprint = None
    if subject is not None and session.get(SignedOrigin, (subject.kind, subject.id)) is None:
        session.add(
            SignedOrigin(
                subject_kind=subject.kind,
                subject_id=subject.id,
                installation_id=_canonical_in(session, signer.installation_id),
                recorded_at=now,
            )
        )


@dataclass(frozen=True)
class TrustedInstallation:
    """One row of ``trust list``."""

    installation_id: str
    fingerprint: str
    first_seen_at: str
    accepted_fingerprint: str | None


def _seen(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def list_trusted(db: Database) -> list[TrustedInstallation]:
    """Every installation whose key this installation recorded."""
    with db.session() as session:
        return [
            TrustedInstallation(
                row.installation_id,
                fingerprint(bytes.fromhex(row.public_key)),
                _seen(row.first_seen_at),
                row.accepted_fingerprint,
            )
            for row in session.scalars(select(TrustedKey).order_by(TrustedKey.installation_id))
        ]


def accept_key_change(db: Database, installation_id: str, typed_fingerprint: str) -> str:
    """Approve a deliberate key change: the next file signed with this fingerprint is accepted."""
    with db.session() as session:
        row = session.get(TrustedKey, installation_id)
        acceptance = check_acceptance(
            _pin(row) if row is not None else None, installation_id, typed_fingerprint
        )
        if acceptance.fingerprint is None or row is None:
            raise StoreError(str(acceptance.refusal))
        row.accepted_fingerprint = acceptance.fingerprint
        return acceptance.fingerprint
