"""SQLite's random look-up indexes in two levels (``nov.store.levels``), settled between runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from nov_helpers import document, new_id, org, write
from sqlalchemy import text

import goedgeregeld.nov.store.levels as levels
from benchmarks.synthetic_nov import write_pile
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore, open_nov_store
from goedgeregeld.nov.store.figures import national_figures, recounted_figures
from goedgeregeld.nov.store.installations import numbers_in
from goedgeregeld.nov.store.known import known_in
from goedgeregeld.nov.store.totals import reports_for


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NovStore]:
    """A SQLite store whose levels settle once the recent one holds ten entries."""
    monkeypatch.setattr(levels, "SETTLE_MIN", 10)
    opened = open_nov_store(tmp_path / "store")
    yield opened
    opened.close()


def _marks(store: NovStore) -> dict[str, int]:
    with store.begin() as connection:
        return dict(connection.execute(text("SELECT name, mark FROM nov_index_level")).all())


def _runs(tmp_path: Path) -> tuple[list[list[Path]], str, tuple[str, str]]:
    """Three runs, the installation that sends a file in two of them, and an id it reported.

    A pile; a second pile with a newer file of the first run's installation and an adviser
    who reports its organisation; a run of all of it again.
    """
    write_pile(tmp_path / "a", organisations=40, advisers=3, seed=1)
    write_pile(tmp_path / "b", organisations=20, advisers=2, seed=2)
    inst, adviser = new_id(), new_id()
    shared, other = org(2020, "Utrecht"), org(2021, "Zeeland")
    first = write(tmp_path / "x" / "1.json", document(inst, 1, organisations=[shared]))
    newer = write(tmp_path / "y" / "2.json", document(inst, 2, organisations=[shared, other]))
    # The adviser says what the installation says: in one run or in two, whoever owns the
    # id (the first to report it to NOV), it counts in the same cell.
    told = write(tmp_path / "y" / "a.json", document(adviser, 1, organisations=[shared]))
    runs = [
        [tmp_path / "a", first],
        [tmp_path / "b", newer, told],
        [tmp_path / "a", tmp_path / "b", first, newer, told],
    ]
    return runs, inst, ("organisations", shared[0])


def test_levels_settle_between_runs_and_every_look_up_finds_both(
    store: NovStore, tmp_path: Path
) -> None:
    runs, inst, shared = _runs(tmp_path)
    aggregate(store, runs[0])
    assert set(_marks(store).values()) == {0}  # settled only when the next run starts
    aggregate(store, runs[1])
    settled = _marks(store)
    assert all(mark > 0 for mark in settled.values())
    assert national_figures(store) == recounted_figures(store)
    with store.begin() as connection:
        ids = connection.execute(text("SELECT id FROM nov_installation")).scalars().all()
        assert len(ids) == len(set(ids))  # the newer file's installation was found, not renumbered
        assert inst in numbers_in(connection, [inst])
        reports = reports_for(connection, [shared])[shared]
        assert inst in reports and len(reports) == 2  # its own row, settled; the adviser's, recent
    again = aggregate(store, runs[2])
    assert again.files.accepted == 0 and again.files.already_known == again.files.read
    # The same figures as one run over everything in a fresh store.
    fresh = open_nov_store(tmp_path / "fresh")
    try:
        assert aggregate(fresh, runs[2]).figures == again.figures
    finally:
        fresh.close()
    organisations = again.figures["organisations"]
    assert organisations.by_province().get("Zeeland", 0) >= 1


def test_every_look_up_uses_an_index_of_each_level(store: NovStore, tmp_path: Path) -> None:
    runs, inst, shared = _runs(tmp_path)
    for run in runs[:2]:
        aggregate(store, run)
    statements: list[str] = []
    with store.begin() as connection:
        digest = connection.execute(text("SELECT digest FROM nov_known_file LIMIT 1")).scalar_one()
        raw = connection.connection.driver_connection
        raw.set_trace_callback(statements.append)  # type: ignore[union-attr]
        try:
            assert known_in(connection, [digest]) == {digest}
            numbers_in(connection, [inst])
            reports_for(connection, [shared])
        finally:
            raw.set_trace_callback(None)  # type: ignore[union-attr]
        look_ups = [s for s in statements if s.startswith("SELECT") and " IN (" in s]
        assert len(look_ups) >= 3
        for sql in look_ups:
            plan = " ".join(str(row[3]) for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "SCAN" not in plan, (sql, plan)
        plans = " ".join(
            str(row[3]) for sql in look_ups for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}")
        )
        for index in levels.LEVELED:
            assert f"{index.name}_settled" in plans and f"{index.name}_recent" in plans


def test_a_wrong_mark_makes_look_ups_slower_never_wrong(store: NovStore, tmp_path: Path) -> None:
    runs, inst, shared = _runs(tmp_path)
    for run in runs[:2]:
        aggregate(store, run)
    with store.begin() as connection:
        connection.execute(text("UPDATE nov_index_level SET mark = mark + 7"))
        assert inst in numbers_in(connection, [inst])
        assert len(reports_for(connection, [shared])[shared]) == 2
    again = aggregate(store, runs[2])
    assert again.files.accepted == 0 and again.files.already_known == again.files.read
    assert national_figures(store) == recounted_figures(store)
