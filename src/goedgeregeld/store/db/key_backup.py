"""The signing key travels with every backup, as a file beside it (owner-only, with a warning).

A backup without the key would bring the data back but not the installation's identity:
files signed afterwards would carry a new key that advisers and NOV do not know. The key is
not encrypted (an automatic backup cannot ask for a password), so the command line and the
window say where it is and that it must be kept as carefully as the backup itself.
Restore brings the key back only when the data folder has none.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from goedgeregeld.base.atomic import write_through_temp
from goedgeregeld.base.paths import private_key_path
from goedgeregeld.store.errors import StoreError
from goedgeregeld.words.read_errors import read_reason

KEY_SUFFIX = ".key.pem"
_MAX_KEY_BYTES = 4096
_PEM_START = b"-----BEGIN PRIVATE KEY-----"
KEY_WARNING = (
    "Naast de reservekopie staat de ondertekeningssleutel van deze installatie ({name}). "
    "Wie dat bestand heeft, kan bestanden ondertekenen alsof ze van u komen: "
    "bewaar het even zorgvuldig als de reservekopie zelf."
)


def key_beside(backup: Path) -> Path:
    """Where the key of ``backup`` is kept: ``NAME.key.pem`` beside ``NAME.sqlite3``."""
    return backup.with_name(f"{backup.stem if backup.suffix else backup.name}{KEY_SUFFIX}")


def copy_key_beside(data_dir: Path, backup: Path, *, guard: bool = False) -> Path | None:
    """Copy the installation's key beside ``backup``; None when there is no key yet."""
    source = private_key_path(data_dir)
    try:
        pem = source.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"de sleutel {source} is niet te lezen ({read_reason(exc)})") from None

    def fill(temp: Path) -> None:
        temp.write_bytes(pem)

    return write_through_temp(key_beside(backup), fill, mode=0o600, guard=guard)


def remove_key_beside(backup: Path) -> None:
    """Delete the key beside a backup that rotation removes."""
    key_beside(backup).unlink(missing_ok=True)


def restore_key(data_dir: Path, backup: Path) -> Path | None:
    """Put the key beside ``backup`` back when the data folder has none; returns where.

    An existing key is never replaced: the installation keeps the identity it has.
    """
    target = private_key_path(data_dir)
    source = key_beside(backup)
    if os.path.lexists(target):
        return None
    try:
        info = os.stat(source)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_KEY_BYTES:
        raise StoreError(f"{source} is geen sleutelbestand; de sleutel is niet teruggezet")
    pem = source.read_bytes()
    if not pem.startswith(_PEM_START):
        raise StoreError(f"{source} is geen sleutelbestand; de sleutel is niet teruggezet")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)

    def fill(temp: Path) -> None:
        temp.write_bytes(pem)

    return write_through_temp(target, fill, mode=0o600, guard=False)
