"""Restore a backup over the current database, refusing damaged, incomplete or too-new files.

The source is copied with SQLite's backup API, opened with its ``-wal`` when it has one, into
a staged file beside the database; that staged file is what is verified (integrity_check,
the app's mark, the whole schema of its revision) and what is put in place, so the check
and the copy see the same content.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from goedgeregeld.store.db.backups import check_database_file, make_backup
from goedgeregeld.store.db.identity import identity_problem
from goedgeregeld.store.db.verify import verify_database_file
from goedgeregeld.store.errors import StoreError


def _refused(source: Path, problem: str) -> StoreError:
    return StoreError(f"{source.name} is geen bruikbare reservekopie: {problem}")


def validate_backup(source: Path) -> None:
    """Raise StoreError with a Dutch reason unless ``source`` (with its log) is restorable."""
    problem = verify_database_file(source)
    if problem is not None:
        raise _refused(source, problem)


def _stage(source: Path, staged: Path) -> None:
    """Copy ``source`` as SQLite sees it, its ``-wal`` included, to a file without a log."""
    staged.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(staged)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        staged.unlink(missing_ok=True)
        if Path(f"{source}-wal").exists():
            raise _refused(
                source,
                "het is niet te lezen met zijn logbestand (-wal); kopieer het samen met dat "
                f"logbestand naar een map waarin u mag schrijven ({exc})",
            ) from exc
        raise _refused(source, f"het is niet te lezen ({exc})") from exc
    with staged.open("rb+") as handle:
        os.fsync(handle.fileno())


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

    The current database is backed up first, or moved aside when it is damaged or not the
    app's own, so a restore can itself be undone and nothing is ever thrown away. Older
    schema versions are upgraded when the database is opened.
    """
    refusal = identity_problem(source)
    if refusal is not None and refusal.kind == "log":
        raise _refused(source, "het logbestand (-wal) ernaast hoort er niet bij")
    problem = check_database_file(source, full=True)
    if problem is not None:
        raise _refused(source, problem)
    database.parent.mkdir(parents=True, exist_ok=True)
    staged = database.with_name(f".{database.name}.restoring")
    _stage(source, staged)
    problem = verify_database_file(staged)
    if problem is not None:
        staged.unlink(missing_ok=True)
        raise _refused(source, problem)
    safety = None
    if database.exists() or database.is_symlink():
        if identity_problem(database) is None and check_database_file(database) is None:
            safety = make_backup(data_dir, database)
        else:
            # A damaged or strange file is never thrown away: it may still hold what a
            # specialist can recover. It moves aside, with its write-ahead log.
            safety = _set_aside_damaged(data_dir, database)
    elif Path(f"{database}-wal").exists():
        # A log without its database is not thrown away either.
        safety = _set_aside_damaged(data_dir, Path(f"{database}-wal"))
    # A stale write-ahead log would be replayed onto the restored file: remove it first.
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(staged, database)
    return safety
