"""SQLite: the indexes that new files reach at random, in two levels, so a run's entries share pages.

A merge finds rows by a number made from an id or a digest (``models.entity_key``,
``models.digest_key``) and installations by their id. Those keys are random, so in one
B-tree every new entry lands on a page of its own: with 100,000 installations, 1,165 new
files dirtied some 2,300 pages of three indexes, against a few dozen in an empty store,
and SQLite writes each dirty page to its log and then to the database.

So on SQLite each of those indexes is two partial indexes over the same column: the
settled level holds the rows up to a mark (``nov_index_level``), the recent level the
rows after it. Row and installation numbers grow, so new rows go to the small recent
level, where a run's entries share pages (a row that takes a number at or below the mark
again, after the last rows were deleted, goes to the settled level: slower, not wrong). A run that finds the recent level grown to one
entry in ``SETTLE_RATIO`` of the table first builds both levels afresh with the mark at
the end (``settle_due_in``): sorted builds, once per that many new entries.

A look-up names both levels' conditions (``both_levels``): always true together, they are
how SQLite chooses a partial index. With a wrong mark a look-up would only be slower,
never wrong. PostgreSQL keeps one index each: its delta was within bounds without levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

SETTLE_RATIO = 8
"""The levels are settled once the recent one holds an entry in this many of the table."""
SETTLE_MIN = 20_000
"""...and never before it holds this many (a small store keeps everything recent)."""


@dataclass(frozen=True)
class LeveledIndex:
    """One index in two levels: its table, the column looked up, and the column that grows."""

    name: str
    table: str
    column: str
    order: str
    """The number that grows (the row's, the installation's): it says the level."""
    unique: bool = False


OBSERVATION_KEYS = LeveledIndex(
    "ix_nov_observation_entity_key", "nov_observation", "entity_key", '"row"'
)
KNOWN_FILE_KEYS = LeveledIndex(
    "ix_nov_known_file_digest_key", "nov_known_file", "digest_key", '"row"'
)
INSTALLATION_IDS = LeveledIndex("uq_nov_installation_id", "nov_installation", "id", "number", True)
LEVELED = (OBSERVATION_KEYS, KNOWN_FILE_KEYS, INSTALLATION_IDS)


def _mark(connection: Connection, index: LeveledIndex) -> int | None:
    """Where the settled level of ``index`` ends; None if the store has no levels for it."""
    return connection.exec_driver_sql(
        "SELECT mark FROM nov_index_level WHERE name = ?", (index.name,)
    ).scalar()


def both_levels(connection: Connection, index: LeveledIndex) -> str:
    """Terms for a look-up's ``WHERE`` (ending in ``AND``) that let SQLite use both levels.

    Empty on PostgreSQL. While nothing is settled, only the recent level is named.
    """
    if connection.dialect.name != "sqlite":
        return ""
    mark = _mark(connection, index)
    if mark is None:
        return ""
    order = index.order
    if mark == 0:
        return f"{order} > 0 AND"
    return f"({order} <= {mark} OR {order} > {mark}) AND"


def settle_due_in(connection: Connection) -> None:
    """SQLite: settle each index whose recent level has grown to its share of the table."""
    if connection.dialect.name != "sqlite":
        return
    for index in LEVELED:
        mark = _mark(connection, index)
        if mark is None:
            continue
        last = connection.exec_driver_sql(f"SELECT MAX({index.order}) FROM {index.table}")
        top = int(last.scalar() or 0)
        recent = top - mark
        if recent >= SETTLE_MIN and recent * SETTLE_RATIO >= top:
            build_levels_in(connection, index, top)


def build_levels_in(connection: Connection, index: LeveledIndex, mark: int) -> None:
    """Build both levels of ``index`` afresh, the settled one holding the rows up to ``mark``."""
    for level in ("settled", "recent"):
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}_{level}")
    unique = "UNIQUE " if index.unique else ""
    for level, condition in (("settled", f"<= {int(mark)}"), ("recent", f"> {int(mark)}")):
        connection.exec_driver_sql(
            f"CREATE {unique}INDEX {index.name}_{level} ON {index.table} ({index.column}) "
            f"WHERE {index.order} {condition}"
        )
    connection.exec_driver_sql(
        "UPDATE nov_index_level SET mark = ? WHERE name = ?", (int(mark), index.name)
    )
