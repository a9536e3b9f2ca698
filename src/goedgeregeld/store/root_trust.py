"""Use cases of the chain from NOV's root: the revocation list, the adviser's own certificates.

Plain records in and out. A revocation list lands in one transaction with its effect: a
received review whose adviser was withdrawn loses its readiness and mark in the same commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.models.adviser import Review, ReviewCondition
from goedgeregeld.store.models.root import AdviserCertificateRow, Revocation, RevocationList
from goedgeregeld.store.records import ImportStatus
from goedgeregeld.trust.revocations import KnownRevocations, ListVerdict, judge_list

ADVISER = "adviser"
CERTIFICATE = "certificate"
WITHDRAWN = "NOV heeft deze adviseur of dit certificaat ingetrokken"


@dataclass(frozen=True)
class RevocationRecord:
    """One entry of a revocation list."""

    subject_kind: str
    """``adviser`` or ``certificate``."""
    value: str
    revoked_on: date
    reason: str | None = None


@dataclass(frozen=True)
class StoredList:
    """The revocation list an installation holds for one root."""

    number: int
    issued_at: datetime
    digest: str
    document: str
    entries: tuple[RevocationRecord, ...]


@dataclass(frozen=True)
class CertificateRecord:
    """An adviser certificate as this installation keeps it."""

    number: str
    fingerprint: str
    name: str
    region: str | None
    issued_on: date
    valid_until: date
    document: str


def known_revocations(db: Database, root_fingerprint: str) -> KnownRevocations:
    """What this installation honours for ``root_fingerprint`` (nothing before a first list)."""
    stored = stored_list(db, root_fingerprint)
    if stored is None:
        return KnownRevocations()
    return KnownRevocations(
        stored.number,
        frozenset(e.value for e in stored.entries if e.subject_kind == ADVISER),
        frozenset(e.value for e in stored.entries if e.subject_kind == CERTIFICATE),
    )


def stored_list(db: Database, root_fingerprint: str) -> StoredList | None:
    """The newest list read (or, at NOV, issued) for ``root_fingerprint``."""
    with db.session() as session:
        row = session.get(RevocationList, root_fingerprint)
        if row is None:
            return None
        entries = session.scalars(
            select(Revocation)
            .where(Revocation.root_fingerprint == root_fingerprint)
            .order_by(Revocation.revoked_on, Revocation.subject_kind, Revocation.value)
        )
        return StoredList(
            row.number,
            row.issued_at,
            row.digest,
            row.document,
            tuple(
                RevocationRecord(e.subject_kind, e.value, e.revoked_on, e.reason) for e in entries
            ),
        )


def record_revocation_list(
    db: Database,
    root_fingerprint: str,
    number: int,
    issued_at: datetime,
    digest: str,
    document: str,
    entries: Sequence[RevocationRecord],
) -> ImportStatus:
    """Keep a newer list and apply it to received reviews; an older one is refused."""
    with db.session() as session:
        row = session.get(RevocationList, root_fingerprint)
        verdict = judge_list(row.number if row else 0, row.digest if row else None, number, digest)
        if verdict is ListVerdict.SAME:
            return ImportStatus.UNCHANGED
        if verdict is ListVerdict.OLDER:
            assert row is not None
            raise ImportRefusedError(
                f"dit is intrekkingslijst nr. {number}, ouder dan nr. {row.number} die hier al "
                "is ingelezen (een oude lijst opnieuw aangeboden); niets veranderd"
            )
        if verdict is ListVerdict.CONFLICT:
            raise ImportRefusedError(
                f"er is al een andere intrekkingslijst nr. {number} ingelezen; vraag NOV om "
                "een lijst met een hoger nummer; niets veranderd"
            )
        existed = row is not None
        if row is None:
            row = RevocationList(root_fingerprint=root_fingerprint)
            session.add(row)
        row.number, row.issued_at, row.digest, row.document = number, issued_at, digest, document
        row.recorded_at = utc_now()
        session.execute(delete(Revocation).where(Revocation.root_fingerprint == root_fingerprint))
        session.add_all(
            Revocation(
                root_fingerprint=root_fingerprint,
                subject_kind=e.subject_kind,
                value=e.value,
                revoked_on=e.revoked_on,
                reason=e.reason,
            )
            for e in entries
        )
        _withdraw_reviews(session, entries)
    return ImportStatus.UPDATED if existed else ImportStatus.IMPORTED


def _withdraw_reviews(session: Session, entries: Sequence[RevocationRecord]) -> None:
    """Received reviews of a withdrawn adviser or certificate keep verdicts, lose readiness."""
    keys = [e.value for e in entries if e.subject_kind == ADVISER]
    numbers = [e.value for e in entries if e.subject_kind == CERTIFICATE]
    if not keys and not numbers:
        return
    hit = (Review.origin == "received") & or_(
        Review.adviser_fingerprint.in_(keys), Review.adviser_certificate.in_(numbers)
    )
    ids = list(session.scalars(select(Review.evaluation_id).where(hit)))
    if not ids:
        return
    session.execute(delete(ReviewCondition).where(ReviewCondition.evaluation_id.in_(ids)))
    session.execute(
        update(Review)
        .where(Review.evaluation_id.in_(ids))
        .values(
            adviser_recognised=False,
            recognition_problem=WITHDRAWN,
            decision=None,
            decided_at=None,
            mark_granted_on=None,
        )
    )


def record_adviser_certificate(db: Database, certificate: CertificateRecord) -> ImportStatus:
    """Keep a certificate NOV issued for this installation's key (the same one again: unchanged)."""
    with db.session() as session:
        if session.get(AdviserCertificateRow, certificate.number) is not None:
            return ImportStatus.UNCHANGED
        session.add(
            AdviserCertificateRow(
                number=certificate.number,
                fingerprint=certificate.fingerprint,
                name=certificate.name,
                region=certificate.region,
                issued_on=certificate.issued_on,
                valid_until=certificate.valid_until,
                document=certificate.document,
                imported_at=utc_now(),
            )
        )
    return ImportStatus.IMPORTED


def adviser_certificates(db: Database, fingerprint: str) -> list[CertificateRecord]:
    """This key's certificates, the longest valid first."""
    with db.session() as session:
        rows = session.scalars(
            select(AdviserCertificateRow)
            .where(AdviserCertificateRow.fingerprint == fingerprint)
            .order_by(AdviserCertificateRow.valid_until.desc(), AdviserCertificateRow.number)
        )
        return [
            CertificateRecord(
                r.number, r.fingerprint, r.name, r.region, r.issued_on, r.valid_until, r.document
            )
            for r in rows
        ]
