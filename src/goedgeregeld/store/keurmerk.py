"""Keurmerk certificates on an installation: recorded after they verified, and the mark they give.

The exchange layer verifies the file against the NOV root and hands over a
``ReceivedKeurmerk``; this module checks it fits the evaluation as it is now (its content
hash), stores it in one transaction, and says per evaluation which mark shows: only a
certificate whose hash still fits, that has not expired and that no revocation names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.models.core import Answer, Evaluation
from goedgeregeld.store.models.evidence import Attachment
from goedgeregeld.store.models.keurmerk import KeurmerkCertificate
from goedgeregeld.store.records import ImportStatus
from goedgeregeld.trust.evaluation_hash import (
    AssessedAnswer,
    assessed_content,
    evaluation_content_hash,
)
from goedgeregeld.words import keurmerk as say


@dataclass(frozen=True)
class ReceivedKeurmerk:
    """A verified keurmerk certificate, as plain values."""

    number: str
    evaluation_id: str
    organisation_id: str
    content_hash: str
    issued_on: date
    valid_until: date
    root_fingerprint: str
    document: str


@dataclass(frozen=True)
class KeurmerkState:
    """The mark of one evaluation as this installation shows it."""

    number: str
    issued_on: date
    valid_until: date
    state: str
    """One of ``words.keurmerk``'s STATE_ names."""
    reminder: bool
    """Within the last 12 months before expiry (or after it): time for a re-assessment."""

    @property
    def valid(self) -> bool:
        """True when the mark shows."""
        return self.state == say.STATE_VALID

    def as_json(self) -> dict[str, object]:
        """What ``eval show --json`` prints under "keurmerk"."""
        return {
            "number": self.number,
            "issued_on": self.issued_on.isoformat(),
            "valid_until": self.valid_until.isoformat(),
            "valid": self.valid,
            "state": self.state,
            "reminder": self.reminder,
        }


def _content_hash_in(session: Session, evaluation: Evaluation) -> str:
    answers = session.scalars(select(Answer).where(Answer.evaluation_id == evaluation.id))
    evidence = session.execute(
        select(Attachment.statement_id, Attachment.sha256).where(
            Attachment.evaluation_id == evaluation.id
        )
    )
    return evaluation_content_hash(
        assessed_content(
            evaluation_id=evaluation.id,
            organisation_id=evaluation.organisation_id,
            edition=(evaluation.edition_id, evaluation.edition_version, evaluation.edition_hash),
            variant=evaluation.variant,
            answers=(
                AssessedAnswer(a.statement_id, a.value, a.not_applicable, a.note or "")
                for a in answers
            ),
            evidence=((s, h) for s, h in evidence),
        )
    )


def evaluation_content_hash_of(db: Database, evaluation_id: str) -> str | None:
    """The content hash of an evaluation on this installation, or None if it is not here."""
    with db.session() as session:
        evaluation = session.get(Evaluation, evaluation_id)
        return None if evaluation is None else _content_hash_in(session, evaluation)


def record_keurmerk(db: Database, received: ReceivedKeurmerk, now: datetime) -> ImportStatus:
    """Store a verified certificate; ImportRefusedError when it does not fit this installation."""
    with db.session() as session:
        evaluation = session.get(Evaluation, received.evaluation_id)
        if evaluation is None:
            raise ImportRefusedError(
                "dit keurmerkcertificaat hoort bij een zelfevaluatie die niet op deze "
                "installatie staat"
            )
        if evaluation.organisation_id != received.organisation_id:
            raise ImportRefusedError(
                "dit keurmerkcertificaat noemt een andere organisatie dan de zelfevaluatie"
            )
        if _content_hash_in(session, evaluation) != received.content_hash:
            raise ImportRefusedError(
                "dit keurmerkcertificaat hoort bij een andere inhoud van de zelfevaluatie dan "
                "er hier staat (andere antwoorden of bewijsstukken): het geldt niet voor deze"
            )
        existing = session.get(KeurmerkCertificate, received.number)
        if existing is not None:
            if existing.document == received.document:
                return ImportStatus.UNCHANGED
            raise ImportRefusedError(
                f"er staat al een ander keurmerkcertificaat met nummer {received.number}"
            )
        session.add(
            KeurmerkCertificate(
                number=received.number,
                evaluation_id=received.evaluation_id,
                content_hash=received.content_hash,
                issued_on=received.issued_on,
                valid_until=received.valid_until,
                root_fingerprint=received.root_fingerprint,
                document=received.document,
                imported_at=now,
            )
        )
        return ImportStatus.IMPORTED


