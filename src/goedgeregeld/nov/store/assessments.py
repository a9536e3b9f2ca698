"""The final assessment, stored at NOV: packages read, granted or refused; plain records out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from goedgeregeld.nov.store.assessment_models import NovAssessment, NovKeurmerk
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.store.errors import StoreError

PENDING, GRANTED, REFUSED = "pending", "granted", "refused"


@dataclass(frozen=True)
class AssessmentPackage:
    """The adviser's package as checked: the evaluation's members, the review, the adviser."""

    evaluation_id: str
    organisation_id: str
    organisation_name: str
    province: str | None
    content_hash: str
    organisation_json: str
    evaluation_json: str
    edition_json: str
    review_json: str
    adviser_name: str
    adviser_fingerprint: str
    adviser_certificate: str
    review_updated_at: datetime


@dataclass(frozen=True)
class AssessmentRecord:
    """One stored assessment with its outcome."""

    package: AssessmentPackage
    imported_at: datetime
    status: str
    decided_at: datetime | None
    reason: str | None
    certificate_number: str | None


@dataclass(frozen=True)
class IssuedMark:
    """One entry of NOV's register of keurmerk certificates."""

    number: str
    evaluation_id: str
    organisation_id: str
    organisation_name: str
    province: str | None
    content_hash: str
    issued_on: date
    valid_until: date
    verification_code: str
    document: str
    withdrawn_on: date | None


@dataclass(frozen=True)
class SignedMark:
    """What the signer made for a new number: the certificate document and its short code."""

    document: str
    verification_code: str


class AssessmentStatus:
    """What recording a package did: ``new``, ``replaced`` or ``unchanged``."""

    NEW, REPLACED, UNCHANGED = "new", "replaced", "unchanged"


def _package(row: NovAssessment) -> AssessmentPackage:
    return AssessmentPackage(
        evaluation_id=row.evaluation_id,
        organisation_id=row.organisation_id,
        organisation_name=row.organisation_name,
        province=row.province,
        content_hash=row.content_hash,
        organisation_json=row.organisation_json,
        evaluation_json=row.evaluation_json,
        edition_json=row.edition_json,
        review_json=row.review_json,
        adviser_name=row.adviser_name,
        adviser_fingerprint=row.adviser_fingerprint,
        adviser_certificate=row.adviser_certificate,
        review_updated_at=row.review_updated_at,
    )


def _record(row: NovAssessment) -> AssessmentRecord:
    return AssessmentRecord(
        _package(row), row.imported_at, row.status, row.decided_at, row.reason,
        row.certificate_number,
    )  # fmt: skip


def _mark(row: NovKeurmerk) -> IssuedMark:
    return IssuedMark(
        row.number, row.evaluation_id, row.organisation_id, row.organisation_name, row.province,
        row.content_hash, row.issued_on, row.valid_until, row.verification_code, row.document,
        row.withdrawn_on,
    )  # fmt: skip


def record_package(store: NovStore, package: AssessmentPackage, now: datetime) -> str:
    """Store a checked package for assessment, in one transaction; returns what it did.

    A package for an evaluation already granted is refused (the certificate stands); a newer
    review of a pending or refused one replaces it and puts it back before the assessor.
    """
    with store.begin() as connection, Session(bind=connection) as session:
        row = session.get(NovAssessment, package.evaluation_id)
        if row is not None and _package(row) == package:
            return AssessmentStatus.UNCHANGED
        if row is not None and row.status == GRANTED:
            raise StoreError(
                f"voor deze zelfevaluatie is al keurmerk {row.certificate_number} toegekend; "
                "een nieuwe beoordeling hoort bij een nieuwe zelfevaluatie (herbeoordeling)"
            )
        if row is not None and package.review_updated_at < row.review_updated_at:
            raise StoreError(
                "deze beoordeling is ouder dan de beoordeling die NOV al heeft; niets veranderd"
            )
        status = AssessmentStatus.NEW if row is None else AssessmentStatus.REPLACED
        if row is None:
            row = NovAssessment(evaluation_id=package.evaluation_id)
            session.add(row)
        for name in AssessmentPackage.__dataclass_fields__:
            setattr(row, name, getattr(package, name))
        row.imported_at, row.status = now, PENDING
        row.decided_at = row.reason = row.certificate_number = None
        session.flush()
        return status


def _pending_row(session: Session, evaluation_id: str) -> NovAssessment:
    row = session.get(NovAssessment, evaluation_id)
    if row is None:
        raise StoreError(
            f"zelfevaluatie {evaluation_id} ligt niet bij NOV ter beoordeling; "
            "lees eerst het pakket van de adviseur in met 'nov assess import'"
        )
    if row.status == GRANTED:
        raise StoreError(
            f"voor deze zelfevaluatie is al keurmerk {row.certificate_number} toegekend"
        )
    return row


