"""Issue 20: maintained totals equal a recount; known files skipped unparsed; parts add up.

Totals each merge maintains equal a full recount; known files are skipped without being
parsed; a run split into many parts gives the figures of one part.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nov_helpers import document, new_id, org, write
from sqlalchemy import text

import goedgeregeld.nov.aggregate as aggregating
import goedgeregeld.nov.files as reading
from benchmarks.synthetic_nov import write_pile
from goedgeregeld.exchange.sync.format import SyncFileError
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore, open_nov_store
from goedgeregeld.nov.store.figures import national_figures, recounted_figures


def test_totals_follow_every_change_as_a_recount_would(nov_store: NovStore, tmp_path: Path) -> None:
    inst, adviser = new_id(), new_id()
    kept, dropped, shared = org(2020), org(2021, "Drenthe"), org(2019, "Zeeland")
    runs = [
        [write(tmp_path / "1.json", document(inst, 1, organisations=[kept, dropped, shared]))],
        [
            write(
                tmp_path / "a.json",
                document(
                    adviser,
                    1,
                    organisations=[(shared[0], 2019, "Utrecht", "groot")],
                    advisers=[(new_id(), 2020, "Utrecht", None)],
                ),
            )
        ],
        # Its own newer file drops one id and moves the shared one: only the owner can.
        [
            write(
                tmp_path / "2.json",
                document(inst, 2, organisations=[kept, (shared[0], 2019, "Limburg", "klein")]),
            )
        ],
    ]
    for files in runs:
        aggregate(nov_store, files)
        assert national_figures(nov_store) == recounted_figures(nov_store)
    figures = national_figures(nov_store)["organisations"]
    assert figures.total == 2 and figures.by_province() == {"Limburg": 1, "Utrecht": 1}


def test_a_rerun_skips_known_files_without_parsing_them(
    nov_store: NovStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pile = write_pile(tmp_path / "pile", organisations=60, advisers=4, seed=5)
    first = aggregate(nov_store, [tmp_path / "pile"])
    assert first.files.rejected == []

    def refuse(_data: bytes) -> None:
        raise SyncFileError("parsed again")

    monkeypatch.setattr(reading, "parse_sync_bytes", refuse)
    again = aggregate(nov_store, [tmp_path / "pile"])
    assert again.files.to_json() == {
        "read": len(pile.files),
        "accepted": 0,
        "already_known": len(pile.files),
        "rejected": [],
        "quarantined": [],
    }
    assert again.figures == first.figures


def test_a_run_in_many_parts_counts_as_one(
    nov_store: NovStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pile = write_pile(tmp_path / "pile", organisations=80, advisers=6, seed=9)
    monkeypatch.setattr(reading, "CHUNK_FILES", 7)
    monkeypatch.setattr(aggregating, "MERGE_ENTRIES", 25)
    result = aggregate(nov_store, [tmp_path / "pile"]).to_json()
    for kind, numbers in pile.expected.items():
        if kind == "quality_marks":
            continue  # counted from NOV's register of certificates, not from sync files
        for key, value in numbers.items():
            assert result[kind][key] == value, (kind, key)
    assert result["files"]["rejected"] == []
    assert national_figures(nov_store) == recounted_figures(nov_store)
    with nov_store.begin() as connection:
        known = connection.execute(text("SELECT COUNT(*) FROM nov_known_file")).scalar()
    assert known == len(pile.files)


def test_a_rerun_with_new_and_broken_files_among_known_ones_takes_just_those(
    nov_store: NovStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skimming (hash, let go, look up many at once) reads the new files again and takes them."""
    pile = write_pile(tmp_path / "pile", organisations=70, advisers=4, seed=11)
    monkeypatch.setattr(reading, "CHUNK_FILES", 6)
    monkeypatch.setattr(reading, "SKIM_FILES", 9)
    later = sorted(pile.files)[20::9]  # new ones spread over the skimmed look-ups
    held = tmp_path / "held"
    held.mkdir()
    for path in later:
        path.rename(held / path.name)
    aggregate(nov_store, [tmp_path / "pile"])
    for path in later:
        (held / path.name).rename(path)
    broken = tmp_path / "pile" / "zz-broken.json"
    broken.write_text("{", encoding="utf-8")
    parsed: list[bytes] = []
    real_parse = reading.parse_sync_bytes

    def counting(data: bytes) -> object:
        parsed.append(data)
        return real_parse(data)

    monkeypatch.setattr(reading, "parse_sync_bytes", counting)
    again = aggregate(nov_store, [tmp_path / "pile"])
    assert len(parsed) == len(later) + 1  # the new files and the broken one, nothing known
    assert again.files.accepted + again.files.already_known == len(pile.files)
    assert again.files.accepted > 0
    assert [r.path for r in again.files.rejected] == [str(broken)]
    assert again.files.read == len(pile.files) + 1
    assert national_figures(nov_store) == recounted_figures(nov_store)
    one_run = open_nov_store(tmp_path / "one")
    try:
        assert aggregate(one_run, [tmp_path / "pile"]).figures == again.figures
    finally:
        one_run.close()


def test_a_run_into_a_store_that_took_files_looks_each_digest_up_once(tmp_path: Path) -> None:
    from sqlalchemy import event

    store = open_nov_store(tmp_path / "store")  # SQLite: its statements can be traced
    try:
        write_pile(tmp_path / "a", organisations=20, advisers=1, seed=3)
        aggregate(store, [tmp_path / "a"])
        pile = write_pile(tmp_path / "b", organisations=20, advisers=1, seed=4)
        (tmp_path / "b" / "copy").mkdir()
        shutil.copy(pile.files[0], tmp_path / "b" / "copy" / "again.json")  # same bytes twice
        statements: list[str] = []
        store.engine.dispose()

        @event.listens_for(store.engine, "connect")
        def _trace(dbapi_connection: object, _record: object) -> None:
            dbapi_connection.set_trace_callback(statements.append)  # type: ignore[attr-defined]

        result = aggregate(store, [tmp_path / "b"])
        assert result.files.read == len(pile.files) + 1 < reading.CHUNK_FILES
        # One chunk, looked up once before it was merged; remembering it asks nothing more.
        assert sum("FROM nov_known_file WHERE" in s for s in statements) == 1
        with store.begin() as connection:
            digests = connection.execute(text("SELECT digest FROM nov_known_file")).scalars()
            stored = list(digests)
        assert len(stored) == len(set(stored))
        assert aggregate(store, [tmp_path / "b"]).files.already_known == len(pile.files) + 1
    finally:
        store.close()


def test_a_first_load_remembers_the_same_bytes_in_two_parts_once(
    nov_store: NovStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aggregating, "MERGE_ENTRIES", 5)
    monkeypatch.setattr(reading, "CHUNK_FILES", 3)
    pile = write_pile(tmp_path / "pile", organisations=12, advisers=1, seed=6)
    (tmp_path / "pile" / "zz").mkdir()  # walked last: a part of its own, long after the first
    shutil.copy(pile.files[0], tmp_path / "pile" / "zz" / "again.json")
    aggregate(nov_store, [tmp_path / "pile"])  # an empty store: no chunk is looked up
    with nov_store.begin() as connection:
        stored = list(connection.execute(text("SELECT digest FROM nov_known_file")).scalars())
    assert len(stored) == len(set(stored)) == len(pile.files)
