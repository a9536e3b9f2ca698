"""SQLite engines with this app's pragmas on every connection; used by open and by migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _install_pragmas(engine: Engine, foreign_keys: bool) -> None:
    """Pragmas on every new connection, and explicit BEGIN so transactions are real.

    The stdlib driver would otherwise run DDL outside transactions and start
    transactions late; SQLAlchemy's documented recipe hands that control back.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine for one SQLite file with this app's pragmas."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    _install_pragmas(engine, foreign_keys)
    return engine
