"""This installation's Ed25519 key pair: made on first use, kept owner-only in the data folder.

Only the public key ever leaves the installation (inside signed files). The private key
is a PKCS#8 PEM file in ``<data folder>/keys/`` with mode 0600 in a 0700 folder (on
Windows the user's profile folder already keeps other users out).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from goedgeregeld.base.paths import KEYS_FOLDER, PRIVATE_KEY_FILE
from goedgeregeld.store.errors import StoreError
from goedgeregeld.trust.fingerprints import fingerprint as fingerprint  # signing uses it here
from goedgeregeld.words.read_errors import read_reason

_MAX_KEY_BYTES = 4096
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


@dataclass(frozen=True)
class InstallationKey:
    """The private key of this installation and its raw public key."""

    private_key: Ed25519PrivateKey
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        """Readable fingerprint of the public key."""
        return fingerprint(self.public_key)

    def sign(self, message: bytes) -> bytes:
        """A 64-byte Ed25519 signature."""
        return self.private_key.sign(message)


def key_path(data_dir: Path) -> Path:
    """Where the private key of the installation in ``data_dir`` lives."""
    return data_dir / KEYS_FOLDER / PRIVATE_KEY_FILE


def _from_pem(
    path: Path, pem: bytes, label: str = "de sleutel van deze installatie"
) -> InstallationKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except ValueError:
        raise StoreError(
            f"{label} ({path}) is beschadigd; "
            "zet een reservekopie terug of verwijder het bestand om een nieuwe te maken"
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise StoreError(f"{path} is geen Ed25519-sleutel")
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return InstallationKey(key, raw)


def _write_new(path: Path) -> None:
    """Write a fresh key without ever replacing one (two processes may race here)."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_pem(path, pem)


def _write_pem(path: Path, pem: bytes) -> None:
    """Write ``pem`` to ``path``, owner-only, unless a key is there already (the first wins)."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".key-")
    try:
        os.chmod(temp, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(pem)
            out.flush()
            os.fsync(out.fileno())
        # link() fails when the target exists: the first writer wins, nobody overwrites.
        try:
            os.link(temp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: rename, still never over a key
            if not path.exists():
                os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)


def load_installation_key(data_dir: Path, *, create: bool = True) -> InstallationKey | None:
    """The key pair of the installation in ``data_dir``, made on first use when ``create``.

    A key file that is gone while the database names an id made from a key is taken back
    from the newest backup that holds that very key (``recover_key_in``) before a new one
    is made.
    """
    path = key_path(data_dir)
    if create and not path.exists():
        recover_key_in(data_dir)
    return load_key_file(path, create=create)


def recover_key_in(data_dir: Path) -> bool:
    """Put this installation's own key back from its backups when its key file is gone.

    The id in the database came from the key (docs/formats/identity.md), so only a key
    whose public key gives that id is this installation's: any other is left alone.
    Without this, a lost key file silently became a new key, a new id and so a new
    installation to advisers and NOV, with no link from the old one (only the lost key
    could sign one). Returns whether a key was put back.
    """
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.store.db.backups import list_backups
    from goedgeregeld.store.db.key_backup import key_beside
    from goedgeregeld.store.db.peek import peek_installation_id
    from goedgeregeld.trust.identity import derive_installation_id, is_key_derived

    path = key_path(data_dir)
    stored = peek_installation_id(database_path(data_dir))
    if path.exists() or stored is None or not is_key_derived(stored):
        return False
    for backup in list_backups(data_dir):
        candidate = key_beside(backup.path)
        try:
            if not candidate.is_file() or candidate.stat().st_size > _MAX_KEY_BYTES:
                continue
            pem = candidate.read_bytes()
            key = _from_pem(candidate, pem)
        except (OSError, StoreError, TypeError, ValueError, UnsupportedAlgorithm):
            continue  # a damaged or foreign file beside a backup: try the next one
        if derive_installation_id(key.public_key) == stored:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(path.parent, 0o700)
            _write_pem(path, pem)
            return True
    return False


def load_key_file(
    path: Path, *, create: bool, label: str = "de sleutel van deze installatie"
) -> InstallationKey | None:
    """The key pair in ``path`` (owner-only in an owner-only folder), made when ``create``."""
    if not path.exists():
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        _write_new(path)
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{label} is niet te lezen ({read_reason(exc)})") from None
    return _from_pem(path, pem, label)
