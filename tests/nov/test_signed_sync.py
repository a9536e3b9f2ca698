"""Signed sync files at NOV: verified while read, key kept per installation, store unchanged on refusal."""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nov_helpers import document, new_id, org, write

from goedgeregeld.cli import main
from goedgeregeld.exchange.container.identity import Identity
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.sync.signed import payload_bytes, signed_sync_document
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore, nov_database_path, open_nov_store


def _identity(installation: str | None = None) -> Identity:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return Identity(installation or new_id(), InstallationKey(private, raw))


def _signed(path: Path, identity: Identity, sequence: int = 1, **kinds) -> Path:
    doc = document(identity.installation_id, sequence, **kinds)
    return write(path, signed_sync_document(identity, payload_bytes(doc)))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[NovStore]:
    opened = open_nov_store(tmp_path / "nov")
    yield opened
    opened.close()


def _dump(tmp_path: Path) -> list[str]:
    connection = sqlite3.connect(nov_database_path(tmp_path / "nov"))
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _refused(store: NovStore, tmp_path: Path, path: Path, *fragments: str) -> str:
    before = _dump(tmp_path)
    result = aggregate(store, [path]).files
    assert result.accepted == 0 and len(result.rejected) == 1, result
    reason = result.rejected[0].reason
    for fragment in fragments:
        assert fragment in reason, reason
    assert _dump(tmp_path) == before
    return reason


def _edit(path: Path, target: Path, change) -> Path:
    envelope = json.loads(path.read_text("utf-8"))
    change(envelope)
    return write(target, envelope)


def test_signed_file_counts_and_keeps_the_payload_readable(store: NovStore, tmp_path: Path) -> None:
    me = _identity()
    path = _signed(tmp_path / "s.json", me, organisations=[org()])
    envelope = json.loads(path.read_text("utf-8"))
    assert envelope["version"] == 2 and me.installation_id in envelope["payload"]
    result = aggregate(store, [path]).to_json()
    assert result["organisations"]["total"] == 1 and result["files"]["rejected"] == []


def test_tampered_payload_is_refused(store: NovStore, tmp_path: Path) -> None:
    path = _signed(tmp_path / "s.json", _identity(), organisations=[org(2020)])

    def change(envelope: dict) -> None:
        envelope["payload"] = envelope["payload"].replace("2020", "2021")

    _refused(store, tmp_path, _edit(path, tmp_path / "t.json", change), "inhoud is veranderd")


def test_swapped_key_and_forged_signature_are_refused(store: NovStore, tmp_path: Path) -> None:
    path = _signed(tmp_path / "s.json", _identity(), organisations=[org()])
    other = base64.b64encode(_identity().key.public_key).decode()
    swapped = _edit(path, tmp_path / "k.json", lambda e: e.update(public_key=other))
    _refused(store, tmp_path, swapped, "handtekening klopt niet", "sleutel verwisseld")


def test_truncated_signature_is_refused(store: NovStore, tmp_path: Path) -> None:
    path = _signed(tmp_path / "s.json", _identity(), organisations=[org()])
    cut = _edit(path, tmp_path / "c.json", lambda e: e.update(signature=e["signature"][:20]))
    _refused(store, tmp_path, cut, "afgebroken")


def test_key_of_another_installation_is_refused(store: NovStore, tmp_path: Path) -> None:
    owner = _identity()
    assert aggregate(
        store, [_signed(tmp_path / "a.json", owner, organisations=[org()])]
    ).files.accepted
    impostor = Identity(new_id(), owner.key)
    claim = _signed(tmp_path / "b.json", impostor, organisations=[org()])
    _refused(store, tmp_path, claim, "sleutel van een andere installatie", owner.installation_id)


def test_changed_key_is_refused_until_accepted(store: NovStore, tmp_path: Path, capsys) -> None:
    first, known = _identity(), org()
    assert aggregate(
        store, [_signed(tmp_path / "a.json", first, organisations=[known])]
    ).files.accepted
    renewed = _identity(first.installation_id)
    # The later file holds all the installation knows: the organisation of before and two new.
    later = _signed(tmp_path / "b.json", renewed, 2, organisations=[known, org(), org()])
    reason = _refused(store, tmp_path, later, "let op", "trust accept --nov")
    assert renewed.fingerprint in reason
    store.close()
    code = main(
        ["--data-dir", str(tmp_path / "nov"), "trust", "accept", "--nov",
         first.installation_id, renewed.fingerprint.replace(" ", "-")]
    )  # fmt: skip
    assert code == 0, capsys.readouterr()
    reopened = open_nov_store(tmp_path / "nov")
    try:
        result = aggregate(reopened, [later]).to_json()
    finally:
        reopened.close()
    assert result["files"]["accepted"] == 1 and result["organisations"]["total"] == 3


def test_unsigned_file_after_signed_ones_is_refused(store: NovStore, tmp_path: Path) -> None:
    me = _identity()
    unsigned = write(tmp_path / "old.json", document(me.installation_id, 1, organisations=[org()]))
    assert aggregate(
        store, [_signed(tmp_path / "a.json", me, 2, organisations=[org()])]
    ).files.accepted
    _refused(store, tmp_path, unsigned, "niet ondertekend")


def test_new_installation_with_two_keys_is_refused_in_any_order(
    store: NovStore, tmp_path: Path
) -> None:
    installation = new_id()
    one = _signed(tmp_path / "1.json", _identity(installation), 1, organisations=[org()])
    two = _signed(tmp_path / "2.json", _identity(installation), 2, organisations=[org()])
    before = _dump(tmp_path)
    files = aggregate(store, [two, one]).files
    assert files.accepted == 0 and len(files.rejected) == 2
    assert all("verschillende sleutels" in r.reason for r in files.rejected)
    assert _dump(tmp_path) == before


def test_unsupported_version_is_refused(store: NovStore, tmp_path: Path) -> None:
    path = _signed(tmp_path / "s.json", _identity(), organisations=[org()])
    _refused(
        store, tmp_path, _edit(path, tmp_path / "v.json", lambda e: e.update(version=3)), "versie 3"
    )
