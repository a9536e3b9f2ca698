"""This installation's signing identity: its key pair, the id that key gives, and its old id.

An installation made before ids came from keys keeps answering to its random id: every
file it signs carries a link statement, signed by its key, from that old id to the new one
(see docs/formats/identity.md), so receivers count it as the same installation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.container.keys import InstallationKey, load_installation_key
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.db.peek import peek_installation_id
from goedgeregeld.store.installation import settle_installation_id
from goedgeregeld.trust.identity import LinkStatement, derive_installation_id, link_message


@dataclass(frozen=True)
class Identity:
    """Who this installation is when it signs."""

    installation_id: str
    key: InstallationKey
    previous_id: str | None = None
    """The random id this installation had before its id came from its key."""

    @property
    def fingerprint(self) -> str:
        """Readable fingerprint of the public key."""
        return self.key.fingerprint

    def link(self) -> LinkStatement | None:
        """The statement that the previous id continues as this one (None: no previous id)."""
        if self.previous_id is None:
            return None
        signature = self.key.sign(link_message(self.previous_id, self.installation_id))
        return LinkStatement(self.previous_id, self.key.public_key, self.installation_id, signature)


def own_identity(db: Database) -> Identity:
    """The key pair of the data folder ``db`` lives in (made on first use) and the id it gives."""
    key = load_installation_key(db.path.parent)
    assert key is not None
    ids = settle_installation_id(db, key.public_key)
    return Identity(ids.current, key, ids.previous)


def describe_installation(data_dir: Path) -> tuple[str | None, str]:
    """(installation id, or None before the database made one; key fingerprint) for "Over".

    The store peeks at the database read-only, so the dialog opens fast and never writes;
    the id shown is the one the key gives, which the installation signs with from its next
    file on. The key pair is made here if this is its first use.
    """
    key = load_installation_key(data_dir)
    assert key is not None
    stored = peek_installation_id(database_path(data_dir))
    return (None if stored is None else derive_installation_id(key.public_key)), key.fingerprint
