"""Optional password lock of an evaluation file: AES-256-GCM, key from scrypt.

The header (``encryption.json``) holds everything but the password. Its scrypt
parameters come from a file that may be hostile, so they are bounded before any key is
derived: a header asking for gigabytes of memory or minutes of work is refused.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, check_json
from goedgeregeld.exchange.container.signing import decode_field, encode

ENCRYPTION_MEMBER = "encryption.json"
CIPHER = "AES-256-GCM"
KDF = "scrypt"
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_MEMORY = 256 * 1024 * 1024
"""scrypt needs 128 * n * r bytes; more than this from a file is refused."""
MAX_SCRYPT_N = 2**18
MAX_SCRYPT_R = 32
MAX_SCRYPT_P = 4
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_PASSPHRASE = 8
MAX_HEADER_BYTES = 4096
HEADER_KEYS = frozenset({"cipher", "kdf", "n", "r", "p", "salt", "nonce"})
LOST_PASSPHRASE_WARNING = (
    "Let op: wie het wachtwoord kwijtraakt, kan dit bestand nooit meer openen. Niemand kan "
    "het wachtwoord terughalen, ook Goed Geregeld niet. Uw eigen gegevens in de app blijven "
    "onversleuteld bewaard; geef het wachtwoord op een andere manier door dan het bestand."
)


class PassphraseRequiredError(ExchangeFileError):
    """The file is locked and no password was given."""


class WrongPassphraseError(ExchangeFileError):
    """The password does not open the file (the file itself is intact)."""


class EncryptionHeaderError(ExchangeFileError):
    """``encryption.json`` is damaged, unknown or asks for too much work."""


@dataclass(frozen=True)
class EncryptionHeader:
    """The parameters of one locked file."""

    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes

    def to_json_bytes(self) -> bytes:
        """``encryption.json`` as written."""
        data = {
            "cipher": CIPHER,
            "kdf": KDF,
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": encode(self.salt),
            "nonce": encode(self.nonce),
        }
        return json.dumps(data, indent=1, sort_keys=True).encode("ascii")


def check_passphrase(passphrase: str) -> None:
    """Refuse a password too short to protect anything."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"kies een wachtwoord van minstens {MIN_PASSPHRASE} tekens")


def _key(header: EncryptionHeader, passphrase: str) -> bytes:
    kdf = Scrypt(salt=header.salt, length=32, n=header.n, r=header.r, p=header.p)
    return kdf.derive(passphrase.encode("utf-8"))


def encrypt(plain: bytes, passphrase: str, associated: bytes) -> tuple[EncryptionHeader, bytes]:
    """Lock ``plain`` with a fresh salt and nonce; returns the header and the ciphertext."""
    check_passphrase(passphrase)
    header = EncryptionHeader(
        SCRYPT_N, SCRYPT_R, SCRYPT_P, os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    )
    return header, AESGCM(_key(header, passphrase)).encrypt(header.nonce, plain, associated)


def decrypt(
    path: Path, header: EncryptionHeader, cipher: bytes, passphrase: str, associated: bytes
) -> bytes:
    """Open a locked payload; a wrong password raises WrongPassphraseError."""
    try:
        key = _key(header, passphrase)
    except (ValueError, MemoryError):
        raise _bad(
            path, "vraagt meer dan deze computer kan; het bestand is niet te openen"
        ) from None
    try:
        return AESGCM(key).decrypt(header.nonce, cipher, associated)
    except InvalidTag:
        raise WrongPassphraseError(
            path, "het wachtwoord klopt niet; er is niets ingelezen of veranderd"
        ) from None


def _bad(path: Path, problem: str) -> EncryptionHeaderError:
    return EncryptionHeaderError(path, f"de versleutelingskop ({ENCRYPTION_MEMBER}) {problem}")


def _int(path: Path, data: dict[str, Any], name: str, low: int, high: int) -> int:
    value = data.get(name)
    if type(value) is not int or not low <= value <= high:
        raise _bad(path, f"heeft een ongeldige scrypt-waarde '{name}' (tussen {low} en {high})")
    return value


def parse_header(path: Path, raw: bytes) -> EncryptionHeader:
    """Check ``encryption.json`` completely, bounds first; raises EncryptionHeaderError."""
    try:
        check_json(raw, MAX_HEADER_BYTES)
    except JsonProblemError as exc:
        raise _bad(path, f"is beschadigd: {exc}") from None
    data = json.loads(raw)
    if not isinstance(data, dict) or data.keys() != HEADER_KEYS:
        raise _bad(path, "is beschadigd: velden ontbreken of zijn onbekend")
    if data["cipher"] != CIPHER or data["kdf"] != KDF:
        raise _bad(path, f"noemt een onbekende versleuteling (deze app kent {CIPHER} met {KDF})")
    n = _int(path, data, "n", 2, MAX_SCRYPT_N)
    r = _int(path, data, "r", 1, MAX_SCRYPT_R)
    p = _int(path, data, "p", 1, MAX_SCRYPT_P)
    if n & (n - 1):
        raise _bad(path, "is beschadigd: scrypt 'n' is geen macht van 2")
    if 128 * n * r > MAX_SCRYPT_MEMORY:
        raise _bad(path, "vraagt te veel geheugen; het bestand is beschadigd of vijandig")
    try:
        salt = decode_field(path, data["salt"], "salt", SALT_BYTES)
        nonce = decode_field(path, data["nonce"], "nonce", NONCE_BYTES)
    except ExchangeFileError:
        raise _bad(path, "is beschadigd: 'salt' of 'nonce' heeft de verkeerde lengte") from None
    return EncryptionHeader(n, r, p, salt, nonce)
