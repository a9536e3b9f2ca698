"""One backup policy for the window and the command line: a backup after every session that changed data.

A session is a window from start to exit, or one command. When it changed the data and the
database is healthy, a backup follows at its end (the window also makes the day's first
backup when it starts, after its full check). Rotation (``backups.rotate_backups``) is the
same for both.
"""

from __future__ import annotations

from pathlib import Path

Stamp = tuple[int, int, int]


def change_stamp(database: Path) -> Stamp:
    """What changes when data is written: the file's time and size, the log's size.

    Not the log's time: every opening truncates the write-ahead log, also of a session that
    only reads, and that must not count as a change.
    """
    try:
        info = database.stat()
        file_part = (info.st_mtime_ns, info.st_size)
    except OSError:
        file_part = (0, 0)
    try:
        log_size = Path(f"{database}-wal").stat().st_size
    except OSError:
        log_size = 0
    return (*file_part, log_size)


def backup_after_changes(data_dir: Path, database: Path, before: Stamp) -> Path | None:
    """A backup when the session changed the data and the database is healthy, else None."""
    from goedgeregeld.store.db.backups import automatic_backup
    from goedgeregeld.store.db.health import damage_report

    if change_stamp(database) == before or not database.exists():
        return None
    if damage_report(data_dir, database) is not None:
        return None
    return automatic_backup(data_dir, database, at_exit=True)
