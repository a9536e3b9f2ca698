"""Durable storage: SQLite through SQLAlchemy, Alembic migrations, one function per use case."""

from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.errors import NotFoundError, StoreError

__all__ = ["Database", "NotFoundError", "StoreError", "open_database"]
