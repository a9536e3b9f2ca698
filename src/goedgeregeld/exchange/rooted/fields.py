"""Fields shared by the NOV-signed documents: certificate numbers, fingerprints, public keys."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

CertificateNumber = Annotated[
    str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]{0,7}(-[A-Z0-9]{1,12}){1,4}$", max_length=48)
]
"""E.g. ``ADV-2026-7F3A9C01``: a kind prefix, then letters and digits in dashed groups."""
Fingerprint = Annotated[str, StringConstraints(pattern=r"^[0-9A-F]{4}( [0-9A-F]{4}){7}$")]
"""A readable key fingerprint, as ``trust.fingerprints`` writes it."""
PublicKeyText = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]
"""A raw 32-byte Ed25519 public key in base64."""


class Strict(BaseModel):
    """Strict, frozen, no unknown fields: what every document model is."""

    model_config = ConfigDict(extra="forbid", frozen=True)
