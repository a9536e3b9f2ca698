"""NOV and ids that prove themselves: forged ids refused, old installations moved over once.

Through the real aggregation (read, trust check, merge), on SQLite and PostgreSQL; a refused
file leaves every table of the NOV store as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nov_helpers import document, new_id, org, write
from sqlalchemy import select

from goedgeregeld.exchange.container.identity import Identity
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.sync.format import Entry
from goedgeregeld.exchange.sync.signed import payload_bytes, signed_sync_document
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.figures import national_figures
from goedgeregeld.nov.store.models import NovBase
from goedgeregeld.trust.identity import LinkStatement, derive_installation_id, link_message


def _key() -> InstallationKey:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return InstallationKey(private, raw)


def _sync(
    path: Path,
    identity: Identity,
    sequence: int,
    orgs: list[Entry],
    link: dict[str, Any] | None = None,
) -> Path:
    doc = signed_sync_document(
        identity, payload_bytes(document(identity.installation_id, sequence, organisations=orgs))
    )
    if link is not None:
        doc["link"] = link
    return write(path, doc)


def _dump(store: NovStore) -> dict[str, list[tuple[Any, ...]]]:
    with store.begin() as connection:
        return {
            table.name: sorted(tuple(map(str, row)) for row in connection.execute(select(table)))
            for table in NovBase.metadata.sorted_tables
        }


def _refused(store: NovStore, path: Path, *fragments: str) -> None:
    before = _dump(store)
    result = aggregate(store, [path])
    assert result.files.accepted == 0
    [rejection] = result.files.rejected
    for fragment in fragments:
        assert fragment in rejection.reason, rejection.reason
    assert _dump(store) == before


def _organisations(store: NovStore) -> int:
    return int(national_figures(store).to_json()["organisations"]["total"])


def test_a_sync_file_under_an_id_of_another_key_is_refused(
    nov_store: NovStore, tmp_path: Path
) -> None:
    genuine = Identity(derive_installation_id((key := _key()).public_key), key)
    assert aggregate(nov_store, [_sync(tmp_path / "echt.json", genuine, 1, [org()])]).files.accepted
    # Someone who saw the id in a file signs under it with a key of their own.
    thief = Identity(genuine.installation_id, _key())
    _refused(
        nov_store, _sync(tmp_path / "vals.json", thief, 9, [org()]), "hoort niet bij de sleutel"
    )
    # Nor did it take the id over: the genuine installation's next file still counts.
    later = _sync(tmp_path / "later.json", genuine, 2, [org(), org()])
    assert aggregate(nov_store, [later]).files.accepted == 1
    assert _organisations(nov_store) == 2


def test_a_forged_id_first_is_refused_and_the_genuine_files_still_count(
    nov_store: NovStore, tmp_path: Path
) -> None:
    key = _key()
    genuine = Identity(derive_installation_id(key.public_key), key)
    thief = Identity(genuine.installation_id, _key())
    _refused(nov_store, _sync(tmp_path / "eerst-vals.json", thief, 1, [org()]), "vervalst")
    assert aggregate(nov_store, [_sync(tmp_path / "echt.json", genuine, 1, [org()])]).files.accepted


def test_an_unsigned_file_naming_a_key_derived_id_is_refused(
    nov_store: NovStore, tmp_path: Path
) -> None:
    installation = derive_installation_id(_key().public_key)
    path = write(tmp_path / "los.json", document(installation, 1, organisations=[org()]))
    _refused(nov_store, path, "niet ondertekend", installation)


def _old_and_moved(tmp_path: Path) -> tuple[Identity, Identity, list[Entry]]:
    key = _key()
    old = Identity(new_id(), key)
    moved = Identity(derive_installation_id(key.public_key), key, previous_id=old.installation_id)
    return old, moved, [org(), org()]


def test_an_old_installation_moves_over_and_counts_once(
    nov_store: NovStore, tmp_path: Path
) -> None:
    old, moved, orgs = _old_and_moved(tmp_path)
    first = _sync(tmp_path / "oud.json", old, 1, orgs)
    assert aggregate(nov_store, [first]).files.accepted == 1
    newer = _sync(tmp_path / "nieuw.json", moved, 2, [*orgs, org()])  # carries the link
    result = aggregate(nov_store, [newer])
    assert result.files.accepted == 1, result.files.rejected
    assert _organisations(nov_store) == 3
    # The old file is still readable and adds nothing: one installation, counted once.
    again = aggregate(nov_store, [first])
    assert again.files.rejected == []
    assert _organisations(nov_store) == 3
    tables = _dump(nov_store)
    assert {row[0] for row in tables["nov_observation"]} == {moved.installation_id}
    assert {row[0] for row in tables["nov_file"]} == {moved.installation_id}
    assert tables["nov_installation_link"][0][:2] == (old.installation_id, moved.installation_id)
    assert {row[0] for row in tables["nov_trusted_key"]} == {
        old.installation_id,
        moved.installation_id,
    }


def test_old_and_new_file_in_one_run_in_any_order_count_once(
    nov_store: NovStore, tmp_path: Path
) -> None:
    old, moved, orgs = _old_and_moved(tmp_path)
    newer = _sync(tmp_path / "a-nieuw.json", moved, 2, [*orgs, org()])
    first = _sync(tmp_path / "b-oud.json", old, 1, orgs)
    result = aggregate(nov_store, [newer, first])
    assert result.files.rejected == []
    assert _organisations(nov_store) == 3


def test_a_link_signed_by_the_wrong_old_key_is_refused(nov_store: NovStore, tmp_path: Path) -> None:
    old, _moved, orgs = _old_and_moved(tmp_path)
    assert aggregate(nov_store, [_sync(tmp_path / "oud.json", old, 1, orgs)]).files.accepted
    thief_key = _key()
    thief = Identity(derive_installation_id(thief_key.public_key), thief_key)
    link = LinkStatement(
        old.installation_id,
        thief_key.public_key,
        thief.installation_id,
        thief_key.sign(link_message(old.installation_id, thief.installation_id)),
    )
    forged = _sync(tmp_path / "overname.json", thief, 2, [org()], link.to_json())
    _refused(nov_store, forged, "alleen de oude sleutel", old.installation_id)


def test_a_damaged_link_is_refused_while_reading(nov_store: NovStore, tmp_path: Path) -> None:
    _old, moved, orgs = _old_and_moved(tmp_path)
    genuine = moved.link()
    assert genuine is not None
    broken = {**genuine.to_json(), "signature": "AAAA"}
    _refused(nov_store, _sync(tmp_path / "kapot.json", moved, 2, orgs, broken), "koppeling")


def test_folding_keeps_the_later_report_and_the_earliest_first_moment(
    nov_store: NovStore,
) -> None:
    from datetime import datetime

    from goedgeregeld.nov.store.links import fold_installation_in
    from goedgeregeld.nov.store.models import Installation, Observation, entity_key

    table = Observation.__table__
    old, new, shared, only_old = new_id(), new_id(), new_id(), new_id()
    number = {old: 1, new: 2}

    def row(inst: str, entity: str, sequence: int, first: datetime, province: str) -> dict:
        return {
            "installation_no": number[inst],
            "entity_key": entity_key(entity),
            "installation_id": inst,
            "kind": "organisations",
            "entity_id": entity,
            "sequence": sequence,
            "reported_at": datetime(2024, 1, sequence),
            "year": 2020,
            "province": province,
            "detail": "klein",
            "first_merged_at": first,
            "first_reported_at": first,
        }

    early, late = datetime(2021, 1, 1), datetime(2023, 1, 1)
    with nov_store.begin() as connection:
        connection.execute(
            Installation.__table__.insert(), [{"number": n, "id": i} for i, n in number.items()]
        )
        connection.execute(
            table.insert(),
            [
                row(old, shared, 1, early, "Utrecht"),
                row(old, only_old, 1, early, "Zeeland"),
                row(new, shared, 2, late, "Gelderland"),
            ],
        )
        fold_installation_in(connection, old, new)
        rows = {
            r.entity_id: r
            for r in connection.execute(select(table).where(table.c.installation_id == new))
        }
        assert connection.execute(select(table).where(table.c.installation_id == old)).all() == []
    assert set(rows) == {shared, only_old}
    assert rows[shared].province == "Gelderland" and rows[shared].sequence == 2
    assert rows[shared].first_merged_at == early and rows[shared].first_reported_at == early
    assert rows[only_old].province == "Zeeland"


def test_a_squatted_old_id_is_resolved_by_accepting_the_genuine_key(
    nov_store: NovStore, nov_dir: Path, nov_url: str | None, tmp_path: Path, capsys
) -> None:
    """Someone signed as an old random id first; NOV checks the fingerprint and accepts it."""
    from goedgeregeld.cli import main
    from goedgeregeld.nov.store.trust import list_nov_trusted

    old, moved, orgs = _old_and_moved(tmp_path)
    squatter = Identity(old.installation_id, _key())
    assert aggregate(nov_store, [_sync(tmp_path / "kraak.json", squatter, 1, [org()])])
    genuine = _sync(tmp_path / "nieuw.json", moved, 2, orgs)
    before = _dump(nov_store)
    result = aggregate(nov_store, [genuine])
    [rejection] = result.files.rejected
    assert "alleen de oude sleutel" in rejection.reason
    assert "trust accept --nov" in rejection.reason and _dump(nov_store) == before
    typed = moved.fingerprint.replace(" ", "-")
    database = ["--database", nov_url] if nov_url else []
    folder = ["--data-dir", str(nov_dir)]
    assert main([*folder, "trust", "accept", "--nov", *database, old.installation_id, typed]) == 0
    capsys.readouterr()
    assert aggregate(nov_store, [genuine]).files.accepted == 1
    pins = {t.installation_id: t.fingerprint for t in list_nov_trusted(nov_store)}
    assert pins == {
        old.installation_id: moved.fingerprint,
        moved.installation_id: moved.fingerprint,
    }
    # The squatter's key no longer signs as the old id.
    later = _sync(tmp_path / "kraak2.json", squatter, 3, [org()])
    assert aggregate(nov_store, [later]).files.accepted == 0
