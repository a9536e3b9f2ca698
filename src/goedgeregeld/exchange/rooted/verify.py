"""Verify a document against the NOV root and the known revocations: the one check every kind uses.

In order, each with its own Dutch reason: a readable signed document of a known kind; the
signature covers exactly this content (else: changed after signing); the key that signed
is the configured root (else: not NOV's); the content fits its kind's model; and the
kind's own check (validity dates, revocations).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from goedgeregeld.exchange.container.jsonlimits import describe_validation
from goedgeregeld.exchange.rooted.document import (
    DocumentError,
    SignedDocument,
    canonical,
    read_document,
)
from goedgeregeld.exchange.rooted.kind import RootDocumentKind, VerifiedDocument
from goedgeregeld.trust.revocations import KnownRevocations
from goedgeregeld.trust.root import TrustRoot

TAMPERED = (
    "de handtekening klopt niet bij de inhoud: het bestand is veranderd na het ondertekenen "
    "of de handtekening is vervalst"
)


def kind_of(signed: SignedDocument, kinds: Iterable[RootDocumentKind]) -> RootDocumentKind:
    """The registered kind of a document, or DocumentError naming the unknown format."""
    for kind in kinds:
        if kind.format_name == signed.format_name:
            return kind
    raise DocumentError(
        signed.path, f"onbekend soort document ('{signed.format_name[:64]}'); werk de app bij"
    )


def check_signed_by(signed: SignedDocument, public_key: bytes, signer: str) -> None:
    """Raise DocumentError unless the document's signature holds and is ``public_key``'s."""
    if not signed.signature_holds:
        raise DocumentError(signed.path, TAMPERED)
    if signed.public_key != public_key:
        raise DocumentError(
            signed.path,
            f"niet ondertekend door {signer}: de sleutel die tekende heeft vingerafdruk "
            f"{signed.signer_fingerprint}",
        )


def parse_body(signed: SignedDocument, kind: RootDocumentKind) -> Any:
    """The document's content as its kind's strict model."""
    try:
        # Through JSON, as the file holds it: strict mode then reads dates from their ISO text.
        return kind.model.model_validate_json(canonical(signed.document), strict=True)
    except ValidationError as exc:
        raise DocumentError(signed.path, f"{kind.label}: {describe_validation(exc)}") from None


def verify_signed(
    signed: SignedDocument,
    kinds: Iterable[RootDocumentKind],
    root: TrustRoot,
    revocations: KnownRevocations,
    today: date,
) -> VerifiedDocument:
    """Every check of the module docstring, on a document already read."""
    kind = kind_of(signed, kinds)
    check_signed_by(
        signed, root.public_key, f"de vertrouwde NOV-sleutel (vingerafdruk {root.fingerprint})"
    )
    body = parse_body(signed, kind)
    problem = kind.still_valid(body, revocations, today)
    if problem is not None:
        raise DocumentError(signed.path, problem)
    return VerifiedDocument(kind, body, signed)


def verify_file(
    path: Path,
    kinds: Iterable[RootDocumentKind],
    root: TrustRoot,
    revocations: KnownRevocations,
    today: date,
) -> VerifiedDocument:
    """Read ``path`` and verify it; DocumentError with the Dutch reason otherwise."""
    return verify_signed(read_document(path), kinds, root, revocations, today)
