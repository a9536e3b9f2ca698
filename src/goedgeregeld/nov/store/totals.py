"""The maintained totals of the NOV store: one row per (kind, year, province, detail).

The figures NOV shows are read from here (a few hundred rows, whatever the number of
installations); each merge adds what its ids changed (``nov.owners``), in its own
transaction. ``recount`` rebuilds them from every observation: the migration that made
this table, and the tests that check the two never differ, use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, select, text

from goedgeregeld.nov.owners import Cell, Key, Row
from goedgeregeld.nov.store.bulk import bulk_write, select_in
from goedgeregeld.nov.store.levels import OBSERVATION_KEYS, both_levels
from goedgeregeld.nov.store.models import Observation, Total, entity_key

_totals = cast(Table, Total.__table__)
_observations = cast(Table, Observation.__table__)
NONE = ""
"""How a missing province or detail is kept in a key column (which cannot be NULL)."""

# Every id once, in its owner's cell (the owner as ``nov.owners.owner`` chooses it).
OWNER_CUBE = """
    SELECT kind, year, province, detail, COUNT(*) AS n FROM (
        SELECT kind, year, province, detail, ROW_NUMBER() OVER (
            PARTITION BY kind, entity_id
            ORDER BY first_merged_at, first_reported_at, installation_id
        ) AS rank
        FROM nov_observation
    ) AS owners
    WHERE rank = 1
    GROUP BY kind, year, province, detail
"""


def read_totals(connection: Connection) -> Iterable[tuple[str, int, str | None, str | None, int]]:
    """Every non-empty cell: (kind, year, province, detail, count)."""
    t = _totals.c
    for kind, year, province, detail, n in connection.execute(
        select(t.kind, t.year, t.province, t.detail, t.count).where(t.count > 0)
    ):
        yield kind, int(year), province or None, detail or None, int(n)


def recount(connection: Connection) -> Counter[Cell]:
    """The totals counted afresh from every observation (slow: every row is read)."""
    counts: Counter[Cell] = Counter()
    for kind, year, province, detail, n in connection.execute(text(OWNER_CUBE)):
        counts[(kind, int(year), province, detail)] = int(n)
    return counts


REPORT_COLUMNS = (
    "installation_id, kind, entity_id, sequence, reported_at, year, province, detail, "
    "first_merged_at, first_reported_at"
)
"""An observation as ``merge`` writes it (``owners.Row``), in that order."""
_REPORTS_OF = f"SELECT {REPORT_COLUMNS} FROM nov_observation WHERE"
_ROWS_OF = 'SELECT "row" FROM nov_observation WHERE'


def reports_for(connection: Connection, keys: Iterable[Key]) -> dict[Key, dict[str, Row]]:
    """Every installation's row for each of ``keys`` the store has (an id new to it is absent).

    By the ids' index numbers (``models.entity_key``); rows of an id that shares a number
    are left out here. Timestamps come back as the merge wrote them, so they compare as
    the recount in SQL compares them.
    """
    wanted = set(keys)
    numbers = sorted({entity_key(entity) for _kind, entity in wanted})
    found: dict[Key, dict[str, Row]] = {}
    for row in _rows_numbered(connection, numbers):
        key = (row[1], row[2])
        if key in wanted:
            reports = found.get(key)
            if reports is None:
                found[key] = {row[0]: row}
            else:
                reports[row[0]] = row
    return found


def _rows_numbered(connection: Connection, numbers: list[int]) -> list[tuple[Any, ...]]:
    """The observations whose ``entity_key`` is one of ``numbers`` (sorted).

    SQLite: the rows' places from the index first, then the rows in the order they are
    stored. The rows found lie all over a national store's table, far more of it than the
    page cache holds; read in the index's order, the look-up took about 15% longer at
    100,000 installations.
    """
    if connection.dialect.name != "sqlite":
        return select_in(connection, _REPORTS_OF, "entity_key", numbers)
    query = f"{_ROWS_OF} {both_levels(connection, OBSERVATION_KEYS)}"
    places = sorted(place for (place,) in select_in(connection, query, "entity_key", numbers))
    return select_in(connection, _REPORTS_OF, '"row"', places)


def _upsert(connection: Connection) -> Any:
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    statement = insert(_totals)
    return statement.on_conflict_do_update(
        index_elements=[_totals.c.kind, _totals.c.year, _totals.c.province, _totals.c.detail],
        set_={"count": _totals.c.count + statement.excluded.count},
    )


_COLUMNS = ("kind", "year", "province", "detail", "count")


def add_to_totals(connection: Connection, changes: Counter[Cell]) -> None:
    """Add ``changes`` to the totals; cells that reach zero are removed."""
    if not changes:
        return
    rows = [
        (kind, year, province or NONE, detail or NONE, n)
        for (kind, year, province, detail), n in sorted(changes.items(), key=_cell_order)
    ]
    bulk_write(connection, _upsert(connection), _COLUMNS, rows)
    if any(n < 0 for n in changes.values()):
        connection.execute(delete(_totals).where(_totals.c.count <= 0))


def _cell_order(item: tuple[Cell, int]) -> tuple[str, int, str, str]:
    (kind, year, province, detail), _n = item
    return (kind, year, province or NONE, detail or NONE)


def rebuild_totals_in(connection: Connection) -> None:
    """Replace the totals with a recount (rare: after an installation's old id was folded)."""
    connection.execute(delete(_totals))
    add_to_totals(connection, recount(connection))
