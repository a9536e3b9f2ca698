"""Issue 17: the command line keeps the app's backups, and the signing key travels with a backup."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta
from pathlib import Path

from tests.cli.outputs_setup import digest, make_installation, run

from goedgeregeld.store.db.backups import KEEP_TODAY, BackupFile, backups_to_keep, list_backups


def test_the_command_line_backs_up_after_changes_only(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "org"
    code, out, _err = run(capsys, folder, "org", "create", "--name", "Stichting Kopie")
    assert code == 0 and len(list_backups(folder)) == 1
    evaluation = run(capsys, folder, "eval", "start", out.strip())[1].strip()
    count = len(list_backups(folder))
    database = str(folder / "goedgeregeld.sqlite3")
    for args in (
        ["org", "list"],
        ["eval", "show", evaluation],
        ["report", evaluation, "-o", database],
    ):
        run(capsys, folder, *args)  # reads, or a refusal: no backup
    assert len(list_backups(folder)) == count


def test_after_eval_answer_and_complete_there_is_a_backup(tmp_path: Path) -> None:
    folder = tmp_path / "org"
    make_installation(folder)
    backups = list(Path(folder, "backups").glob("goedgeregeld-*.sqlite3"))
    assert backups
    assert list(Path(folder, "backups").glob("*.key.pem")), "the key travels with the backup"


def test_backup_o_puts_the_key_beside_it_with_a_warning(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "org"
    make_installation(folder)
    target = tmp_path / "kopie.sqlite3"
    code, out, err = run(capsys, folder, "backup", "-o", str(target))
    assert code == 0 and out.strip() == str(target)
    key = tmp_path / "kopie.key.pem"
    assert digest(key) == digest(folder / "keys" / "installation-ed25519.pem")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert "ondertekeningssleutel" in err and "kopie.key.pem" in err and "zorgvuldig" in err


def test_restore_brings_the_key_back_only_when_missing(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "org"
    make_installation(folder)
    target = tmp_path / "kopie.sqlite3"
    assert run(capsys, folder, "backup", "-o", str(target))[0] == 0
    fresh = tmp_path / "nieuw"
    code, out, _err = run(capsys, fresh, "restore", str(target))
    assert code == 0 and "ondertekeningssleutel is ook teruggezet" in out
    assert digest(fresh / "keys" / "installation-ed25519.pem") == digest(tmp_path / "kopie.key.pem")
    (tmp_path / "kopie.key.pem").write_bytes(b"-----BEGIN PRIVATE KEY-----\nanders\n")
    kept = digest(fresh / "keys" / "installation-ed25519.pem")
    code, out, _err = run(capsys, fresh, "restore", str(target))
    assert code == 0 and "ondertekeningssleutel" not in out
    assert digest(fresh / "keys" / "installation-ed25519.pem") == kept


def test_rotation_keeps_at_most_twelve_of_today() -> None:
    now = datetime(2026, 12, 1, 9)
    backups = [BackupFile(Path(f"b{i}"), now + timedelta(minutes=i)) for i in range(40)]
    keep = backups_to_keep(backups, now.date())
    assert keep == {Path(f"b{i}") for i in range(40 - KEEP_TODAY, 40)}
