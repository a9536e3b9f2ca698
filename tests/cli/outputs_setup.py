"""Shared set-up for the output and input tests: an installation made through the command line."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from goedgeregeld.cli import main

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def run(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:
    """The command line in this process."""
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_apart(
    data_dir: Path, *args: str | bytes, timeout: float = 60
) -> subprocess.CompletedProcess:
    """The command line as its own process: for what could hang or needs raw bytes."""
    return subprocess.run(
        [sys.executable, "-m", "goedgeregeld", "--data-dir", str(data_dir), *args],
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def run_quiet(data_dir: Path, *args: str) -> tuple[int, str]:
    """The command line in this process, its output kept (for module fixtures without capsys)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--data-dir", str(data_dir), *args])
    return code, out.getvalue()


def make_installation(folder: Path) -> str:
    """An organisation with a completed evaluation, exported once (so the key exists)."""
    code, out = run_quiet(folder, "org", "create", "--name", "Stichting Uitvoer")
    assert code == 0
    evaluation = run_quiet(folder, "eval", "start", out.strip())[1].strip()
    summary = json.loads(run_quiet(folder, "eval", "show", evaluation, "--json")[1])
    for statement in summary["open"]:
        assert run_quiet(folder, "eval", "answer", evaluation, statement, "2")[0] == 0
    assert run_quiet(folder, "eval", "complete", evaluation)[0] == 0
    assert run_quiet(folder, "export", evaluation, "-o", str(folder.parent / "x.ggeval"))[0] == 0
    return evaluation


def copy_installation(source: Path, target: Path) -> Path:
    """A fresh copy of a made installation."""
    shutil.copytree(source, target, symlinks=True)
    return target


def database_dump(folder: Path) -> list[str]:
    """Every row of the installation's database."""
    connection = sqlite3.connect(f"file:{folder / 'goedgeregeld.sqlite3'}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def digest(path: Path) -> str:
    """The SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(*folders: Path) -> list[str]:
    """Temporary files a writer may have left behind."""
    return [
        p.name
        for folder in folders
        for p in folder.rglob(".*")
        if p.name.endswith((".tmp", ".partial"))
    ]
