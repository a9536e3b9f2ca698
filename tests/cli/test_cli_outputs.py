"""Issue 17: no ``-o`` replaces the app's own files, by any path, link or hard link; nothing left behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from tests.cli.outputs_setup import (
    copy_installation,
    database_dump,
    digest,
    leftovers,
    make_installation,
    run,
    run_apart,
)

from goedgeregeld.store.db.backups import list_backups


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("made") / "org"
    return folder, make_installation(folder)


@pytest.fixture
def org(made: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    return copy_installation(made[0], tmp_path / "org"), made[1]


COMMANDS = {
    "export": lambda ev: ["export", ev],
    "report": lambda ev: ["report", ev],
    "sync export": lambda ev: ["sync", "export"],
    "review export": lambda ev: ["review", "export", ev],
    "nov csv": lambda ev: ["nov", "csv"],
    "nov report": lambda ev: ["nov", "report"],
    "backup": lambda ev: ["backup"],
}


def _own_files(folder: Path, tmp_path: Path) -> list[Path]:
    """The app's own files, a symbolic link to the database and hard links to it and the key."""
    key = folder / "keys" / "installation-ed25519.pem"
    database = folder / "goedgeregeld.sqlite3"
    backup = list_backups(folder)[0].path
    (tmp_path / "link.sqlite3").symlink_to(database)
    os.link(database, tmp_path / "hard.sqlite3")
    os.link(key, tmp_path / "hard.pem")
    own = [database, Path(f"{database}-wal"), Path(f"{database}-shm"), key, backup]
    own += [tmp_path / "link.sqlite3", tmp_path / "hard.sqlite3", tmp_path / "hard.pem"]
    return [p for p in own if p.exists()]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_output_replaces_the_apps_own_files(command, org, tmp_path: Path, capsys) -> None:
    folder, evaluation = org
    targets = _own_files(folder, tmp_path)
    assert any(p.name.endswith(".pem") for p in targets) and len(targets) >= 7
    before = database_dump(folder)
    for target in targets:
        real = target.resolve()
        kept = digest(real) if not real.name.startswith("goedgeregeld.sqlite3") else None
        code, out, err = run(capsys, folder, *COMMANDS[command](evaluation), "-o", str(target))
        assert code == 1, (command, target, out, err)
        assert err.startswith("goedgeregeld: ") and err.count("\n") == 1, err
        assert "is niet opgeslagen" in err and "onverwachte fout" not in err, err
        assert kept is None or digest(real) == kept, (command, target)
        assert database_dump(folder) == before, (command, target)
    assert leftovers(folder, tmp_path) == []


def test_the_refusal_says_what_the_file_is(org, tmp_path: Path, capsys) -> None:
    folder, evaluation = org
    key = folder / "keys" / "installation-ed25519.pem"
    _code, _out, err = run(capsys, folder, "export", evaluation, "-o", str(key))
    assert "ondertekeningssleutel" in err
    _code, _out, err = run(
        capsys, folder, "sync", "export", "-o", str(folder / "goedgeregeld.sqlite3")
    )
    assert "gegevensbestand van deze installatie" in err


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_target_that_is_no_regular_file_is_refused(kind, org, tmp_path: Path) -> None:
    folder, evaluation = org
    target = {
        "fifo": tmp_path / "pipe.json",
        "folder": tmp_path / "map",
        "device": Path("/dev/null"),
    }[kind]
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    before = database_dump(folder)
    for args in (["sync", "export"], ["export", evaluation], ["backup"]):
        result = run_apart(folder, *args, "-o", str(target), timeout=60)
        err = result.stderr.decode()
        assert result.returncode == 1 and "is niet opgeslagen" in err, err
        assert {"fifo": "named pipe", "folder": "map", "device": "apparaat"}[kind] in err, err
    assert database_dump(folder) == before
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    if kind == "device":
        assert stat.S_ISCHR(os.stat(target).st_mode)
    assert leftovers(folder, tmp_path) == []


def test_no_folders_are_made_through_a_dangling_link(org, tmp_path: Path, capsys) -> None:
    folder, _evaluation = org
    (tmp_path / "weg").symlink_to(tmp_path / "nergens")
    code, _out, err = run(capsys, folder, "sync", "export", "-o", str(tmp_path / "weg/a/b.json"))
    assert code == 1 and "koppeling naar een map die niet bestaat" in err, err
    assert not (tmp_path / "nergens").exists()
    (tmp_path / "los.json").symlink_to(tmp_path / "niets" / "x.json")
    code, _out, err = run(capsys, folder, "sync", "export", "-o", str(tmp_path / "los.json"))
    assert code == 1 and "koppeling" in err and not (tmp_path / "niets").exists()


def test_a_link_to_an_ordinary_file_is_written_through(org, tmp_path: Path, capsys) -> None:
    folder, _evaluation = org
    (tmp_path / "echt.json").write_text("oud")
    (tmp_path / "link.json").symlink_to(tmp_path / "echt.json")
    assert run(capsys, folder, "sync", "export", "-o", str(tmp_path / "link.json"))[0] == 0
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "echt.json").read_text().startswith("{")


def test_a_failed_backup_leaves_nothing_behind(org, tmp_path: Path, capsys, monkeypatch) -> None:
    folder, _evaluation = org
    (tmp_path / "bezet.sqlite3").mkdir()
    code, _out, err = run(capsys, folder, "backup", "-o", str(tmp_path / "bezet.sqlite3"))
    assert code == 1 and "is een map" in err
    from goedgeregeld.store.db import backups

    def full_disk(_source: Path, partial: Path) -> None:
        partial.write_bytes(b"half")
        Path(f"{partial}-journal").write_bytes(b"j")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_copy_into", full_disk)
    code, _out, err = run(capsys, folder, "backup", "-o", str(tmp_path / "kopie.sqlite3"))
    assert code == 1 and "de schijf is vol" in err, err
    assert not (tmp_path / "kopie.sqlite3").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert leftovers(folder, tmp_path) == []
