"""Installation ids that prove themselves: derived from the public key, and the old-to-new link.

An installation's id is the first 128 bits of SHA-256 over its raw Ed25519 public key (the
same bits as its fingerprint), written as a UUID of version 8 (RFC 9562: the version and
variant bits overwrite six of them). Whoever names such an id must sign with the key it
comes from. Ids made before (random version 4 UUIDs) stay readable; an installation that
had one links it to its new id with a statement signed by its key (``LinkStatement``).
See docs/formats/identity.md.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

KEY_DERIVED_VERSION = 8
LINK_CONTEXT = b"goedgeregeld-koppeling-1\n"
LINK_KEYS = frozenset({"old_installation_id", "old_public_key", "new_installation_id", "signature"})
_PUBLIC_KEY_BYTES = 32
_SIGNATURE_BYTES = 64
_ID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def derive_installation_id(public_key: bytes) -> str:
    """The installation id that belongs to a raw public key (a version 8 UUID)."""
    digest = bytearray(hashlib.sha256(public_key).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | (KEY_DERIVED_VERSION << 4)
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 / 9562 variant
    return str(uuid.UUID(bytes=bytes(digest)))


def is_key_derived(installation_id: str) -> bool:
    """True when the id claims to come from a key (version 8), so it must match its signer."""
    return (
        len(installation_id) == 36
        and installation_id[14] == str(KEY_DERIVED_VERSION)
        and installation_id[19] in "89ab"
    )


def is_installation_id(value: object) -> bool:
    """True for a UUID in the lowercase form every file writes."""
    return isinstance(value, str) and _ID_PATTERN.fullmatch(value) is not None


def id_fits_key(installation_id: str, public_key: bytes) -> bool:
    """False when the id is key-derived but from another key; an older random id fits any key."""
    return not is_key_derived(installation_id) or installation_id == derive_installation_id(
        public_key
    )


def link_message(old_installation_id: str, new_installation_id: str) -> bytes:
    """The exact bytes a link statement's signature covers."""
    return b"".join(
        (
            LINK_CONTEXT,
            old_installation_id.encode("ascii"),
            b"\n",
            new_installation_id.encode("ascii"),
            b"\n",
        )
    )


class LinkFormatError(ValueError):
    """A link statement that cannot be read; ``str()`` is the Dutch reason."""


@dataclass(frozen=True)
class LinkStatement:
    """A statement that installation ``old`` is now ``new``, signed by the old id's key."""

    old_installation_id: str
    old_public_key: bytes
    new_installation_id: str
    signature: bytes

    def verifies(self) -> bool:
        """True when the signature is the old key's over this old and new id."""
        try:
            Ed25519PublicKey.from_public_bytes(self.old_public_key).verify(
                self.signature, link_message(self.old_installation_id, self.new_installation_id)
            )
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_json(self) -> dict[str, str]:
        """The object files carry under ``link``."""
        return {
            "old_installation_id": self.old_installation_id,
            "old_public_key": base64.b64encode(self.old_public_key).decode("ascii"),
            "new_installation_id": self.new_installation_id,
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }


def _raw(value: object, size: int, label: str) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * size:
        raise LinkFormatError(f"de koppeling: {label} ontbreekt of is beschadigd")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise LinkFormatError(f"de koppeling: {label} is geen geldige base64") from None
    if len(raw) != size:
        raise LinkFormatError(f"de koppeling: {label} heeft {len(raw)} in plaats van {size} bytes")
    return raw


def parse_link(value: Any) -> LinkStatement:
    """A link statement read from a file's JSON, checked in shape (not yet against any pin)."""
    if not isinstance(value, dict) or value.keys() != LINK_KEYS:
        raise LinkFormatError("de koppeling met het oude installatie-id is beschadigd")
    old, new = value["old_installation_id"], value["new_installation_id"]
    if not is_installation_id(old) or not is_installation_id(new) or old == new:
        raise LinkFormatError("de koppeling noemt geen geldig oud en nieuw installatie-id")
    return LinkStatement(
        old,
        _raw(value["old_public_key"], _PUBLIC_KEY_BYTES, "de oude sleutel"),
        new,
        _raw(value["signature"], _SIGNATURE_BYTES, "de handtekening"),
    )
