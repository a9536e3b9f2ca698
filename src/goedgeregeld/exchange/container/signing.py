r"""Detached Ed25519 signatures over the exact bytes of an exchange file, and their errors.

The signed message is a fixed context line, the format name and the installation id,
each ended by a newline, followed by the signed bytes as they are in the file::

    goedgeregeld-handtekening-1\n<format>\n<installation id>\n<exact bytes>

so a signature made for one kind of file or one installation is worthless for another.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.keys import (
    PUBLIC_KEY_BYTES,
    SIGNATURE_BYTES,
    InstallationKey,
    fingerprint,
)
from goedgeregeld.trust.identity import LinkStatement

CONTEXT = b"goedgeregeld-handtekening-1\n"
NOT_SIGNED_NOTICE = "niet ondertekend (ouder formaat): herkomst niet te controleren"


@dataclass(frozen=True)
class Signer:
    """Who signed a verified file: the installation it names and its public key."""

    installation_id: str
    public_key: bytes
    link: LinkStatement | None = None
    """The file's statement that an older id of the signer continues as this one (not yet
    checked against any pin: the importer does that)."""

    @property
    def fingerprint(self) -> str:
        """Readable fingerprint of the signer's key."""
        return fingerprint(self.public_key)

    def describe(self) -> str:
        """Dutch line for messages: ``ondertekend door installatie X (vingerafdruk ...)``."""
        return (
            f"ondertekend door installatie {self.installation_id} (vingerafdruk {self.fingerprint})"
        )


class SignatureError(ExchangeFileError):
    """The signature is missing, cut off or does not match the file."""


class KeyChangedError(ExchangeFileError):
    """A known installation signed with a key that is not the one recorded for it."""

    def __init__(
        self, path: Path | str, problem: str, installation_id: str, new_key: bytes
    ) -> None:
        super().__init__(path, problem)
        self.installation_id = installation_id
        self.new_fingerprint = fingerprint(new_key)


def message(format_name: str, installation_id: str, signed: bytes) -> bytes:
    """The exact message the signature covers."""
    return b"".join(
        (
            CONTEXT,
            format_name.encode("ascii"),
            b"\n",
            installation_id.encode("ascii"),
            b"\n",
            signed,
        )
    )


def sign(key: InstallationKey, format_name: str, installation_id: str, signed: bytes) -> bytes:
    """Sign ``signed`` as this installation."""
    return key.sign(message(format_name, installation_id, signed))


def encode(raw: bytes) -> str:
    """Base64 text as written in the files."""
    return base64.b64encode(raw).decode("ascii")


def decode_field(path: Path, value: object, name: str, size: int) -> bytes:
    """Base64 text of exactly ``size`` bytes, or a message saying what is wrong with it."""
    label = "de handtekening" if name == "signature" else "de meegestuurde sleutel"
    if not isinstance(value, str) or len(value) > 4 * size:
        raise SignatureError(path, f"{label} ontbreekt of is beschadigd")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(path, f"{label} is beschadigd (geen geldige base64)") from None
    if len(raw) != size:
        raise SignatureError(
            path,
            f"{label} is afgebroken of beschadigd ({len(raw)} in plaats van {size} bytes)",
        )
    return raw


def decode_public_key(path: Path, value: object) -> bytes:
    """The raw 32-byte public key of a file."""
    return decode_field(path, value, "public_key", PUBLIC_KEY_BYTES)


def decode_signature(path: Path, value: object) -> bytes:
    """The raw 64-byte signature of a file."""
    return decode_field(path, value, "signature", SIGNATURE_BYTES)


def verifies(public_key: bytes, signature: bytes, signed_message: bytes) -> bool:
    """True when ``signature`` is ``public_key``'s signature over the message."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, signed_message)
    except (InvalidSignature, ValueError):
        return False
    return True


def verify(
    path: Path,
    format_name: str,
    signer: Signer,
    signature: bytes,
    signed: bytes,
    known_key: bytes | None = None,
) -> None:
    """Raise SignatureError unless the signature over ``signed`` holds for the signer's key.

    ``known_key`` (the key recorded for this installation, if any) only sharpens the
    message: when it verifies but the carried key does not, the carried key was swapped.
    """
    signed_message = message(format_name, signer.installation_id, signed)
    if verifies(signer.public_key, signature, signed_message):
        return
    if (
        known_key is not None
        and known_key != signer.public_key
        and verifies(known_key, signature, signed_message)
    ):
        raise SignatureError(
            path,
            "de meegestuurde sleutel is verwisseld: het bestand is ondertekend met de bekende "
            f"sleutel van installatie {signer.installation_id}, maar draagt een andere "
            f"(vingerafdruk {signer.fingerprint}); vraag om een nieuw bestand",
        )
    raise SignatureError(
        path,
        "de handtekening klopt niet bij de inhoud en de meegestuurde sleutel: het bestand is "
        "na het ondertekenen veranderd of de handtekening is vervalst; vraag om een nieuw bestand",
    )
