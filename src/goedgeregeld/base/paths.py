"""Where this installation keeps its data: the user data dir, or an explicit override."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "GoedGeregeld"
DATA_DIR_ENV = "GOEDGEREGELD_DATA_DIR"
DATABASE_FILE = "goedgeregeld.sqlite3"
SAMPLE_DATABASE_FILE = "voorbeeld.sqlite3"
NOV_DATABASE_FILE = "nov.sqlite3"
KEYS_FOLDER = "keys"
PRIVATE_KEY_FILE = "installation-ed25519.pem"
PROGRAMME_KEY_FILE = "nov-programme-ed25519.pem"
"""NOV's programme (root) key, only on NOV's installation, beside the installation key."""
BACKUP_FOLDER = "backups"
EVIDENCE_FOLDER = "evidence"
LOGS_FOLDER = "logs"
LOCK_FILE = "goedgeregeld.lock"
# SQLite's companions of a database file: the write-ahead log, its index, the rollback journal.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the data folder: ``--data-dir``, then the environment, then platformdirs."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(folder: Path) -> Path:
    """The SQLite file with this installation's own data."""
    return folder / DATABASE_FILE


def sample_database_path(folder: Path) -> Path:
    """The SQLite file with the sample organisation, kept apart from real data."""
    return folder / SAMPLE_DATABASE_FILE


def private_key_path(folder: Path) -> Path:
    """The installation's private signing key (made by ``exchange.container.keys``)."""
    return folder / KEYS_FOLDER / PRIVATE_KEY_FILE


def protected_paths(folder: Path) -> list[tuple[Path, str]]:
    """What the app owns in a data folder, each with a Dutch name; no output may replace it.

    A folder stands for everything inside it. The list is narrow on purpose: an export
    beside the database, under a new name, is the user's own business.
    """
    owned: list[tuple[Path, str]] = []
    for name, what in (
        (DATABASE_FILE, "het gegevensbestand van deze installatie"),
        (SAMPLE_DATABASE_FILE, "het gegevensbestand met de voorbeeldorganisatie"),
        (NOV_DATABASE_FILE, "het gegevensbestand van NOV"),
    ):
        owned.append((folder / name, what))
        owned.extend((folder / f"{name}{suffix}", what) for suffix in SQLITE_COMPANIONS)
    owned.append((folder / KEYS_FOLDER, "de ondertekeningssleutel van deze installatie"))
    owned.append((folder / BACKUP_FOLDER, "de map met reservekopieën van deze installatie"))
    owned.append((folder / EVIDENCE_FOLDER, "de map met bewijsstukken van deze installatie"))
    owned.append((folder / LOGS_FOLDER, "het logboek van deze installatie"))
    owned.append((folder / LOCK_FILE, "het slot dat één venster per map open houdt"))
    return owned
