"""The keurmerk certificate as a kind of NOV-signed document, and how an installation records it.

``import`` hands a certificate here only after it verified against the root and the known
revocations; recording it checks that it fits the evaluation as this installation has it.
"""

from __future__ import annotations

import base64
import json

from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.keurmerk.format import (
    KEURMERK_FORMAT,
    KeurmerkCertificate,
    certificate_problem,
    describe,
)
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.exchange.rooted.document import DOCUMENT_VERSION, SignedDocument
from goedgeregeld.exchange.rooted.kind import RootDocumentKind, VerifiedDocument
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.keurmerk import ReceivedKeurmerk, record_keurmerk
from goedgeregeld.trust.fingerprints import fingerprint


def document_text(signed: SignedDocument) -> str:
    """The signed file's text as it verified (canonical layout), to keep and hand out again."""
    whole = {
        "format": signed.format_name,
        "format_version": DOCUMENT_VERSION,
        "document": signed.document,
        "public_key": base64.b64encode(signed.public_key).decode("ascii"),
        "signature": base64.b64encode(signed.signature).decode("ascii"),
    }
    return json.dumps(whole, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def import_keurmerk(db: Database, verified: VerifiedDocument) -> ImportOutcome:
    """Record a verified keurmerk certificate for the evaluation it names, in one transaction."""
    body = verified.body
    assert isinstance(body, KeurmerkCertificate)
    received = ReceivedKeurmerk(
        number=body.number,
        evaluation_id=body.evaluation_id,
        organisation_id=body.organisation_id,
        content_hash=body.evaluation_hash,
        issued_on=body.issued_on,
        valid_until=body.valid_until,
        root_fingerprint=fingerprint(verified.signed.public_key),
        document=document_text(verified.signed),
    )
    path = verified.path
    try:
        status = record_keurmerk(db, received, utc_now())
    except ImportRefusedError as exc:
        raise ExchangeFileError(path, exc.problem) from None
    from goedgeregeld.words.keurmerk import keurmerk_valid_until

    if status is ImportStatus.UNCHANGED:
        message = f"{path.name}: al ingelezen; niets veranderd"
    else:
        message = (
            f"{path.name}: keurmerkcertificaat {body.number} ingelezen; "
            f"{keurmerk_valid_until(body.valid_until)}"
        )
    return ImportOutcome(path, status, message, "keurmerk", body.evaluation_id)


KEURMERK_KIND = RootDocumentKind(
    format_name=KEURMERK_FORMAT,
    label="keurmerkcertificaat",
    model=KeurmerkCertificate,
    still_valid=certificate_problem,
    describe=describe,
    importer=import_keurmerk,
)
