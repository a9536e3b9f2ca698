"""PostgreSQL: the NOV store's connections tell the planner that reading out of order is cheap.

With the server's default cost the planner scanned a national store's whole table of
observations for the ids of a weekly batch of files rather than probing the index (the
benchmark's "1,000 new files into 100,000 installations" row went from 1.6x to 1.2x).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

import goedgeregeld.nov.aggregate as aggregating
from benchmarks.synthetic_nov import write_pile
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import RANDOM_PAGE_COST, open_nov_store


def _setting(url: str, tmp_path: Path) -> float:
    store = open_nov_store(tmp_path, url)
    try:
        for _ in range(2):  # also after a transaction that was rolled back
            with store.engine.connect() as connection:
                value = float(connection.execute(text("SHOW random_page_cost")).scalar_one())
                connection.rollback()
        return value
    finally:
        store.close()


def test_connections_take_the_lower_cost_of_random_reads(postgres_url: str, tmp_path: Path) -> None:
    assert RANDOM_PAGE_COST < 4
    assert _setting(postgres_url, tmp_path) == RANDOM_PAGE_COST


def test_a_server_that_set_a_lower_cost_keeps_its_own(postgres_url: str, tmp_path: Path) -> None:
    joiner = "&" if "?" in postgres_url else "?"
    lower = f"{postgres_url}{joiner}options=-c%20random_page_cost%3D0.5"
    assert _setting(lower, tmp_path) == 0.5


def test_a_large_run_leaves_the_planner_statistics_of_what_it_wrote(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aggregating, "LARGE_RUN", 5)
    write_pile(tmp_path / "pile", organisations=12, advisers=1, seed=3)
    store = open_nov_store(tmp_path / "nov", postgres_url)
    try:
        result = aggregate(store, [tmp_path / "pile"])
        assert result.files.accepted >= 5
        with store.begin() as connection:
            estimate = connection.execute(
                text("SELECT reltuples FROM pg_class WHERE relname = 'nov_known_file'")
            ).scalar_one()
            rows = connection.execute(text("SELECT COUNT(*) FROM nov_known_file")).scalar_one()
        assert estimate == rows  # -1 (never analysed) without the ANALYZE at the end
    finally:
        store.close()
