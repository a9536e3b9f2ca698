"""Write many rows with one SQLAlchemy-built statement, straight through the database driver.

An aggregation writes tens of thousands of rows. SQLAlchemy's per-row parameter handling
would cost more than reading the files, so rows go to the driver as plain tuples, as
multi-row ``VALUES`` blocks: one statement per block rather than per row. On SQLite the
driver's ``executemany`` resets and binds the statement once per row (about a third more
than the insert itself); on PostgreSQL each row would be a round trip of its own, even
pipelined (an aggregation of 10,000 files spent two thirds of its time there).
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

from sqlalchemy import Connection

SQLITE_ROWS_PER_BLOCK = 90
"""Rows per statement on SQLite: 900 parameters at most for 10 columns, under SQLite's oldest
limit of 999 (fewer rows when a row has more columns)."""
SQLITE_MAX_PARAMETERS = 999
POSTGRES_ROWS_PER_BLOCK = 1000
POSTGRES_MAX_PARAMETERS = 65_535
_NAMED = re.compile(r"%\((\w+)\)s")


def bulk_write(
    connection: Connection, statement: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Run an INSERT (or upsert) ``statement`` for ``rows``, whose values follow ``columns``.

    A statement that inserts one row may affect a row only once: ``rows`` must not hold the
    same key twice (PostgreSQL refuses an upsert that would).
    """
    if not rows:
        return
    compiled = statement.compile(dialect=connection.dialect, column_keys=list(columns))
    sql = str(compiled)
    head, group, tail = _split_values(sql)
    if connection.dialect.positional:
        names = list(compiled.positiontup)
        marker = "?"
        per_block = min(SQLITE_ROWS_PER_BLOCK, SQLITE_MAX_PARAMETERS // len(columns))
    else:  # pyformat (psycopg): %(name)s in the group, numbered $n in the blocks
        names = _NAMED.findall(group)
        marker = "$"
        per_block = min(POSTGRES_ROWS_PER_BLOCK, POSTGRES_MAX_PARAMETERS // len(columns))
    odd = set(group) - set("?, ") if marker == "?" else "%" in head + tail
    if sorted(names) != sorted(columns) or odd:
        raise ValueError(f"not a single-row INSERT of {columns}: {sql}")
    order = [columns.index(name) for name in names]
    if order != list(range(len(columns))):
        rows = [tuple(row[i] for i in order) for row in rows]
    if marker == "?":
        _write_blocks(connection, head, f"({group})", tail, rows, per_block)
    else:
        _write_numbered_blocks(connection, head, group, tail, rows, per_block)


def _split_values(sql: str) -> tuple[str, str, str]:
    """(what comes before ``VALUES``, the one row's group inside its parentheses, the rest)."""
    head, marker, rest = sql.partition(" VALUES (")
    depth = 1
    for end, char in enumerate(rest):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return head, rest[:end], rest[end + 1 :]
    raise ValueError(f"not a single-row INSERT: {sql}")


def _write_blocks(
    connection: Connection,
    head: str,
    group: str,
    tail: str,
    rows: list[tuple[Any, ...]],
    per_block: int,
) -> None:
    """The statement with its one ``VALUES`` group repeated for each block of rows."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        full_block = f"{head} VALUES {','.join([group] * per_block)}{tail}"
        for start in range(0, len(rows), per_block):
            block = rows[start : start + per_block]
            block_sql = (
                full_block
                if len(block) == per_block
                else f"{head} VALUES {','.join([group] * len(block))}{tail}"
            )
            cursor.execute(block_sql, list(chain.from_iterable(block)))
    finally:
        cursor.close()


def _write_numbered_blocks(
    connection: Connection,
    head: str,
    group: str,
    tail: str,
    rows: list[tuple[Any, ...]],
    per_block: int,
) -> None:
    """psycopg: the blocks with PostgreSQL's own ``$n`` parameters, through a raw cursor.

    psycopg would otherwise rewrite every ``%s`` of a block in Python (about as slow as
    the per-row round trips this replaces); a raw cursor sends the text as it is.
    """
    from psycopg import RawCursor

    columns = len(rows[0])
    pieces = _NAMED.split(group)[::2]  # the text around each parameter (casts stay)

    def block_sql(count: int) -> str:
        groups = []
        for r in range(count):
            numbered = [f"{piece}${r * columns + i + 1}" for i, piece in enumerate(pieces[:-1])]
            groups.append(f"({''.join(numbered)}{pieces[-1]})")
        return f"{head} VALUES {','.join(groups)}{tail}"

    cursor = RawCursor(connection.connection.driver_connection)  # type: ignore[arg-type]
    try:
        full_block = block_sql(per_block)
        for start in range(0, len(rows), per_block):
            block = rows[start : start + per_block]
            sql = full_block if len(block) == per_block else block_sql(len(block))
            cursor.execute(sql, list(chain.from_iterable(block)))
    finally:
        cursor.close()
