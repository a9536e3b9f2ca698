"""Read-only peeks at a database file with plain sqlite3, for screens that must open fast.

No SQLAlchemy, no migrations, no writes: a missing or unreadable file gives None.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def peek_installation_id(database: Path) -> str | None:
    """The installation id stored in ``database``, or None before one was made (or unreadable)."""
    if not database.exists():
        return None
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT id FROM installation LIMIT 1").fetchone()
        return str(row[0]) if row else None
    except sqlite3.Error:
        return None
    finally:
        connection.close()
