"""Signed sync files (version 2): the exact bytes of a version 1 document, with a signature.

A version 2 sync file is one JSON object::

    {"format": "goedgeregeld-sync", "version": 2, "installation_id": UUID,
     "public_key": BASE64 (32 bytes), "signature": BASE64 (64 bytes),
     "payload_sha256": HEX, "payload": "<the version 1 document, as text>",
     "app_version": "0.1.0", "link": {...}}

``link`` (only from an installation that had a random id before its id came from its key)
is the link statement of docs/formats/identity.md; NOV checks it against its pins.

``app_version`` (the writing app's version, for support questions) is written always and
read when present; it is not signed and decides nothing.

The signature covers the UTF-8 bytes of ``payload`` exactly as written (see
``signing.message``); the payload is kept as readable JSON text, so anyone can still see
that it holds no names. ``payload_sha256`` only tells a changed payload from a forged
signature in the message.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from goedgeregeld import __version__
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.identity import Identity
from goedgeregeld.exchange.container.signing import (
    Signer,
    decode_public_key,
    decode_signature,
    encode,
    message,
    sign,
    verifies,
)
from goedgeregeld.exchange.sync.format import (
    FORMAT_NAME,
    SIGNED_SYNC_VERSION,
    UUID_PATTERN,
    SyncFileError,
)
from goedgeregeld.trust.identity import LinkFormatError, parse_link

ENVELOPE_KEYS = frozenset(
    {"format", "version", "installation_id", "public_key", "signature", "payload_sha256", "payload"}
)
OPTIONAL_ENVELOPE_KEYS = frozenset({"app_version", "link"})
_NO_PATH = Path("statistiekbestand")


def payload_bytes(document: dict[str, Any]) -> bytes:
    """The version 1 document as the compact UTF-8 text that gets signed."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signed_sync_document(identity: Identity, payload: bytes) -> dict[str, Any]:
    """The version 2 envelope around a version 1 document's exact bytes."""
    signature = sign(identity.key, FORMAT_NAME, identity.installation_id, payload)
    link = identity.link()
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": SIGNED_SYNC_VERSION,
        "installation_id": identity.installation_id,
        "public_key": encode(identity.key.public_key),
        "signature": encode(signature),
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "payload": payload.decode("utf-8"),
        "app_version": __version__,
    }
    if link is not None:
        document["link"] = link.to_json()
    return document


def _fail(problem: str) -> SyncFileError:
    return SyncFileError(f"ondertekend statistiekbestand (versie 2): {problem}")


def open_signed_sync(document: dict[str, Any]) -> tuple[bytes, Signer]:
    """Verify a version 2 envelope; returns the payload bytes and the signer."""
    present = document.keys() - OPTIONAL_ENVELOPE_KEYS
    if present != ENVELOPE_KEYS:
        missing = sorted(ENVELOPE_KEYS - present)
        extra = sorted(present - ENVELOPE_KEYS)
        raise _fail(f"onverwachte velden {extra} of ontbrekende velden {missing}")
    version = document.get("app_version", "")
    if type(version) is not str or len(version) > 64:
        raise _fail("app_version moet een korte tekst zijn")
    installation = document["installation_id"]
    if type(installation) is not str or not UUID_PATTERN.fullmatch(installation):
        raise _fail("installation_id is geen UUID")
    try:
        public_key = decode_public_key(_NO_PATH, document["public_key"])
        signature = decode_signature(_NO_PATH, document["signature"])
    except ExchangeFileError as exc:
        raise _fail(exc.problem) from None
    text = document["payload"]
    if type(text) is not str:
        raise _fail("payload moet tekst zijn")
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail("payload is geen geldige tekst") from None
    if hashlib.sha256(payload).hexdigest() != document["payload_sha256"]:
        raise _fail("de inhoud is veranderd nadat het bestand werd ondertekend")
    if not verifies(public_key, signature, message(FORMAT_NAME, installation, payload)):
        raise _fail(
            "de handtekening klopt niet bij de meegestuurde sleutel: sleutel verwisseld "
            "of handtekening vervalst"
        )
    link = None
    if "link" in document:
        try:
            link = parse_link(document["link"])
        except LinkFormatError as exc:
            raise _fail(str(exc)) from None
    return payload, Signer(installation, public_key, link)
