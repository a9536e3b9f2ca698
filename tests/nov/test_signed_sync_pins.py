"""A counted sync file and its signer's pin land in one transaction, on each engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nov_helpers import document, new_id, org, write

import goedgeregeld.nov.store.trust as stored_trust
from goedgeregeld.exchange.container.identity import Identity
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.sync.signed import payload_bytes, signed_sync_document
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.figures import national_figures
from goedgeregeld.nov.store.trust import list_nov_trusted


def _signed(path: Path) -> tuple[Path, Identity]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    identity = Identity(new_id(), InstallationKey(private, raw))
    doc = document(identity.installation_id, 1, organisations=[org()])
    return write(path, signed_sync_document(identity, payload_bytes(doc))), identity


def test_a_pin_that_cannot_be_written_counts_nothing(
    nov_store: NovStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, identity = _signed(tmp_path / "s.json")
    empty = national_figures(nov_store).to_json()

    def disk_full(*_args: object) -> None:
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(stored_trust, "save_pins_in", disk_full)
    with pytest.raises(RuntimeError):
        aggregate(nov_store, [path])
    # Counted without its pin, a later file with any key would pass as the first.
    assert national_figures(nov_store).to_json() == empty
    assert list_nov_trusted(nov_store) == []
    monkeypatch.undo()
    assert aggregate(nov_store, [path]).files.accepted == 1
    assert [t.fingerprint for t in list_nov_trusted(nov_store)] == [identity.fingerprint]
    assert national_figures(nov_store).to_json()["organisations"]["total"] == 1
