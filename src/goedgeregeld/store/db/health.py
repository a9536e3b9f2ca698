"""Check the database before it is opened: a damaged file is reported, never overwritten."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from goedgeregeld.store.db.backups import check_database_file, newest_good_backup
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.db.refusal import refusal_report, refuse_unless_ours
from goedgeregeld.store.errors import DatabaseDamagedError, StoreError, describe_database_error

MIN_FREE_BYTES = 256 * 1024
_NOT_DAMAGE = ("unable to open", "disk i/o", "readonly", "disk is full", "locked")


def _check_surroundings(database: Path) -> None:
    """A read-only folder or a full disk, said plainly before SQLite trips over it."""
    folder = database.parent
    if not os.access(folder, os.W_OK) or not os.access(database, os.W_OK):
        raise StoreError(
            f"de gegevensmap {folder} is alleen-lezen; kies een map waarin u mag schrijven "
            "of maak de schijf weer schrijfbaar"
        )
    if shutil.disk_usage(folder).free < MIN_FREE_BYTES:
        raise StoreError(
            f"de schijf met de gegevensmap {folder} is vol; maak ruimte vrij en probeer het opnieuw"
        )


def damage_report(data_dir: Path, database: Path, *, full: bool = False) -> str | None:
    """None when ``database`` is missing (a new installation) or healthy, else a Dutch line.

    A file that is not the app's own (0 bytes, another program's, a stray ``-wal``) is
    reported first, before SQLite opens it for anything. The line names the newest verified
    backup and how to put it back, when there is one.
    """
    refusal = refusal_report(database)
    if refusal is not None:
        return refusal
    if not database.exists():
        return None
    _check_surroundings(database)
    if full:
        from goedgeregeld.store.db.verify import verify_database_file

        # The full check also finds a table or column missing for the file's revision.
        problem = verify_database_file(database, newer_ok=True)
    else:
        problem = check_database_file(database)
    if problem is None:
        return None
    if any(needle in problem.lower() for needle in _NOT_DAMAGE):
        # Opening needs the -shm file beside it: a full or read-only disk is not damage.
        raise StoreError(describe_database_error(Exception(problem)) or problem)
    backup = newest_good_backup(data_dir)
    advice = (
        f"zet de reservekopie {backup.name} terug (goedgeregeld restore {backup})"
        if backup is not None
        else "er is geen reservekopie; bewaar het bestand en vraag om hulp"
    )
    return f"het gegevensbestand {database} is beschadigd ({problem}); het is niet gewijzigd. {advice[0].upper()}{advice[1:]}"


def open_checked_database(data_dir: Path, database: Path) -> Database:
    """Refuse a file not ours, quick-check, then open (and migrate) the database; Dutch StoreError on any problem."""
    refuse_unless_ours(database)
    report = damage_report(data_dir, database)
    if report is not None:
        raise DatabaseDamagedError(report)
    try:
        return open_database(database)
    except StoreError:
        raise
    except Exception as exc:
        message = describe_database_error(exc)
        if message is None:
            raise
        raise StoreError(message) from exc
