"""This installation's signing identity: its id (from the database) and its key pair."""

from __future__ import annotations

from dataclasses import dataclass

from goedgeregeld.exchange.keys import InstallationKey, load_installation_key
from goedgeregeld.store.database import Database
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
