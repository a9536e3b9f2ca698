"""Run the Alembic migrations shipped inside the package, with foreign keys off around them."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config

from goedgeregeld.store.errors import DatabaseDamagedError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Alembic keeps its running context in module globals: one migration at a time per process
# (the start-up check and the worker may both need one).
ALEMBIC_LOCK = threading.RLock()


def alembic_config() -> Config:
    """An Alembic config pointing at the package's migration scripts (no ini file)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _create_marked(path: Path) -> None:
    """A new, empty database file that carries the app's mark from its first byte."""
    from goedgeregeld.store.db.identity import APPLICATION_ID

    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.commit()
    finally:
        connection.close()


def upgrade_to_head(path: Path) -> None:
    """Upgrade the file at ``path`` to the newest schema.

    SQLite batch migrations rebuild tables; with foreign keys on, dropping the old parent
    table would cascade-delete child rows. So migrations run on a connection with
    foreign keys off, and ``foreign_key_check`` proves nothing dangles afterwards.
    """
    from goedgeregeld.store.db.connection import make_engine

    if not path.exists():
        _create_marked(path)
    engine = make_engine(path, foreign_keys=False)
    try:
        with ALEMBIC_LOCK, engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
            dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            connection.rollback()
        if dangling:
            raise DatabaseDamagedError(
                f"na het bijwerken van {path} verwijzen {len(dangling)} rijen naar niets"
            )
    finally:
        engine.dispose()
