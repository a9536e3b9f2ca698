"""One window per data folder, tried with real processes: a second start brings the first forward."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.core.settings import AppSettings, Role
from goedgeregeld.ui.shell.single_instance import LOCK_NAME

CHECKOUT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")


def _prepare(db, data_dir: Path, edition) -> None:
    organisation = create_organisation(db, "Eén venster", volunteers=300, paid_fte=5)
    start_evaluation(db, organisation.id, edition)
    settings = AppSettings.in_folder(data_dir)
    settings.welcome_done = True
    settings.role = Role.ORGANISATION
    settings.sync()


def _start(data_dir: Path) -> subprocess.Popen[str]:
    """The app as goedgeregeld starts it, watched by the autopilot (which answers nothing)."""
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.autopilot", str(data_dir), "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        text=True,
        encoding="utf-8",
        cwd=CHECKOUT,
    )


def _next_line(process: subprocess.Popen[str], starting: str, seconds: float = 40) -> str:
    """The next line of output that starts with ``starting`` ("" if the app ended first)."""
    watchdog = threading.Timer(seconds, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        while line := process.stdout.readline():
            if line.startswith(starting):
                return line.strip()
        return ""
    finally:
        watchdog.cancel()


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)


def test_a_second_start_brings_the_first_forward_and_exits(db, data_dir: Path, edition) -> None:
    _prepare(db, data_dir, edition)
    first = _start(data_dir)
    try:
        assert _next_line(first, "ready"), first.stderr.read() if first.stderr else ""
        second = subprocess.run(
            [sys.executable, "-m", "goedgeregeld", "--data-dir", str(data_dir)],
            capture_output=True,
            env=ENV,
            text=True,
            encoding="utf-8",
            timeout=60,
            cwd=CHECKOUT,
        )
        assert second.returncode == 0, second.stderr
        assert "Goed Geregeld is al geopend met deze gegevens" in second.stderr
        assert str(data_dir) in second.stderr
        notice = _next_line(first, "notice ", seconds=20)
        assert "het was al open" in notice and "U werkt verder in dit venster" in notice
        assert first.poll() is None
    finally:
        _kill(first)


def test_a_stale_lock_left_by_a_crash_is_taken_over(db, data_dir: Path, edition) -> None:
    _prepare(db, data_dir, edition)
    crashed = _start(data_dir)
    assert _next_line(crashed, "ready")
    _kill(crashed)
    assert (data_dir / LOCK_NAME).exists()
    again = _start(data_dir)
    try:
        assert _next_line(again, "ready"), again.stderr.read() if again.stderr else ""
    finally:
        _kill(again)


def test_two_data_folders_open_side_by_side(
    db, data_dir: Path, edition, tmp_path, template_database: Path
) -> None:
    import shutil

    from goedgeregeld.base.paths import database_path
    from goedgeregeld.store.db.engine import Database, make_engine

    _prepare(db, data_dir, edition)
    other_dir = tmp_path / "andere-map"
    other_dir.mkdir()
    shutil.copyfile(template_database, database_path(other_dir))
    other = Database(database_path(other_dir), make_engine(database_path(other_dir)))
    try:
        _prepare(other, other_dir, edition)
    finally:
        other.close()
    first, second = _start(data_dir), _start(other_dir)
    try:
        assert _next_line(first, "ready") and _next_line(second, "ready")
    finally:
        _kill(first)
        _kill(second)
