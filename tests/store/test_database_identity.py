"""The database is the app's own or it is refused, at open, before any migration, untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.store.db.backups import list_backups, make_backup
from goedgeregeld.store.db.engine import current_revision, open_database
from goedgeregeld.store.db.identity import APPLICATION_ID, identity_problem
from goedgeregeld.store.db.schema_version import HEAD_REVISION
from goedgeregeld.store.errors import DatabaseRefusedError
from goedgeregeld.store.organisations import list_organisations

FIXTURES = Path(__file__).parents[1] / "data" / "schema"


def files(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (but SQLite's -shm index) with the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


def refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``org list`` on ``folder``; assert it is refused without touching a file."""
    before = files(folder)
    assert main(["--data-dir", str(folder), "org", "list"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "onverwachte fout" not in err
    assert "er is niets aan veranderd" in err
    assert files(folder) == before
    with pytest.raises(DatabaseRefusedError):
        open_database(database_path(folder))
    assert files(folder) == before
    return err


def org(folder: Path, name: str) -> None:
    assert main(["--data-dir", str(folder), "org", "create", "--name", name]) == 0


def test_new_database_carries_the_mark(tmp_path: Path) -> None:
    db = open_database(tmp_path / "goedgeregeld.sqlite3")
    db.close()
    connection = sqlite3.connect(tmp_path / "goedgeregeld.sqlite3")
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()
    assert (tmp_path / "goedgeregeld.sqlite3").read_bytes()[68:72] == b"GGeR"


def test_database_of_the_previous_head_is_recognised_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "goedgeregeld.sqlite3"
    shutil.copyfile(FIXTURES / "0002.sqlite3", path)
    assert path.read_bytes()[68:72] == b"\0\0\0\0"
    assert identity_problem(path) is None
    db = open_database(path)
    assert [o.name for o in list_organisations(db)]
    db.close()
    assert current_revision(path) == HEAD_REVISION
    assert path.read_bytes()[68:72] == b"GGeR"


def test_zero_byte_database_is_refused_and_names_the_verified_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    org(folder, "Bewaard")
    # The command line's own backup after 'org create' (issue 17) would be the newest:
    # this test is about the one it makes itself.
    for automatic in list_backups(folder):
        automatic.path.unlink()
    backup = make_backup(folder, database_path(folder), datetime(2026, 11, 30, 9, 0))
    database_path(folder).write_bytes(b"")
    capsys.readouterr()
    err = refused(folder, capsys)
    assert "leeg (0 bytes)" in err and backup.name in err and "restore" in err
    assert database_path(folder).read_bytes() == b""


def test_zero_byte_database_without_backup_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database_path(tmp_path).write_bytes(b"")
    assert "geen goede reservekopie" in refused(tmp_path, capsys)


@pytest.mark.parametrize("kind", ["recipes", "other-mark", "only-alembic-version"])
def test_foreign_sqlite_file_is_refused_and_gets_no_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = database_path(tmp_path)
    connection = sqlite3.connect(path)
    if kind == "recipes":
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('stamppot')")
    elif kind == "other-mark":
        # Another program's file, even with tables of the same names.
        connection.execute("PRAGMA application_id = 1")
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("CREATE TABLE installation (id TEXT)")
        connection.execute("CREATE TABLE organisation (id TEXT)")
    else:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('0002')")
    connection.commit()
    connection.close()
    err = refused(tmp_path, capsys)
    assert "geen gegevensbestand van Goed Geregeld" in err


def _wal_of(folder: Path, name: str) -> bytes:
    """The -wal of ``folder``'s database holding a committed organisation not yet checkpointed."""
    holder = sqlite3.connect(database_path(folder))
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("SELECT count(*) FROM organisation").fetchone()
    org(folder, name)  # its connection closes, but ours keeps the log from being checkpointed
    wal = Path(f"{database_path(folder)}-wal").read_bytes()
    holder.close()
    assert wal
    return wal


def test_own_wal_left_by_a_crash_is_applied(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    org(folder, "Eerst")
    wal = _wal_of(folder, "Na de crash")
    Path(f"{database_path(folder)}-wal").write_bytes(wal)
    assert identity_problem(database_path(folder)) is None
    db = open_database(database_path(folder))
    assert sorted(o.name for o in list_organisations(db)) == ["Eerst", "Na de crash"]
    db.close()


def test_wal_of_another_database_is_refused_and_not_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, other = tmp_path / "ours", tmp_path / "other"
    org(ours, "Van ons")
    org(other, "Van een ander")
    alien = _wal_of(other, "Ook van een ander")
    Path(f"{database_path(ours)}-wal").write_bytes(alien)
    capsys.readouterr()
    err = refused(ours, capsys)
    assert "goedgeregeld.sqlite3-wal" in err and "hoort er niet bij" in err
    Path(f"{database_path(ours)}-wal").unlink()
    db = open_database(database_path(ours))
    assert [o.name for o in list_organisations(db)] == ["Van ons"]
    db.close()


def test_wal_of_another_program_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org(tmp_path, "Van ons")
    stranger = tmp_path / "elders" / "recepten.sqlite3"
    stranger.parent.mkdir()
    holder = sqlite3.connect(stranger)
    holder.execute("PRAGMA page_size = 1024")
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("CREATE TABLE recipes (name TEXT)")
    holder.commit()
    Path(f"{database_path(tmp_path)}-wal").write_bytes(Path(f"{stranger}-wal").read_bytes())
    holder.close()
    shutil.rmtree(stranger.parent)
    assert "paginagrootte" in refused(tmp_path, capsys)


def test_wal_beside_a_missing_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org(tmp_path / "other", "Ander")
    Path(f"{database_path(tmp_path)}-wal").write_bytes(_wal_of(tmp_path / "other", "Nog een"))
    shutil.rmtree(tmp_path / "other")
    assert "ontbrekende" in refused(tmp_path, capsys)
    assert not database_path(tmp_path).exists()


def test_wal_holding_the_move_to_a_key_derived_id_is_applied(tmp_path: Path) -> None:
    """An old installation's id moves to its key's; a crash before the checkpoint keeps it."""
    from goedgeregeld.store.installation import installation_id

    folder = tmp_path / "data"
    org(folder, "Eerst")
    db = open_database(database_path(folder))
    old = installation_id(db)  # a random id, as before ids came from keys
    db.close()
    holder = sqlite3.connect(database_path(folder))
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("SELECT count(*) FROM organisation").fetchone()
    main_file = database_path(folder).read_bytes()
    assert main(["--data-dir", str(folder), "whoami"]) == 0  # signs from now on: id moves
    wal = Path(f"{database_path(folder)}-wal").read_bytes()
    holder.close()
    database_path(folder).write_bytes(main_file)
    Path(f"{database_path(folder)}-wal").write_bytes(wal)
    assert identity_problem(database_path(folder)) is None
    db = open_database(database_path(folder))
    try:
        assert installation_id(db) != old
    finally:
        db.close()
