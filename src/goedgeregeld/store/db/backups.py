"""Backups of the database file: SQLite's backup API, checked copies, atomic renames, rotation."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from goedgeregeld.store.db.verify import check_database_file, verify_database_file
from goedgeregeld.store.errors import StoreError

__all__ = ["check_database_file"]  # re-exported: it lived here first

BACKUP_FOLDER = "backups"
_PREFIX = "goedgeregeld-"
_SUFFIX = ".sqlite3"
KEEP_DAILY = 7
KEEP_WEEKLY = 4


@dataclass(frozen=True)
class BackupFile:
    """One backup in the backups folder."""

    path: Path
    taken_at: datetime


def backups_dir(data_dir: Path) -> Path:
    """The folder with automatic and manual backups."""
    return data_dir / BACKUP_FOLDER


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def copy_database(source: Path, target: Path) -> Path:
    """Copy a live database with the backup API to ``target``, checked, written atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    # The full check on the copy: a database whose integrity_check fails gets no backup.
    problem = verify_database_file(partial)
    if problem is not None:
        partial.unlink(missing_ok=True)
        raise StoreError(f"de reservekopie is niet goed gelukt: {problem}")
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    _fsync_dir(target.parent)
    return target


def list_backups(data_dir: Path) -> list[BackupFile]:
    """The backups in the backups folder, newest first."""
    found = []
    for path in backups_dir(data_dir).glob(f"{_PREFIX}*{_SUFFIX}"):
        stamp = path.name[len(_PREFIX) : -len(_SUFFIX)][:15]
        try:
            found.append(BackupFile(path, datetime.strptime(stamp, "%Y%m%d-%H%M%S")))
        except ValueError:
            continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def make_backup(data_dir: Path, database: Path, now: datetime | None = None) -> Path:
    """A new backup in the backups folder, named by its time."""
    moment = now or datetime.now()
    name = f"{_PREFIX}{moment:%Y%m%d-%H%M%S}{_SUFFIX}"
    return copy_database(database, backups_dir(data_dir) / name)


def automatic_backup(
    data_dir: Path, database: Path, *, at_exit: bool = False, now: datetime | None = None
) -> Path | None:
    """At most one backup a day, plus one at exit (the caller knows whether data changed).

    Returns the new backup, or None when today's backup already exists.
    """
    moment = now or datetime.now()
    if not database.exists():
        return None
    if not at_exit and any(b.taken_at.date() == moment.date() for b in list_backups(data_dir)):
        return None
    made = make_backup(data_dir, database, moment)
    rotate_backups(data_dir, today=moment.date())
    return made


def backups_to_keep(backups: Iterable[BackupFile], today: date) -> set[Path]:
    """Today's backups, the newest of each of the last 7 days and of the last 4 weeks."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in ordered if b.taken_at.date() == today}
    days: dict[date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for backup in ordered:
        days.setdefault(backup.taken_at.date(), backup.path)
        iso = backup.taken_at.isocalendar()
        weeks.setdefault((iso.year, iso.week), backup.path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    return keep


def rotate_backups(data_dir: Path, today: date) -> list[Path]:
    """Delete backups beyond the rotation; returns what was deleted."""
    backups = list_backups(data_dir)
    keep = backups_to_keep(backups, today)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest backup that passes the full verification (integrity, mark, schema)."""
    for backup in list_backups(data_dir):
        if verify_database_file(backup.path) is None:
            return backup.path
    return None
