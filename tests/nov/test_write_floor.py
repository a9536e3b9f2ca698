"""The benchmark's write floor stores exactly the rows a first load does, totals aside.

Its "only read and written as rows" row is the floor under "new files vs json parse"; it
only means that if the floor keeps what the aggregation keeps.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from benchmarks.national_data import national_pile
from benchmarks.nov_floor import time_write_floor
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import open_nov_store

_TABLES = {
    "nov_installation": "number, id",
    "nov_file": "installation_no, sequence, digest, created_at",
    "nov_known_file": "digest, digest_key",
    "nov_observation": "installation_no, kind, entity_id, sequence, reported_at, year, "
    "province, detail, first_reported_at, entity_key",
}


def _rows(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    store = open_nov_store(folder)
    try:
        with store.begin() as connection:
            return {
                table: sorted(connection.execute(text(f"SELECT {columns} FROM {table}")).all())
                for table, columns in _TABLES.items()
            }
    finally:
        store.close()


def test_the_write_floor_keeps_the_rows_of_a_first_load(tmp_path: Path) -> None:
    # Stale older files, the same bytes twice and cut-off files, in parts of 10,000 entries.
    pile = national_pile(4_000, 7, cache=tmp_path / "piles")
    assert pile.stale and pile.duplicates and pile.broken
    store = open_nov_store(tmp_path / "merged")
    try:
        aggregate(store, [pile.folder])
    finally:
        store.close()
    time_write_floor(pile.folder, tmp_path / "floor", None)
    merged, floor = _rows(tmp_path / "merged"), _rows(tmp_path / "floor")
    assert len(merged["nov_observation"]) > 10_000
    assert floor == merged
