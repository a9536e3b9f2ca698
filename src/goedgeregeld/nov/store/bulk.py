"""Write many rows with one SQLAlchemy-built statement, straight through the database driver.

An aggregation writes tens of thousands of rows. SQLAlchemy's per-row parameter handling
would cost more than reading the files, so rows go to the driver as plain tuples. On
SQLite they go as multi-row ``VALUES`` blocks: the driver's ``executemany`` resets and
binds the statement once per row, which costs about a third more than the insert itself.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import Connection

SQLITE_ROWS_PER_BLOCK = 90
"""Rows per statement: 900 parameters at most for 10 columns, under SQLite's oldest limit of
999 (fewer rows when a row has more columns)."""
SQLITE_MAX_PARAMETERS = 999


def bulk_write(
    connection: Connection, statement: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Run an INSERT (or upsert) ``statement`` for ``rows``, whose values follow ``columns``."""
    if not rows:
        return
    compiled = statement.compile(dialect=connection.dialect)
    sql = str(compiled)
    if not connection.dialect.positional:
        connection.exec_driver_sql(sql, [dict(zip(columns, row, strict=True)) for row in rows])
        return
    order = [columns.index(name) for name in compiled.positiontup]
    if order != list(range(len(columns))):
        rows = [tuple(row[i] for i in order) for row in rows]
    if connection.dialect.name == "sqlite":
        _write_sqlite_blocks(connection, sql, rows)
    else:
        connection.exec_driver_sql(sql, rows)


def _write_sqlite_blocks(connection: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """The same statement with its one ``VALUES`` group repeated for a block of rows."""
    head, marker, rest = sql.partition(" VALUES (")
    placeholders, closing, tail = rest.partition(")")
    if not marker or not closing or set(placeholders) - set("?, "):
        raise ValueError(f"not a single-row INSERT with ? placeholders: {sql}")
    group = f"({placeholders})"
    per_block = min(SQLITE_ROWS_PER_BLOCK, SQLITE_MAX_PARAMETERS // max(len(rows[0]), 1))
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
