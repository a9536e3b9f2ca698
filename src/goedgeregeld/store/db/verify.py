"""A database file that can be trusted: integrity_check, this app's mark, the whole schema.

Used for every backup made and offered, and for every file restored.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from goedgeregeld.store.db.identity import APPLICATION_ID
from goedgeregeld.store.db.schema_check import schema_problem

# The revision whose migration set the mark: files at older revisions may carry id 0.
MARKED_SINCE = "0003"


def check_database_file(path: Path, *, full: bool = False) -> str | None:
    """None when the file is a healthy SQLite database, else a Dutch reason."""
    if not path.is_file():
        return "het bestand bestaat niet"
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return f"het bestand is niet te openen ({exc})"
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = connection.execute(f"PRAGMA {pragma}").fetchall()
        if rows != [("ok",)]:
            return f"het bestand is beschadigd ({rows[0][0] if rows else 'geen antwoord'})"
    except sqlite3.DatabaseError as exc:
        return f"het is geen geldig gegevensbestand ({exc})"
    finally:
        connection.close()
    return None


def known_revisions() -> list[str]:
    """Every revision the shipped migrations know, oldest first (from the schema reference)."""
    from goedgeregeld.store.db.schema_check import reference_revisions

    return reference_revisions()


def script_revisions() -> list[str]:
    """Every revision of the migration scripts, oldest first, as Alembic reads them."""
    from alembic.script import ScriptDirectory

    from goedgeregeld.store.db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else str(row[0])


def verify_database_file(path: Path, *, newer_ok: bool = False) -> str | None:
    """None when ``path`` is a sound database of this app at a known version, else a Dutch reason.

    The file is read as SQLite sees it: with a ``-wal`` beside it, that log's content counts.
    ``newer_ok`` passes a revision this code does not know (its schema cannot be checked):
    for the live database, where that is not damage but a newer version of the app.
    """
    problem = check_database_file(path, full=True)
    if problem is not None:
        return problem
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        mark = int(connection.execute("PRAGMA application_id").fetchone()[0])
        revision = _revision(connection)
        known = known_revisions()
        if revision is None or mark not in (0, APPLICATION_ID):
            return "het is geen gegevensbestand van Goed Geregeld"
        if revision not in known:
            if newer_ok:
                return None
            return "het is gemaakt met een nieuwere versie van Goed Geregeld; werk de app eerst bij"
        if mark != APPLICATION_ID and known.index(revision) >= known.index(MARKED_SINCE):
            return "het is geen gegevensbestand van Goed Geregeld"
        schema = schema_problem(connection, revision)
        if schema is not None:
            return f"het is niet compleet: {schema}"
    except sqlite3.DatabaseError as exc:
        return f"het is geen geldig gegevensbestand ({exc})"
    finally:
        connection.close()
    return None
