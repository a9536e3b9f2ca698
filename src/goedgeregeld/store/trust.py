"""Trust on first use on this installation, stored: the pins and origins the policy reads and writes.

The rules and their messages are ``goedgeregeld.trust``'s; this module only reads the
recorded keys (``trusted_key``) and subject origins (``signed_origin``) as plain records
and writes what the policy says to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.models.core import Installation
from goedgeregeld.store.models.trust import SignedOrigin, TrustedKey
from goedgeregeld.trust import (
    KeyPin,
    PresentedKey,
    Subject,
    check_acceptance,
    fingerprint,
    pin_to_record,
)


@dataclass(frozen=True)
class SignerStanding:
    """What this installation knows about a signer: its pin, and who else holds its key."""

    pinned: KeyPin | None
    owner_of_key: str | None
    """Another installation whose pinned key the signer carries, if any."""


def _pin(row: TrustedKey) -> KeyPin:
    return KeyPin(row.installation_id, bytes.fromhex(row.public_key), row.accepted_fingerprint)


def signer_standing(db: Database, installation_id: str, public_key: bytes) -> SignerStanding:
    """The pin of ``installation_id`` and any other installation pinned with ``public_key``."""
    with db.session() as session:
        row = session.get(TrustedKey, installation_id)
        other = session.scalar(
            select(TrustedKey.installation_id).where(
                TrustedKey.public_key == public_key.hex(),
                TrustedKey.installation_id != installation_id,
            )
        )
        return SignerStanding(_pin(row) if row is not None else None, other)


def origin_of(db: Database, subject: Subject) -> str | None:
    """The installation ``subject`` came signed from before, or None."""
    with db.session() as session:
        origin = session.get(SignedOrigin, (subject.kind, subject.id))
        return origin.installation_id if origin is not None else None


def record_signer_in(session: Session, signer: PresentedKey, subject: Subject | None) -> None:
    """After a taken file, in the import's own transaction: pin the key, note the origin."""
    if signer.public_key is None:
        return
    if signer.installation_id == session.scalar(select(Installation.id).limit(1)):
        return  # this installation's own files need no pin
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
                installation_id=signer.installation_id,
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
