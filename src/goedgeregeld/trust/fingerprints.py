"""Readable fingerprints of raw Ed25519 public keys: made, typed back in, put on a command line."""

from __future__ import annotations

import hashlib

FINGERPRINT_HEX = 32
"""128 bits of SHA-256: eight groups of four, short enough to read out on the phone."""


def fingerprint(public_key: bytes) -> str:
    """The readable fingerprint of a raw public key, e.g. ``3F2A 9C01 ...`` (8 groups)."""
    digest = hashlib.sha256(public_key).hexdigest()[:FINGERPRINT_HEX].upper()
    return " ".join(digest[i : i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def normalise_fingerprint(text: str) -> str | None:
    """A typed fingerprint in the canonical form, or None if it cannot be one."""
    compact_text = "".join(c for c in text.upper() if c not in " -:")
    if len(compact_text) != FINGERPRINT_HEX or any(
        c not in "0123456789ABCDEF" for c in compact_text
    ):
        return None
    return " ".join(compact_text[i : i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def compact(fingerprint_text: str) -> str:
    """A fingerprint as one word for a command line: groups joined by dashes."""
    return fingerprint_text.replace(" ", "-")
