"""This installation's signing identity: its id (from the database) and its key pair."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.container.keys import InstallationKey, load_installation_key
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.installation import installation_id


@dataclass(frozen=True)
class Identity:
    """Who this installation is when it signs."""

    installation_id: str
    key: InstallationKey

    @property
    def fingerprint(self) -> str:
        """Readable fingerprint of the public key."""
        return self.key.fingerprint


def own_identity(db: Database) -> Identity:
    """The installation id and key pair of the data folder ``db`` lives in (made on first use)."""
    key = load_installation_key(db.path.parent)
    assert key is not None
    return Identity(installation_id(db), key)


def describe_installation(data_dir: Path) -> tuple[str | None, str]:
    """(installation id, or None before the database made one; key fingerprint) for "Over".

    Reads the database with plain sqlite3, read-only, so the dialog opens fast and never
    writes; the key pair is made here if this is its first use.
    """
    key = load_installation_key(data_dir)
    assert key is not None
    installation = None
    database = database_path(data_dir)
    if database.exists():
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT id FROM installation LIMIT 1").fetchone()
            installation = str(row[0]) if row else None
        except sqlite3.Error:
            installation = None
        finally:
            connection.close()
    return installation, key.fingerprint
