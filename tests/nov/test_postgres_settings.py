"""PostgreSQL: the NOV store's connections tell the planner that reading out of order is cheap.

With the server's default cost the planner scanned a national store's whole table of
observations for the ids of a weekly batch of files rather than probing the index (the
benchmark's "1,000 new files into 100,000 installations" row went from 1.6x to 1.2x).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.nov.conftest import POSTGRES_ENV

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


@pytest.fixture
def url() -> str:
    found = os.environ.get(POSTGRES_ENV)
    if not found:
        pytest.skip(f"{POSTGRES_ENV} not set (CI starts PostgreSQL with .ci/postgres.sh)")
    return found


def test_connections_take_the_lower_cost_of_random_reads(url: str, tmp_path: Path) -> None:
    assert RANDOM_PAGE_COST < 4
    assert _setting(url, tmp_path) == RANDOM_PAGE_COST


def test_a_server_that_set_a_lower_cost_keeps_its_own(url: str, tmp_path: Path) -> None:
    joiner = "&" if "?" in url else "?"
    lower = f"{url}{joiner}options=-c%20random_page_cost%3D0.5"
    assert _setting(lower, tmp_path) == 0.5
