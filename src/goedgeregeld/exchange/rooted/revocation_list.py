"""NOV's revocation list (docs/formats/revocation-list.md): numbered, signed by the root.

Each list holds every revocation NOV ever made (NOV keeps its own list and adds to it), so
the newest list is all an installation needs; an older list offered again is refused.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from goedgeregeld.exchange.container.archive import write_file_atomically
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.container.moments import Day, Moment
from goedgeregeld.exchange.container.text_fields import Comment
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.exchange.rooted.document import DocumentError, canonical, document_bytes
from goedgeregeld.exchange.rooted.fields import CertificateNumber, Fingerprint, Strict
from goedgeregeld.exchange.rooted.kind import RootDocumentKind, VerifiedDocument
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError, StoreError
from goedgeregeld.store.root_trust import (
    ADVISER,
    CERTIFICATE,
    RevocationRecord,
    record_revocation_list,
    stored_list,
)
from goedgeregeld.trust.fingerprints import fingerprint
from goedgeregeld.trust.revocations import KnownRevocations

LIST_FORMAT = "goedgeregeld-intrekkingslijst"
MAX_ENTRIES = 100_000


class AdviserRevocation(Strict):
    """An adviser's key withdrawn: every certificate for it stops counting."""

    kind: Literal["adviser"]
    fingerprint: Fingerprint
    revoked_on: Day
    reason: Comment | None = None


class CertificateRevocation(Strict):
    """One certificate withdrawn by its number (an adviser certificate, a keurmerk)."""

    kind: Literal["certificate"]
    number: CertificateNumber
    revoked_on: Day
    reason: Comment | None = None


class RevocationListBody(Strict):
    """The content NOV signs."""

    number: Annotated[int, Field(ge=1, le=10**9)]
    issued_at: Moment
    revocations: Annotated[
        list[AdviserRevocation | CertificateRevocation], Field(max_length=MAX_ENTRIES)
    ]


def _entries(body: RevocationListBody) -> list[RevocationRecord]:
    return [
        RevocationRecord(ADVISER, r.fingerprint, r.revoked_on, r.reason)
        if isinstance(r, AdviserRevocation)
        else RevocationRecord(CERTIFICATE, r.number, r.revoked_on, r.reason)
        for r in body.revocations
    ]


def _never_expires(_body: RevocationListBody, _known: KnownRevocations, _today: date) -> None:
    return None


def describe(body: RevocationListBody) -> str:
    """One Dutch line: what the list says."""
    count = len(body.revocations)
    return (
        f"intrekkingslijst nr. {body.number} van NOV, uitgegeven {body.issued_at:%d-%m-%Y}: "
        f"{count} {'intrekking' if count == 1 else 'intrekkingen'}"
    )


def import_revocation_list(db: Database, verified: VerifiedDocument) -> ImportOutcome:
    """Keep the list (newer than the one held) and apply it, in one transaction."""
    body: RevocationListBody = verified.body
    signed = verified.signed
    root = fingerprint(signed.public_key)
    text = signed.file_text()
    try:
        status = record_revocation_list(
            db,
            root,
            body.number,
            body.issued_at,
            hashlib.sha256(canonical(signed.document)).hexdigest(),
            text,
            _entries(body),
        )
    except ImportRefusedError as exc:
        raise DocumentError(verified.path, exc.problem) from None
    name = verified.path.name
    if status is ImportStatus.UNCHANGED:
        message = f"{name}: deze intrekkingslijst is al ingelezen; niets veranderd"
    else:
        message = f"{name}: {describe(body)} ingelezen; die geldt vanaf nu"
    return ImportOutcome(verified.path, status, message, "revocation_list")


def issue_revocation_list(
    db: Database,
    key: InstallationKey,
    path: Path,
    *,
    adviser: str | None = None,
    certificate: str | None = None,
    reason: str | None = None,
) -> RevocationListBody:
    """NOV: the next list (all earlier revocations plus this one), kept here, then written."""
    root = key.fingerprint
    held = stored_list(db, root)
    today = utc_now().date()
    entries: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for e in held.entries if held else ():
        field = "fingerprint" if e.subject_kind == ADVISER else "number"
        entries.append(
            {
                "kind": e.subject_kind,
                field: e.value,
                "revoked_on": e.revoked_on.isoformat(),
                "reason": e.reason,
            }
        )
        seen.add((e.subject_kind, e.value))
    if adviser is not None:
        new = (ADVISER, adviser)
        entry: dict[str, object] = {"kind": ADVISER, "fingerprint": adviser}
    elif certificate is not None:
        new = (CERTIFICATE, certificate)
        entry = {"kind": CERTIFICATE, "number": certificate}
    else:
        raise StoreError("geef --adviser VINGERAFDRUK of --certificate NUMMER")
    if new not in seen:
        entry.update({"revoked_on": today.isoformat(), "reason": reason})
        entries.append(entry)
    document = {
        "number": (held.number if held else 0) + 1,
        "issued_at": utc_now().isoformat(timespec="seconds"),
        "revocations": entries,
    }
    body = RevocationListBody.model_validate_json(canonical(document), strict=True)
    text = document_bytes(LIST_FORMAT, document, key).decode("utf-8")
    record_revocation_list(
        db,
        root,
        body.number,
        body.issued_at,
        hashlib.sha256(canonical(document)).hexdigest(),
        text,
        _entries(body),
    )
    write_file_atomically(path, text.encode("utf-8"))
    return body


REVOCATION_LIST_KIND = RootDocumentKind(
    format_name=LIST_FORMAT,
    label="intrekkingslijst",
    model=RevocationListBody,
    still_valid=_never_expires,
    describe=describe,
    importer=import_revocation_list,
)
