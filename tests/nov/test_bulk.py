"""Bulk writes: every row lands, across block boundaries, and the upsert keeps the newest."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

import pytest
from sqlalchemy import Table, select, text

from goedgeregeld.nov.store.bulk import SQLITE_ROWS_PER_BLOCK, bulk_write, select_in
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.merge import _OBSERVATION_COLUMNS, _timestamp_adapter, _upsert_statement
from goedgeregeld.nov.store.models import Observation, entity_key

_observations = cast(Table, Observation.__table__)


def _count(_store: NovStore) -> int:
    """Two full blocks and a part of one (SQLite; PostgreSQL copies them in one stream)."""
    return 2 * SQLITE_ROWS_PER_BLOCK + 37


def _rows(store: NovStore, numbers: range, sequence: int, province: str) -> list[tuple[Any, ...]]:
    with store.begin() as connection:
        stamp = _timestamp_adapter(connection)
    when = stamp(datetime(2024, 1, 1) + timedelta(days=sequence))
    return [
        ("inst", "organisations", _entity(n), sequence, when, 2020, province, "klein", when, when)
        + (1, entity_key(_entity(n)))
        for n in numbers
    ]


def _entity(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def _stored(store: NovStore) -> dict[str, tuple[int, str]]:
    o = _observations.c
    with store.begin() as connection:
        rows = connection.execute(select(o.entity_id, o.sequence, o.province)).all()
    return {entity: (sequence, province) for entity, sequence, province in rows}


def test_rows_across_block_boundaries_all_land_and_the_newest_wins(nov_store: NovStore) -> None:
    count = _count(nov_store)
    first = _rows(nov_store, range(count), 1, "Utrecht")
    with nov_store.begin() as connection:
        bulk_write(connection, _upsert_statement(connection), _OBSERVATION_COLUMNS, first)
    # Every third id reported again with a newer sequence, some others with an older one.
    again = _rows(nov_store, range(0, count, 3), 2, "Zeeland")
    again += _rows(nov_store, range(1, count, 3), 0, "Drenthe")
    with nov_store.begin() as connection:
        bulk_write(connection, _upsert_statement(connection), _OBSERVATION_COLUMNS, again)
    stored = _stored(nov_store)
    assert len(stored) == count
    for n in range(count):
        assert stored[_entity(n)] == ((2, "Zeeland") if n % 3 == 0 else (1, "Utrecht"))


def test_a_failing_block_leaves_nothing_behind(nov_store: NovStore) -> None:
    rows = _rows(nov_store, range(_count(nov_store)), 1, "Utrecht")
    rows[-1] = (*rows[-1][:5], None, *rows[-1][6:])  # year is NOT NULL
    with pytest.raises(Exception, match="(?i)null"), nov_store.begin() as connection:
        bulk_write(connection, _observations.insert(), _OBSERVATION_COLUMNS, rows)
    with nov_store.begin() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM nov_observation")).scalar() == 0


def test_look_ups_find_odd_strings_and_large_numbers_as_stored(nov_store: NovStore) -> None:
    """select_in sends PostgreSQL its values as array text: quotes and backslashes survive."""
    odd = ['a"b', "c\\d", "e,f", "{g}", "h i", "plain"]
    with nov_store.begin() as connection:
        connection.execute(
            text("INSERT INTO nov_installation (number, id) VALUES (:n, :i)"),
            [{"n": n, "i": value} for n, value in enumerate(odd, start=1)],
        )
        rows = select_in(
            connection, "SELECT id, number FROM nov_installation WHERE", "id", [*odd, "absent"]
        )
        assert sorted(rows) == sorted((value, n) for n, value in enumerate(odd, start=1))
        big = [2**62, 2**59 + 1, 3]
        numbers = select_in(connection, "SELECT number FROM nov_installation WHERE", "number", big)
        assert numbers == [(3,)]
