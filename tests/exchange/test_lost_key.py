"""A key file that is gone comes back from the installation's own backups, and only its own.

The installation's id came from its key, so a key whose public key gives that id is the
one that was lost; without it the installation would silently become a new one to its
advisers and to NOV.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.container.keys import key_path, recover_key_in
from goedgeregeld.store.db.backups import make_backup
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.db.key_backup import key_beside


def test_a_lost_key_comes_back_from_the_newest_backup_that_holds_it(
    db: Database, data_dir: Path
) -> None:
    before = own_identity(db)
    older = make_backup(data_dir, database_path(data_dir), datetime.now() - timedelta(days=2))
    newest = make_backup(data_dir, database_path(data_dir), datetime.now() - timedelta(days=1))
    # The newest backup's key file is damaged; the older one still has the key.
    key_beside(newest).write_bytes(b"-----BEGIN PRIVATE KEY-----\nkapot\n")
    key_path(data_dir).unlink()
    after = own_identity(db)
    assert after.installation_id == before.installation_id
    assert after.key.public_key == before.key.public_key
    assert key_path(data_dir).stat().st_mode & 0o777 == 0o600
    assert key_beside(older).exists()


def test_a_backup_with_another_installations_key_is_not_taken(db: Database, data_dir: Path) -> None:
    before = own_identity(db)
    backup = make_backup(data_dir, database_path(data_dir), datetime.now() - timedelta(days=1))
    foreign = Ed25519PrivateKey.generate()
    key_beside(backup).write_bytes(
        foreign.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path(data_dir).unlink()
    assert not recover_key_in(data_dir)
    after = own_identity(db)  # a new key, as before this change: the lost one is gone
    raw = foreign.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert after.key.public_key not in (raw, before.key.public_key)
