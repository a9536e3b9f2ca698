"""A damaged database at start: a Dutch line naming the backup, exit 1, the file untouched."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.store.db.backups import make_backup
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.organisations import create_organisation


def _damage(path: Path) -> None:
    """Overwrite 8 kB in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"Z" * 8192
    path.write_bytes(bytes(data))


def test_damaged_database_is_reported_and_left_alone(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "data"
    db = open_database(database_path(folder))
    create_organisation(db, "Club", "Utrecht", "Utrecht", 5, 0)
    db.close()
    backup = make_backup(folder, database_path(folder))
    db = open_database(database_path(folder))
    for number in range(300):
        create_organisation(db, f"Organisatie {number} " + "x" * 200, None, None, 5, 0)
    db.close()
    _damage(database_path(folder))
    before = database_path(folder).read_bytes()
    code = main(["--data-dir", str(folder), "org", "list"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "is beschadigd" in err and backup.name in err and "Traceback" not in err
    assert database_path(folder).read_bytes() == before
    assert main(["--data-dir", str(folder), "restore", str(backup)]) == 0
    assert main(["--data-dir", str(folder), "org", "list"]) == 0
