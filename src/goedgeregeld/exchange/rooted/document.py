r"""A signed JSON document: one text file, the document inline, an Ed25519 signature over it.

The file (docs/formats/nov-document.md)::

    {"format": ..., "format_version": 1, "document": {...}, "public_key": b64, "signature": b64}

The signature covers a fixed context line, the format name and the canonical form of
``document`` (keys sorted, no spaces, UTF-8)::

    goedgeregeld-nov-document-1\n<format>\n<canonical document>

so whitespace and key order in the file may change, but no value, and a signature made for
one kind of document is worthless for another. Reading refuses duplicate keys, NaN, deep
nesting and oversized files before anything else, so the canonical form is the one signed.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedgeregeld.exchange.container.archive import write_file_atomically
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, check_json
from goedgeregeld.exchange.container.keys import (
    PUBLIC_KEY_BYTES,
    SIGNATURE_BYTES,
    InstallationKey,
    fingerprint,
)
from goedgeregeld.exchange.container.signing import verifies
from goedgeregeld.words.read_errors import read_reason

CONTEXT = b"goedgeregeld-nov-document-1\n"
DOCUMENT_VERSION = 1
MAX_DOCUMENT_BYTES = 512 * 1024
FILE_KEYS = frozenset({"format", "format_version", "document", "public_key", "signature"})
FORMAT_PREFIX = "goedgeregeld-"


class DocumentError(ExchangeFileError):
    """A signed document that is damaged, changed, or not signed by whom it must be."""


def canonical(document: dict[str, Any]) -> bytes:
    """The exact bytes a document's signature covers."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def signed_message(format_name: str, document: dict[str, Any]) -> bytes:
    """Context line, format name, canonical document."""
    return CONTEXT + format_name.encode("ascii") + b"\n" + canonical(document)


def document_bytes(format_name: str, document: dict[str, Any], key: InstallationKey) -> bytes:
    """The text of a document signed with ``key``."""
    signature = key.sign(signed_message(format_name, document))
    return file_bytes(format_name, document, key.public_key, signature)


def file_bytes(
    format_name: str, document: dict[str, Any], public_key: bytes, signature: bytes
) -> bytes:
    """The text of a signed document from its parts (what is written and what is kept)."""
    # The format first, so a reader knows the kind from the first line; the document sorted.
    whole = {
        "format": format_name,
        "format_version": DOCUMENT_VERSION,
        "document": json.loads(canonical(document)),
        "public_key": base64.b64encode(public_key).decode("ascii"),
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    text = json.dumps(whole, indent=1, ensure_ascii=False) + "\n"
    return text.encode("utf-8")


def write_document(
    path: Path, format_name: str, document: dict[str, Any], key: InstallationKey
) -> Path:
    """Write a signed document atomically (the output guard is checked by the caller)."""
    write_file_atomically(path, document_bytes(format_name, document, key))
    return path


@dataclass(frozen=True)
class SignedDocument:
    """A document whose structure passed; ``signature_holds`` says if the carried key signed it."""

    path: Path
    format_name: str
    document: dict[str, Any]
    public_key: bytes
    signature: bytes

    @property
    def signer_fingerprint(self) -> str:
        """Readable fingerprint of the key the file carries."""
        return fingerprint(self.public_key)

    def file_text(self) -> str:
        """The document as a file again (it verifies like the one read)."""
        return file_bytes(self.format_name, self.document, self.public_key, self.signature).decode(
            "utf-8"
        )

    @property
    def signature_holds(self) -> bool:
        """True when the carried key's signature covers exactly this document."""
        return verifies(
            self.public_key, self.signature, signed_message(self.format_name, self.document)
        )


def looks_like_document(head: bytes) -> bool:
    """True when a file's first bytes may be a signed document (JSON naming our format)."""
    stripped = head.lstrip(b" \t\r\n\xef\xbb\xbf")
    return stripped.startswith(b"{") and b'"format"' in head and b"goedgeregeld-" in head


def _decoded(path: Path, value: object, size: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != size:
        raise DocumentError(path, f"{what} is beschadigd of ontbreekt")
    return raw


def parse_document(path: Path, raw: bytes) -> SignedDocument:
    """Check the structure of a signed document; the signature itself is checked by the caller."""
    try:
        check_json(raw, MAX_DOCUMENT_BYTES)
    except JsonProblemError as exc:
        raise DocumentError(
            path, f"het bestand {exc}; het is beschadigd of veranderd na het ondertekenen"
        ) from None
    whole = json.loads(raw)
    if not isinstance(whole, dict) or not isinstance(whole.get("format"), str):
        raise DocumentError(path, "dit is geen door Goed Geregeld ondertekend document")
    if set(whole) != FILE_KEYS:
        raise DocumentError(path, "het document is beschadigd: velden ontbreken of zijn onbekend")
    if type(whole["format_version"]) is not int or whole["format_version"] != DOCUMENT_VERSION:
        raise DocumentError(
            path, f"onbekende versie {str(whole['format_version'])[:16]}; werk Goed Geregeld bij"
        )
    if not isinstance(whole["document"], dict):
        raise DocumentError(path, "het document is beschadigd: de inhoud ontbreekt")
    format_name = whole["format"]
    if not format_name.startswith(FORMAT_PREFIX) or not format_name.isascii():
        raise DocumentError(path, f"onbekend soort document ('{format_name[:64]}')")
    return SignedDocument(
        path,
        format_name,
        whole["document"],
        _decoded(path, whole["public_key"], PUBLIC_KEY_BYTES, "de meegestuurde sleutel"),
        _decoded(path, whole["signature"], SIGNATURE_BYTES, "de handtekening"),
    )


def read_document(path: Path) -> SignedDocument:
    """Read and check a signed document file (size-bounded)."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise DocumentError(path, f"niet te lezen ({read_reason(exc)})") from None
    return parse_document(Path(path), raw)
