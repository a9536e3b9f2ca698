"""SIGKILL around NOV's signer record: a sync file, its pin and its link land together or not.

A child process aggregates a real signed sync file (with a link statement) and kills itself
right after the signers are pinned inside the merge's transaction, or right after the run.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nov_helpers import document, new_id, org, write
from sqlalchemy import select

from goedgeregeld.exchange.container.identity import Identity
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.sync.signed import payload_bytes, signed_sync_document
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.models import NovBase
from goedgeregeld.trust.identity import derive_installation_id

CHILD = Path(__file__).parents[1] / "exchange" / "signer_child.py"


def _dump(store: NovStore) -> dict[str, list[tuple[str, ...]]]:
    with store.begin() as connection:
        return {
            table.name: sorted(tuple(map(str, row)) for row in connection.execute(select(table)))
            for table in NovBase.metadata.sorted_tables
        }


def _killed(nov_dir: Path, nov_url: str | None, path: Path, moment: str) -> str:
    args = [sys.executable, str(CHILD), "nov", str(nov_dir), str(path), moment]
    child = subprocess.run(
        [*args, nov_url] if nov_url else args, capture_output=True, text=True, timeout=120
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    return child.stdout


def test_a_moved_installations_file_killed_at_the_signer_record_changes_nothing(
    nov_store: NovStore, nov_dir: Path, nov_url: str | None, tmp_path: Path
) -> None:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    key = InstallationKey(private, raw)
    old = Identity(new_id(), key)
    moved = Identity(derive_installation_id(raw), key, previous_id=old.installation_id)
    orgs = [org(), org()]
    first = payload_bytes(document(old.installation_id, 1, organisations=orgs))
    assert aggregate(nov_store, [write(tmp_path / "oud.json", signed_sync_document(old, first))])
    newer = payload_bytes(document(moved.installation_id, 2, organisations=[*orgs, org()]))
    path = write(tmp_path / "nieuw.json", signed_sync_document(moved, newer))
    before = _dump(nov_store)
    assert "signer recorded" in _killed(nov_dir, nov_url, path, "signer")
    assert _dump(nov_store) == before
    assert "imported 1" in _killed(nov_dir, nov_url, path, "after")
    after = _dump(nov_store)
    assert [row[:2] for row in after["nov_installation_link"]] == [
        (old.installation_id, moved.installation_id)
    ]
    assert {row[0] for row in after["nov_trusted_key"]} == {
        old.installation_id,
        moved.installation_id,
    }
    assert {row[0] for row in after["nov_observation"]} == {moved.installation_id}
    assert len(after["nov_observation"]) == 3
