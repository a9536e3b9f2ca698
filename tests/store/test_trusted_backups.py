"""Trusted backups: full check first, verified backups only, restore of schema and -wal."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from goedgeregeld.store.db.backups import (
    backups_dir,
    check_database_file,
    list_backups,
    make_backup,
    newest_good_backup,
)
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.db.restore import restore_backup
from goedgeregeld.store.db.verify import verify_database_file
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.organisations import create_organisation, list_organisations

FIXTURES = Path(__file__).parents[1] / "data" / "schema"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_an_index(path: Path) -> None:
    """Damage only integrity_check sees: an index whose entries no longer fit its definition."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute(
        "UPDATE sqlite_master SET sql='CREATE INDEX ix_organisation_created_at "
        "ON organisation (name)' WHERE name='ix_organisation_created_at'"
    )
    connection.commit()
    connection.close()
    assert check_database_file(path) is None, "quick_check must still pass"
    assert check_database_file(path, full=True) is not None


def test_integrity_only_damage_gets_no_backup_and_yesterdays_is_offered(
    db: Database, data_dir: Path
) -> None:
    from goedgeregeld.ui.shell.startup_checks import check_and_back_up

    create_organisation(db, "Een")
    create_organisation(db, "Twee")
    today = datetime.now()
    good = make_backup(data_dir, db.path, today - timedelta(days=1))
    db.close()
    damage_an_index(db.path)
    # A damaged backup of today, as the old start-up check made it after its quick check.
    bad = backups_dir(data_dir) / f"goedgeregeld-{today:%Y%m%d-%H%M%S}.sqlite3"
    shutil.copyfile(db.path, bad)
    before = {b.path: sha(b.path) for b in list_backups(data_dir)}
    database = sha(db.path)

    outcome = check_and_back_up(data_dir)

    assert outcome is not None
    report, offered, foreign = outcome
    assert "beschadigd" in report and not foreign
    assert offered == good == newest_good_backup(data_dir)
    assert {b.path: sha(b.path) for b in list_backups(data_dir)} == before
    assert sha(db.path) == database
    assert verify_database_file(bad) is not None


def test_backup_of_a_damaged_database_is_refused(db: Database, data_dir: Path) -> None:
    create_organisation(db, "Een")
    db.close()
    damage_an_index(db.path)
    with pytest.raises(StoreError, match="reservekopie is niet goed gelukt"):
        make_backup(data_dir, db.path)
    assert list_backups(data_dir) == []
    assert not list(backups_dir(data_dir).glob(".*partial"))


def test_healthy_start_makes_the_daily_backup(db: Database, data_dir: Path) -> None:
    from goedgeregeld.ui.shell.startup_checks import check_and_back_up

    create_organisation(db, "Een")
    db.close()
    assert check_and_back_up(data_dir) is None
    (made,) = list_backups(data_dir)
    assert verify_database_file(made.path) is None


def test_backup_made_before_the_mark_is_still_offered(data_dir: Path) -> None:
    old = backups_dir(data_dir) / "goedgeregeld-20261101-090000.sqlite3"
    old.parent.mkdir()
    shutil.copyfile(FIXTURES / "0002.sqlite3", old)
    assert verify_database_file(old) is None
    assert newest_good_backup(data_dir) == old


def _incomplete(good: Path, target: Path, kind: str) -> None:
    shutil.copyfile(good, target)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys=OFF")
    if kind == "only-alembic-version":
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        ).fetchall()
        for (table,) in tables:
            connection.execute(f'DROP TABLE "{table}"')
    elif kind == "missing-table":
        connection.execute("DROP TABLE trusted_key")
    else:
        connection.execute("ALTER TABLE organisation DROP COLUMN city")
    connection.commit()
    connection.execute("VACUUM")
    connection.close()


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("only-alembic-version", "de tabel"),
        ("missing-table", "de tabel trusted_key ontbreekt"),
        ("missing-column", "de kolom city"),
    ],
)
def test_restore_refuses_an_incomplete_schema_and_changes_nothing(
    db: Database, data_dir: Path, tmp_path: Path, kind: str, reason: str
) -> None:
    create_organisation(db, "Blijft")
    good = make_backup(data_dir, db.path)
    source = tmp_path / f"{kind}.sqlite3"
    _incomplete(good, source, kind)
    assert check_database_file(source, full=True) is None, "SQLite itself finds it sound"
    before = {p.name: sha(p) for p in data_dir.rglob("*") if p.is_file()}
    source_before = sha(source)
    with pytest.raises(StoreError) as raised:
        restore_backup(data_dir, db.path, source)
    assert source.name in str(raised.value) and reason in str(raised.value)
    assert {p.name: sha(p) for p in data_dir.rglob("*") if p.is_file()} == before
    assert sha(source) == source_before


