"""Backups of the database file: SQLite's backup API, checked copies, atomic renames, rotation."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from goedgeregeld.base.atomic import write_through_temp
from goedgeregeld.base.paths import BACKUP_FOLDER
from goedgeregeld.store.db.key_backup import copy_key_beside, key_beside, remove_key_beside
from goedgeregeld.store.db.verify import check_database_file, verify_database_file
from goedgeregeld.store.errors import StoreError

__all__ = ["check_database_file"]  # re-exported: it lived here first

_PREFIX = "goedgeregeld-"
_SUFFIX = ".sqlite3"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
# A script on the command line may change the data hundreds of times a day.
KEEP_TODAY = 12


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


def copy_database(source: Path, target: Path, *, guard: bool = False) -> Path:
    """Copy a live database with the backup API to ``target``, checked, written atomically.

    ``guard`` for a target the user named (``backup -o``, "Reservekopie maken…"): it passes
    the output guard, so it never replaces the app's own files. Nothing is left behind
    when the copy fails (a folder in the way, a full disk).
    """

    def fill(partial: Path) -> None:
        try:
            _copy_into(source, partial)
        finally:
            Path(f"{partial}-journal").unlink(missing_ok=True)

    written = write_through_temp(target, fill, guard=guard)
    _fsync_dir(written.parent)
    return written


def _copy_into(source: Path, partial: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise StoreError(f"de reservekopie is niet goed gelukt: {exc}") from None
    finally:
        src.close()
    # The full check on the copy: a database whose integrity_check fails gets no backup.
    problem = verify_database_file(partial)
    if problem is not None:
        raise StoreError(f"de reservekopie is niet goed gelukt: {problem}")


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
    made = copy_database(database, backups_dir(data_dir) / name)
    copy_key_beside(data_dir, made)
    return made


def export_backup(data_dir: Path, database: Path, target: Path) -> tuple[Path, Path | None]:
    """A backup where the user asked, with the key beside it; both pass the output guard.

    Returns the backup and the key file (None when the installation has no key yet).
    """
    from goedgeregeld.base.outputs import check_output

    check_output(key_beside(target))  # refused before anything is written
    made = copy_database(database, target, guard=True)
    return made, copy_key_beside(data_dir, made, guard=True)


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
    """Today's newest 12, the newest of each of the last 7 days and of the last 4 weeks."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in [b for b in ordered if b.taken_at.date() == today][:KEEP_TODAY]}
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
        remove_key_beside(path)
    return removed


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest backup that passes the full verification (integrity, mark, schema)."""
    for backup in list_backups(data_dir):
        if verify_database_file(backup.path) is None:
            return backup.path
    return None
