"""Restore a backup over the current database, refusing damaged or too-new files."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from goedgeregeld.store.db.backups import check_database_file, make_backup
from goedgeregeld.store.errors import StoreError


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from goedgeregeld.store.db.migrate import alembic_config

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _revision_of(path: Path) -> str | None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()
    return None if row is None else str(row[0])


def validate_backup(source: Path) -> None:
    """Raise StoreError with a Dutch reason unless ``source`` is a restorable backup."""
    problem = check_database_file(source, full=True)
    if problem is not None:
        raise StoreError(f"{source.name} is geen bruikbare reservekopie: {problem}")
    revision = _revision_of(source)
    if revision is None:
        raise StoreError(f"{source.name} is geen reservekopie van Goed Geregeld")
    if revision not in _known_revisions():
        raise StoreError(
            f"{source.name} is gemaakt met een nieuwere versie van Goed Geregeld; "
            "werk de app eerst bij"
        )


def _set_aside_damaged(data_dir: Path, database: Path) -> Path:
    from datetime import datetime

    from goedgeregeld.store.db.backups import backups_dir

    folder = backups_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"beschadigd-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    os.replace(database, target)
    for suffix in ("-wal", "-shm"):
        log = Path(f"{database}{suffix}")
        if log.exists():
            os.replace(log, Path(f"{target}{suffix}"))
    return target


def restore_backup(data_dir: Path, database: Path, source: Path) -> Path | None:
    """Put ``source`` in place of the database; returns where the old data went.

    The current database is backed up first, or moved aside when it is damaged, so a
    restore can itself be undone and nothing is ever thrown away. Older schema versions are upgraded when the database is opened.
    """
    validate_backup(source)
    safety = None
    if database.exists():
        if check_database_file(database) is None:
            safety = make_backup(data_dir, database)
        else:
            # A damaged file is never thrown away: it may still hold what a specialist
            # can recover. It moves aside, with its write-ahead log.
            safety = _set_aside_damaged(data_dir, database)
    database.parent.mkdir(parents=True, exist_ok=True)
    staged = database.with_name(f".{database.name}.restoring")
    shutil.copyfile(source, staged)
    with staged.open("rb+") as handle:
        os.fsync(handle.fileno())
    # A stale write-ahead log would be replayed onto the restored file: remove it first.
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(staged, database)
    return safety
