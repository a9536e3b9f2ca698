"""The NOV programme's root of trust: which public key this run trusts, and where it came from.

In order: ``--trust-root FILE`` (set by the command line through ``use_trust_root``), the
``GOEDGEREGELD_TRUST_ROOT`` variable, the ``trust/root`` setting in the data folder's
``instellingen.ini``, and last the key that ships in ``resources/trust/``. A root file is what
``goedgeregeld nov keys public`` writes (docs/formats/nov-key.md).
"""

from __future__ import annotations

import base64
import binascii
import configparser
import json
import os
from dataclasses import dataclass
from pathlib import Path

from goedgeregeld.base.errors import UserFacingError
from goedgeregeld.base.resources import resources_dir
from goedgeregeld.trust.fingerprints import fingerprint
from goedgeregeld.words.read_errors import read_reason

ROOT_ENV = "GOEDGEREGELD_TRUST_ROOT"
ROOT_FORMAT = "goedgeregeld-nov-sleutel"
ROOT_FORMAT_VERSION = 1
SHIPPED_ROOT = "nov-root.json"
SETTINGS_FILE = "instellingen.ini"
"""The data folder's settings (written by the window's settings wrapper, read here without Qt)."""
MAX_ROOT_FILE = 4096
PUBLIC_KEY_BYTES = 32

_override: Path | None = None


class TrustRootError(UserFacingError):
    """The configured root file is missing or is not a NOV key."""


@dataclass(frozen=True)
class TrustRoot:
    """The public key every NOV-signed document must verify against."""

    public_key: bytes
    source: str
    """Where it came from, in Dutch: ``--trust-root /pad``, ``meegeleverd``, ..."""

    @property
    def fingerprint(self) -> str:
        """Readable fingerprint of the root key."""
        return fingerprint(self.public_key)


def use_trust_root(path: Path | None) -> None:
    """Make ``path`` the root for the rest of this process (the ``--trust-root`` option)."""
    global _override
    _override = None if path is None else Path(path)


def root_file_bytes(public_key: bytes) -> bytes:
    """The text of a root file for ``public_key``."""
    document = {
        "format": ROOT_FORMAT,
        "format_version": ROOT_FORMAT_VERSION,
        "public_key": base64.b64encode(public_key).decode("ascii"),
        "fingerprint": fingerprint(public_key),
    }
    return (json.dumps(document, indent=1, sort_keys=True) + "\n").encode("ascii")


def parse_root_file(raw: bytes, where: str) -> bytes:
    """The raw public key in a root file, or TrustRootError saying what is wrong."""
    bad = f"{where} is geen NOV-sleutel (maak er een met 'goedgeregeld nov keys public')"
    if len(raw) > MAX_ROOT_FILE:
        raise TrustRootError(f"{bad}: het bestand is te groot")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise TrustRootError(bad) from None
    if not isinstance(document, dict) or document.get("format") != ROOT_FORMAT:
        raise TrustRootError(bad)
    if document.get("format_version") != ROOT_FORMAT_VERSION:
        raise TrustRootError(f"{where}: onbekende versie van de NOV-sleutel; werk de app bij")
    encoded = document.get("public_key")
    try:
        key = base64.b64decode(encoded, validate=True) if isinstance(encoded, str) else b""
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != PUBLIC_KEY_BYTES:
        raise TrustRootError(f"{bad}: de sleutel is beschadigd")
    if document.get("fingerprint") != fingerprint(key):
        raise TrustRootError(f"{where}: de vingerafdruk past niet bij de sleutel; beschadigd")
    return key


def _read_root(path: Path, source: str) -> TrustRoot:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_ROOT_FILE + 1)
    except OSError as exc:
        raise TrustRootError(
            f"de NOV-sleutel ({source}) is niet te lezen: {read_reason(exc)}"
        ) from None
    return TrustRoot(parse_root_file(raw, f"de NOV-sleutel ({source})"), source)


def _setting(data_dir: Path | None) -> str | None:
    """The ``trust/root`` value of the data folder's settings file, if set."""
    if data_dir is None:
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(data_dir / SETTINGS_FILE, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return None
    value = parser.get("trust", "root", fallback="").strip().strip('"')
    return value or None


def configured_root(data_dir: Path | None = None) -> TrustRoot:
    """The root this run trusts (see the module's docstring for the order)."""
    if _override is not None:
        return _read_root(_override, f"--trust-root {_override}")
    chosen = os.environ.get(ROOT_ENV)
    if chosen:
        return _read_root(Path(chosen), f"{ROOT_ENV}={chosen}")
    setting = _setting(data_dir)
    if setting:
        return _read_root(Path(setting), f"instelling trust/root={setting}")
    return _read_root(resources_dir() / "trust" / SHIPPED_ROOT, "meegeleverd met de app")