def test_restore_brings_the_committed_rows_of_the_sources_wal(
    db: Database, data_dir: Path, tmp_path: Path
) -> None:
    create_organisation(db, "In het bestand")
    source = tmp_path / "elders" / "kopie.sqlite3"
    source.parent.mkdir()
    shutil.copyfile(make_backup(data_dir, db.path), source)
    other = open_database(source)
    holder = sqlite3.connect(source)  # keeps the log from being checkpointed on close
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("SELECT count(*) FROM organisation").fetchone()
    create_organisation(other, "Alleen in het logbestand")
    other.close()
    wal = Path(f"{source}-wal")
    # The app's source copy, as a user would find it after a crash: file and log, no -shm.
    crashed = tmp_path / "na-crash" / "kopie.sqlite3"
    crashed.parent.mkdir()
    shutil.copyfile(source, crashed)
    shutil.copyfile(wal, f"{crashed}-wal")
    holder.close()
    main_only = sqlite3.connect(f"file:{crashed}?mode=ro&immutable=1", uri=True)
    assert main_only.execute("SELECT count(*) FROM organisation").fetchone()[0] == 1
    main_only.close()
    crashed_before = {p.name: sha(p) for p in crashed.parent.iterdir() if p.is_file()}
    db.close()

    restore_backup(data_dir, db.path, crashed)

    restored = open_database(db.path)
    names = sorted(o.name for o in list_organisations(restored))
    restored.close()
    assert names == ["Alleen in het logbestand", "In het bestand"]
    after = {p.name: sha(p) for p in crashed.parent.iterdir() if p.is_file()}
    assert {k: v for k, v in after.items() if not k.endswith("-shm")} == crashed_before


def test_start_up_check_finds_a_missing_table_and_makes_no_backup(
    db: Database, data_dir: Path
) -> None:
    from goedgeregeld.ui.shell.startup_checks import check_and_back_up

    db.close()
    connection = sqlite3.connect(db.path)
    connection.execute("DROP TABLE trusted_key")
    connection.close()
    outcome = check_and_back_up(data_dir)
    assert outcome is not None and "de tabel trusted_key ontbreekt" in outcome[0]
    assert list_backups(data_dir) == []


def test_schema_check_and_a_migration_on_two_threads(tmp_path: Path) -> None:
    """The start-up check and the worker may both run Alembic (it keeps module globals)."""
    import threading

    from goedgeregeld.store.db import schema_check

    schema_check._migrated_schema.cache_clear()
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "0002.sqlite3", old)
    found: list[object] = []

    def verify() -> None:
        found.append(verify_database_file(old))
        found.append(schema_check.migrated_schema("0002") == schema_check.expected_schema("0002"))

    def migrate() -> None:
        for n in range(3):
            open_database(tmp_path / f"new-{n}.sqlite3").close()
        found.append("migrated")

    threads = [threading.Thread(target=verify), threading.Thread(target=migrate)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, found)) == ["None", "True", "migrated"]


def test_schema_reference_matches_the_migrations() -> None:
    from goedgeregeld.store.db import schema_check
    from goedgeregeld.store.db.verify import script_revisions

    schema_check._reference.cache_clear()
    reference = schema_check._reference()
    assert list(reference) == script_revisions(), (
        "rewrite it: python -c 'from goedgeregeld.store.db.schema_check import "
        "write_reference; from goedgeregeld.store.db.verify import script_revisions; "
        "write_reference(script_revisions())'"
    )
    for revision in script_revisions():
        assert reference[revision] == schema_check.migrated_schema(revision), revision


def test_restore_reads_the_wal_even_where_sqlite_cannot_make_its_index(
    db: Database, data_dir: Path, tmp_path: Path
) -> None:
    create_organisation(db, "In het bestand")
    source = tmp_path / "elders" / "kopie.sqlite3"
    source.parent.mkdir()
    shutil.copyfile(make_backup(data_dir, db.path), source)
    connection = sqlite3.connect(source)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute(
        "INSERT INTO organisation (id, name, created_at, origin) "
        "VALUES ('00000000-0000-4000-8000-000000000001', 'Alleen in het logbestand', "
        "'2026-12-01 09:00:00', 'own')"
    )
    connection.commit()
    wal = Path(f"{source}-wal").read_bytes()
    connection.close()
    Path(f"{source}-wal").write_bytes(wal)
    Path(f"{source}-shm").unlink(missing_ok=True)
    Path(f"{source}-shm").mkdir()  # no index can be made beside it (a read-only medium)
    db.close()
    restore_backup(data_dir, db.path, source)
    restored = open_database(db.path)
    names = sorted(o.name for o in list_organisations(restored))
    restored.close()
    assert names == ["Alleen in het logbestand", "In het bestand"]
    assert Path(f"{source}-wal").read_bytes() == wal