def keurmerk_states(
    db: Database,
    evaluation_ids: list[str] | None,
    today: date,
    revoked_numbers: frozenset[str],
    root_fingerprint: str | None,
) -> dict[str, KeurmerkState]:
    """Per evaluation, the mark it shows: the best of its certificates (valid before not).

    ``root_fingerprint`` is the NOV key this run trusts: a certificate read under another
    root no longer counts. ``None`` lists every evaluation with a certificate.
    """
    with db.session() as session:
        query = select(KeurmerkCertificate)
        if evaluation_ids is not None:
            query = query.where(KeurmerkCertificate.evaluation_id.in_(evaluation_ids))
        rows = list(session.scalars(query))
        hashes: dict[str, str] = {}
        for row in rows:
            if row.evaluation_id not in hashes:
                evaluation = session.get(Evaluation, row.evaluation_id)
                hashes[row.evaluation_id] = (
                    "" if evaluation is None else _content_hash_in(session, evaluation)
                )
    states: dict[str, KeurmerkState] = {}
    for row in rows:
        state = _state(row, hashes[row.evaluation_id], today, revoked_numbers, root_fingerprint)
        known = states.get(row.evaluation_id)
        if known is None or _rank(state) > _rank(known):
            states[row.evaluation_id] = state
    return states


def _state(
    row: KeurmerkCertificate,
    content_hash: str,
    today: date,
    revoked: frozenset[str],
    root_fingerprint: str | None,
) -> KeurmerkState:
    if row.root_fingerprint != root_fingerprint:
        state = say.STATE_UNVERIFIED
    elif row.number in revoked:
        state = say.STATE_REVOKED
    elif row.content_hash != content_hash:
        state = say.STATE_OTHER_CONTENT
    elif today > row.valid_until:
        state = say.STATE_EXPIRED
    else:
        state = say.STATE_VALID
    reminder = state in (say.STATE_VALID, say.STATE_EXPIRED) and today >= _year_before(row)
    return KeurmerkState(row.number, row.issued_on, row.valid_until, state, reminder)


def _year_before(row: KeurmerkCertificate) -> date:
    """From this day on the reminder shows: twelve months before the last valid day."""
    day = row.valid_until
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _rank(state: KeurmerkState) -> tuple[bool, date]:
    return (state.valid, state.valid_until)


def keurmerk_for(
    db: Database, evaluation_ids: list[str] | None, today: date
) -> dict[str, KeurmerkState]:
    """The marks as this run shows them: against the NOV root it trusts and its revocations.

    A root that cannot be read (a broken ``--trust-root`` or setting) shows no mark at all.
    """
    from goedgeregeld.base.errors import UserFacingError
    from goedgeregeld.store.root_trust import known_revocations
    from goedgeregeld.trust.root import configured_root

    try:
        root = configured_root(db.path.parent).fingerprint
    except UserFacingError:
        return keurmerk_states(db, evaluation_ids, today, frozenset(), None)
    revoked = known_revocations(db, root).certificate_numbers
    return keurmerk_states(db, evaluation_ids, today, revoked, root)


def keurmerk_of(db: Database, evaluation_id: str) -> KeurmerkState | None:
    """The mark one evaluation shows today (see ``keurmerk_for``), or None."""
    return keurmerk_for(db, [evaluation_id], date.today()).get(evaluation_id)
