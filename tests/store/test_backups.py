"""Backups: checked atomic copies, daily/weekly rotation, restore refuses bad or newer files."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from goedgeregeld.base.paths import database_path
from goedgeregeld.store.db.backups import (
    BackupFile,
    automatic_backup,
    backups_to_keep,
    check_database_file,
    list_backups,
    make_backup,
    newest_good_backup,
)
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.db.restore import restore_backup
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.organisations import create_organisation, list_organisations


def test_backup_is_a_checked_copy_with_the_data(db: Database, data_dir: Path) -> None:
    create_organisation(db, "Bewaard")
    made = make_backup(data_dir, db.path)
    assert check_database_file(made, full=True) is None
    copy = open_database(made)
    assert [o.name for o in list_organisations(copy)] == ["Bewaard"]
    copy.close()
    assert not list(made.parent.glob(".*partial"))


def test_automatic_backup_at_most_once_a_day_plus_exit(db: Database, data_dir: Path) -> None:
    morning = datetime(2026, 11, 27, 9, 0, 0)
    assert automatic_backup(data_dir, db.path, now=morning) is not None
    assert automatic_backup(data_dir, db.path, now=morning + timedelta(hours=2)) is None
    assert automatic_backup(data_dir, db.path, at_exit=True, now=morning + timedelta(hours=3))
    assert len(list_backups(data_dir)) == 2


def test_rotation_keeps_seven_daily_and_four_weekly() -> None:
    start = datetime(2026, 1, 1, 12)
    backups = [BackupFile(Path(f"b{i}"), start + timedelta(days=i)) for i in range(60)]
    today = (start + timedelta(days=59)).date()
    keep = backups_to_keep(backups, today)
    newest_days = {Path(f"b{i}") for i in range(53, 60)}
    assert newest_days <= keep
    assert len(keep) <= 7 + 4
    older = keep - newest_days
    assert older, "no weekly backup kept beyond the daily ones"
    assert all(int(p.name[1:]) >= 59 - 35 for p in keep)


def test_rotation_runs_with_automatic_backups(db: Database, data_dir: Path) -> None:
    day = datetime(2026, 10, 1, 8)
    for offset in range(40):
        automatic_backup(data_dir, db.path, now=day + timedelta(days=offset))
    remaining = list_backups(data_dir)
    assert 7 <= len(remaining) <= 11
    assert remaining[0].taken_at.date() == date(2026, 11, 9)


def test_restore_round_trip_keeps_a_safety_copy(
    db: Database, data_dir: Path, tmp_path: Path
) -> None:
    create_organisation(db, "Oud")
    saved = make_backup(data_dir, db.path, now=datetime(2026, 1, 1))
    create_organisation(db, "Nieuw")
    db.close()
    safety = restore_backup(data_dir, db.path, saved)
    reopened = open_database(db.path)
    assert [o.name for o in list_organisations(reopened)] == ["Oud"]
    reopened.close()
    assert safety is not None
    kept = open_database(safety)
    assert sorted(o.name for o in list_organisations(kept)) == ["Nieuw", "Oud"]
    kept.close()


def test_restore_into_an_empty_data_folder(db: Database, data_dir: Path, tmp_path: Path) -> None:
    create_organisation(db, "Verhuisd")
    saved = make_backup(data_dir, db.path)
    target = tmp_path / "elders"
    assert restore_backup(target, database_path(target), saved) is None
    moved = open_database(database_path(target))
    assert [o.name for o in list_organisations(moved)] == ["Verhuisd"]
    moved.close()


def _content(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT * FROM organisation ORDER BY id").fetchall()
    connection.close()
    return rows


@pytest.mark.parametrize("kind", ["junk", "truncated", "newer", "foreign"])
def test_restore_refuses_bad_files_and_changes_nothing(
    db: Database, data_dir: Path, tmp_path: Path, kind: str
) -> None:
    create_organisation(db, "Blijft")
    good = make_backup(data_dir, db.path)
    bad = tmp_path / f"{kind}.sqlite3"
    if kind == "junk":
        bad.write_bytes(bytes(range(256)) * 12)
    elif kind == "truncated":
        bad.write_bytes(good.read_bytes()[:5000])
    elif kind == "newer":
        bad.write_bytes(good.read_bytes())
        connection = sqlite3.connect(bad)
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
        connection.close()
    else:
        connection = sqlite3.connect(bad)
        connection.execute("CREATE TABLE iets (x)")
        connection.close()
    before = _content(db.path)
    backups_before = len(list_backups(data_dir))
    with pytest.raises(StoreError) as raised:
        restore_backup(data_dir, db.path, bad)
    assert bad.name in str(raised.value)
    if kind == "newer":
        assert "nieuwere versie" in str(raised.value)
    assert _content(db.path) == before
    assert len(list_backups(data_dir)) == backups_before


def test_newest_good_backup_skips_damaged_ones(db: Database, data_dir: Path) -> None:
    older = make_backup(data_dir, db.path, now=datetime(2026, 1, 1))
    newer = make_backup(data_dir, db.path, now=datetime(2026, 2, 1))
    newer.write_bytes(b"kapot" * 1000)
    assert newest_good_backup(data_dir) == older
