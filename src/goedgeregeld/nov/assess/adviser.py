"""Is the review from a recognised adviser? Its certificate must verify and name the review's key.

The review file carries the adviser certificate NOV issued (``review export``); the
certificate must verify against the root this installation trusts and NOV's own newest
revocation list, be valid today, and name exactly the key that signed the review. Checked
when the package is read and again when the mark is granted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.keurmerk.kind import document_text
from goedgeregeld.exchange.review.format import REVIEW_MEMBER
from goedgeregeld.exchange.rooted.adviser_certificate import CERTIFICATE_KIND, AdviserCertificate
from goedgeregeld.exchange.rooted.document import DocumentError, looks_like_document, parse_document
from goedgeregeld.exchange.rooted.verify import verify_signed
from goedgeregeld.nov.assess.files import SignedReview
from goedgeregeld.nov.store.assessments import AssessmentRecord
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.root_trust import known_revocations
from goedgeregeld.trust.fingerprints import fingerprint
from goedgeregeld.trust.root import configured_root

NOT_RECOGNISED = "niet van een erkend adviseur"


@dataclass(frozen=True)
class AdviserAttestation:
    """The adviser as NOV's certificate names them, and that certificate's text."""

    name: str
    fingerprint: str
    certificate: str


def _verify(
    path: Path, raw: bytes, db: Database, data_dir: Path, today: date
) -> AdviserCertificate:
    root = configured_root(data_dir)
    revocations = known_revocations(db, root.fingerprint)
    try:
        verified = verify_signed(
            parse_document(path, raw), [CERTIFICATE_KIND], root, revocations, today
        )
    except DocumentError as exc:
        raise ExchangeFileError(path, f"{NOT_RECOGNISED}: {exc.problem}") from None
    body = verified.body
    assert isinstance(body, AdviserCertificate)
    return body


def check_review_adviser(
    review: SignedReview, db: Database, data_dir: Path, today: date
) -> AdviserAttestation:
    """The adviser of a verified review, or ExchangeFileError: "niet van een erkend adviseur"."""
    path = review.path
    carried = [
        raw
        for name, raw in sorted(review.archive.members.items())
        if name != REVIEW_MEMBER and looks_like_document(raw[:512])
    ]
    if not carried:
        raise ExchangeFileError(
            path,
            f"{NOT_RECOGNISED}: er zit geen adviseurscertificaat van NOV bij deze beoordeling",
        )
    certificate = _verify(path, carried[0], db, data_dir, today)
    if certificate.raw_key != review.signer_key:
        raise ExchangeFileError(
            path,
            f"{NOT_RECOGNISED}: het adviseurscertificaat noemt een andere sleutel "
            f"({certificate.fingerprint}) dan die de beoordeling ondertekende "
            f"({fingerprint(review.signer_key)})",
        )
    text = document_text(parse_document(path, carried[0]))
    return AdviserAttestation(certificate.name, certificate.fingerprint, text)


def check_stored_adviser(
    db: Database, data_dir: Path, record: AssessmentRecord, today: date
) -> None:
    """At the grant: the certificate the package came with must still hold today."""
    package = record.package
    where = Path(f"adviseurscertificaat-{package.evaluation_id}")
    try:
        certificate = _verify(
            where, package.adviser_certificate.encode("utf-8"), db, data_dir, today
        )
    except ExchangeFileError as exc:
        raise StoreError(f"het keurmerk kan niet worden toegekend: {exc.problem}") from None
    if certificate.fingerprint != package.adviser_fingerprint:
        raise StoreError(
            "het keurmerk kan niet worden toegekend: het opgeslagen adviseurscertificaat past "
            "niet bij de beoordeling"
        )
