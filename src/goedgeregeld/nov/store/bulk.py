"""Write many rows with one SQLAlchemy-built statement, straight through the database driver.

An aggregation writes tens of thousands of rows. SQLAlchemy's per-row parameter handling
would cost more than reading the files, so rows go to the driver as plain tuples. On
SQLite they go as multi-row ``VALUES`` blocks: the driver's ``executemany`` resets and
binds the statement once per row (about a third more than the insert itself). On
PostgreSQL they go by ``COPY``: each row would otherwise be a round trip of its own, even
pipelined (two thirds of an aggregation of 10,000 files), and a block of thousands of
parameters costs the server more to parse and bind than to insert.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Connection

SQLITE_ROWS_PER_BLOCK = 90
"""Rows per statement on SQLite: 900 parameters at most for 10 columns, under SQLite's oldest
limit of 999 (fewer rows when a row has more columns)."""
SQLITE_MAX_PARAMETERS = 999
SELECT_CHUNK = 500
"""Values per look-up on SQLite (under its oldest limit of 999 parameters)."""
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
    positional = connection.dialect.positional  # SQLite: ?, psycopg: %(name)s (rows by COPY)
    names = list(compiled.positiontup) if positional else _NAMED.findall(group)
    odd = set(group) - set("?, ") if positional else "%" in head + tail
    if sorted(names) != sorted(columns) or odd:
        raise ValueError(f"not a single-row INSERT of {columns}: {sql}")
    order = [columns.index(name) for name in names]
    if order != list(range(len(columns))):
        rows = [tuple(row[i] for i in order) for row in rows]
    tail = _RETURNING.sub("", tail)  # the keys the database gives are not needed here
    if positional:
        per_block = min(SQLITE_ROWS_PER_BLOCK, SQLITE_MAX_PARAMETERS // len(columns))
        _write_blocks(connection, head, f"({group})", tail, rows, per_block)
    else:
        _copy_in(connection, head, tail, rows)


_RETURNING = re.compile(r"\s+RETURNING\s.*$", re.DOTALL)
_INSERT_HEAD = re.compile(r"INSERT INTO (\w+) \(([\w, ]+)\)")


def _copy_in(connection: Connection, head: str, tail: str, rows: list[tuple[Any, ...]]) -> None:
    """psycopg: rows streamed with ``COPY ... FROM STDIN``; an upsert goes through a scratch table.

    No statement of thousands of parameters to parse and bind per block: a plain insert is
    one COPY, an upsert a COPY into a temporary copy of the columns and one INSERT ... SELECT
    with the same ``ON CONFLICT`` clause.
    """
    from psycopg import Cursor

    match = _INSERT_HEAD.fullmatch(head)
    if match is None:
        raise ValueError(f"not an INSERT this writer can copy: {head}")
    table, columns = match.groups()
    cursor = Cursor(connection.connection.driver_connection)  # type: ignore[arg-type]
    try:
        target = table
        if tail.strip():
            target = f"bulk_{table}"
            cursor.execute(f"DROP TABLE IF EXISTS {target}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {target} ON COMMIT DROP AS "
                f"SELECT {columns} FROM {table} WITH NO DATA"
            )
        with cursor.copy(f"COPY {target} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        if target != table:
            cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {target}{tail}")
    finally:
        cursor.close()


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


def select_in(
    connection: Connection, query: str, column: str, values: Sequence[Any]
) -> list[tuple[Any, ...]]:
    """The rows of ``query`` (a SELECT ending in WHERE) whose ``column`` is one of ``values``.

    Straight through the driver: the values as they are stored come back as plain tuples
    (SQLite's timestamps as the text the merge wrote, PostgreSQL's as datetimes), without
    SQLAlchemy's handling of every row. SQLite takes the values as parameters in chunks;
    PostgreSQL as one array, sent as its text (the driver's own conversion of a list of
    thousands of values cost more than the look-up).
    """
    if not values:
        return []
    if connection.dialect.name == "postgresql":
        array, kind = _array_literal(values)
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(f"{query} {column} = ANY(%s::{kind}[])", (array,))
            found: list[tuple[Any, ...]] = cursor.fetchall()
            return found
        finally:
            cursor.close()
    rows: list[tuple[Any, ...]] = []
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for start in range(0, len(values), SELECT_CHUNK):
            chunk = values[start : start + SELECT_CHUNK]
            cursor.execute(f"{query} {column} IN ({', '.join('?' * len(chunk))})", chunk)
            rows += cursor.fetchall()
    finally:
        cursor.close()
    return rows


def _array_literal(values: Sequence[Any]) -> tuple[str, str]:
    """PostgreSQL's text form of an array of ``values`` (all integers, or all strings), and its type."""
    if all(type(value) is int for value in values):
        return "{" + ",".join(map(str, values)) + "}", "bigint"
    quoted = (str(value).replace("\\", "\\\\").replace('"', '\\"') for value in values)
    return "{" + ",".join(f'"{value}"' for value in quoted) + "}", "text"
