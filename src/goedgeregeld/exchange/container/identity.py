"""This installation's signing identity: its id (from the database) and its key pair."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.container.keys import InstallationKey, load_installation_key
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.db.peek import peek_installation_id
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

    The store peeks at the database read-only, so the dialog opens fast and never writes;
    the key pair is made here if this is its first use.
    """
    key = load_installation_key(data_dir)
    assert key is not None
    return peek_installation_id(database_path(data_dir)), key.fingerprint