def load_assessment(store: NovStore, evaluation_id: str) -> AssessmentRecord:
    """One assessment, or StoreError naming how to get it."""
    with store.begin() as connection, Session(bind=connection) as session:
        row = session.get(NovAssessment, evaluation_id)
        if row is None:
            raise StoreError(
                f"zelfevaluatie {evaluation_id} ligt niet bij NOV ter beoordeling; "
                "lees eerst het pakket van de adviseur in met 'nov assess import'"
            )
        return _record(row)


def list_assessments(store: NovStore) -> list[AssessmentRecord]:
    """Every assessment, the waiting ones first, then newest first."""
    with store.begin() as connection, Session(bind=connection) as session:
        rows = session.scalars(select(NovAssessment).order_by(NovAssessment.imported_at.desc()))
        records = [_record(row) for row in rows]
    return sorted(records, key=lambda r: r.status != PENDING)


def refuse_assessment(store: NovStore, evaluation_id: str, reason: str, now: datetime) -> None:
    """Record the assessor's refusal with its reason (a later, newer review may come back)."""
    if not reason.strip():
        raise StoreError("geef een reden op waarom het keurmerk niet wordt toegekend")
    with store.begin() as connection, Session(bind=connection) as session:
        row = _pending_row(session, evaluation_id)
        row.status, row.decided_at, row.reason = REFUSED, now, reason.strip()
        session.flush()


def grant_assessment(
    store: NovStore,
    evaluation_id: str,
    issued_on: date,
    valid_until: date,
    sign: Callable[[str, AssessmentRecord], SignedMark],
    now: datetime,
    prefix: str,
) -> IssuedMark:
    """Give the next certificate number, have ``sign`` make the document, register it.

    All in one transaction: a number is only taken when its certificate is in the register.
    """
    with store.begin() as connection, Session(bind=connection) as session:
        row = _pending_row(session, evaluation_id)
        year = issued_on.year
        serial = (
            session.scalar(select(func.max(NovKeurmerk.serial)).where(NovKeurmerk.year == year))
            or 0
        ) + 1
        number = f"{prefix}-{year}-{serial:05d}"
        signed = sign(number, _record(row))
        mark = NovKeurmerk(
            number=number, year=year, serial=serial, evaluation_id=row.evaluation_id,
            organisation_id=row.organisation_id, organisation_name=row.organisation_name,
            province=row.province, content_hash=row.content_hash, issued_on=issued_on,
            valid_until=valid_until, verification_code=signed.verification_code,
            document=signed.document, withdrawn_on=None,
        )  # fmt: skip
        session.add(mark)
        row.status, row.decided_at, row.reason, row.certificate_number = GRANTED, now, None, number
        session.flush()
        return _mark(mark)


def issued_mark_for(store: NovStore, evaluation_id: str) -> IssuedMark | None:
    """The certificate issued for an evaluation, if any."""
    with store.begin() as connection, Session(bind=connection) as session:
        row = session.scalar(select(NovKeurmerk).where(NovKeurmerk.evaluation_id == evaluation_id))
        return None if row is None else _mark(row)


def issued_mark(store: NovStore, number: str) -> IssuedMark | None:
    """The register entry of one certificate number, if NOV issued it."""
    with store.begin() as connection, Session(bind=connection) as session:
        row = session.get(NovKeurmerk, number)
        return None if row is None else _mark(row)


def register_entries(store: NovStore) -> list[IssuedMark]:
    """Every certificate NOV issued, newest number first."""
    with store.begin() as connection, Session(bind=connection) as session:
        rows = session.scalars(
            select(NovKeurmerk).order_by(NovKeurmerk.year.desc(), NovKeurmerk.serial.desc())
        )
        return [_mark(row) for row in rows]


def withdraw_marks(store: NovStore, numbers: list[str], on: date) -> list[str]:
    """Mark certificates as withdrawn in the register (first date kept); returns those known."""
    known: list[str] = []
    with store.begin() as connection, Session(bind=connection) as session:
        for number in numbers:
            row = session.get(NovKeurmerk, number)
            if row is None:
                continue
            known.append(number)
            if row.withdrawn_on is None:
                row.withdrawn_on = on
        session.flush()
    return known


def register_mark_cells(connection: Connection) -> dict[tuple[int, str | None, str | None], int]:
    """Marks as NOV counts them: from its own register, per year of issue, withdrawn ones left out.

    Organisations' sync files say how many marks they claim; NOV never counts those.
    """
    rows = connection.execute(
        select(NovKeurmerk.year, func.count())
        .where(NovKeurmerk.withdrawn_on.is_(None))
        .group_by(NovKeurmerk.year)
    )
    return {(int(year), None, None): int(n) for year, n in rows}
