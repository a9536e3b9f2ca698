"""Open the SQLite database: pragmas on every connection, migrate to head, hand out sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from goedgeregeld.store.db.connection import make_engine
from goedgeregeld.store.db.identity import identity_problem
from goedgeregeld.store.db.schema_version import HEAD_REVISION
from goedgeregeld.store.errors import DatabaseDamagedError, DatabaseRefusedError


def current_revision(path: Path) -> str | None:
    """The Alembic revision a database file is at, read without SQLAlchemy or Alembic."""
    if not path.exists():
        return None
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if version is None else str(version[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamagedError(f"het gegevensbestand {path} is beschadigd: {exc}") from exc
    finally:
        connection.close()


@dataclass
class Database:
    """One SQLite file, migrated, with a short-lived session per operation."""

    path: Path
    engine: Engine
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits when the block ends without error."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every connection (the file stays)."""
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open (and create or upgrade) the database at ``path``.

    A file that is not this app's database (0 bytes, another program's, a stray ``-wal``)
    is refused before any migration and left as it is: a new one is only made where none is.
    """
    refusal = identity_problem(path)
    if refusal is not None:
        # The command line and the app go through health.open_checked_database first,
        # which names the newest verified backup too.
        raise DatabaseRefusedError(f"{refusal.reason}; er is niets aan veranderd")
    path.parent.mkdir(parents=True, exist_ok=True)
    if current_revision(path) != HEAD_REVISION:
        from goedgeregeld.store.db.migrate import upgrade_to_head

        upgrade_to_head(path)
    return Database(path, make_engine(path))
