"""The files NOV took before, by the SHA-256 of their bytes: a re-run skips them unparsed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Connection, Table, select

from goedgeregeld.nov.store.bulk import bulk_write
from goedgeregeld.nov.store.models import KnownFile

_known = cast(Table, KnownFile.__table__)
_CHUNK = 500


def any_known_in(connection: Connection) -> bool:
    """Whether the store took any file yet (if not, nothing needs looking up)."""
    return connection.scalar(select(_known.c.digest).limit(1)) is not None


_KNOWN_ANY = "SELECT digest FROM nov_known_file WHERE digest = ANY(%s)"


def known_in(connection: Connection, digests: Sequence[str]) -> set[str]:
    """Those of ``digests`` the store took before."""
    found: set[str] = set()
    if connection.dialect.name == "postgresql":
        # One array parameter: psycopg would otherwise rewrite a query of 250 parameters
        # in Python on every call (a re-run spent more time there than reading the files).
        result = connection.exec_driver_sql(_KNOWN_ANY, (list(digests),))
        found.update(digest for (digest,) in result)
        return found
    # SQLite: straight to the driver, the digests as the statement's parameters.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for start in range(0, len(digests), _CHUNK):
            chunk = digests[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            cursor.execute(f"SELECT digest FROM nov_known_file WHERE digest IN ({marks})", chunk)
            found.update(digest for (digest,) in cursor.fetchall())
    finally:
        cursor.close()
    return found


def remember_in(connection: Connection, digests: Iterable[str]) -> None:
    """Record ``digests`` as taken, in the caller's transaction (one known already is kept)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    statement = insert(_known).on_conflict_do_nothing()
    bulk_write(connection, statement, ("digest",), [(d,) for d in sorted(set(digests))])
