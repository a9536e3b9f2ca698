"""Start-up: the app against a bare PySide6 window, in separate processes, alternated.

Each child prints a line when it reaches a point (``painted``, ``home-ready``); the parent
stamps the time it reads the line, counted from just before it started the child, so every
variant is timed the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.table import Row, median

# Run by path, not as a module, so the floor pays for nothing of this package; with -P, so the
# script's own folder (ui/, which has a numbers.py) does not shadow the standard library.
_BARE_WINDOW = str(Path(__file__).resolve().with_name("bare_window.py"))
# The app the same way: started through ui.shell.launch as goedgeregeld does, plus the marks.
_APP_CHILD = str(Path(__file__).resolve().with_name("startup_child.py"))


def _timed(command: list[str], env: dict[str, str], marks: tuple[str, ...]) -> dict[str, float]:
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert child.stdout is not None
    # A child that hangs (an exception in a Qt slot never quits the loop) is killed, so the
    # benchmark reports it instead of waiting for ever.
    watchdog = threading.Timer(60, child.kill)
    watchdog.start()
    seen: dict[str, float] = {}
    try:
        for line in child.stdout:
            word = line.split(" ", 1)[0].strip()
            if word in marks and word not in seen:
                seen[word] = time.perf_counter() - start
        child.wait(timeout=60)
    finally:
        watchdog.cancel()
    missing = [m for m in marks if m not in seen]
    if missing:
        raise RuntimeError(f"{command[:3]} never printed {missing}")
    return seen


def prepare_data_dir(folder: Path, organisations: int) -> Path:
    """A data folder with ``organisations`` organisations, past the first-run pages."""
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.organisations import create_organisation

    data_dir = folder / "data"
    db = open_database(database_path(data_dir))
    for n in range(organisations):
        create_organisation(db, f"Vereniging {n:03d}", "Plaats", "Utrecht", 20 + n, 0)
    db.close()
    (data_dir / "instellingen.ini").write_text(
        "[app]\nwelcome_done=true\nrole=organisation\n", encoding="utf-8"
    )
    return data_dir


def measure_startup(folder: Path, runs: int, organisations: int = 200) -> list[Row]:
    """Medians of alternated runs: bare window, bare window + ORM query, the app."""
    from goedgeregeld.base.paths import database_path

    data_dir = prepare_data_dir(folder, organisations)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    bare, floor, app_paint, app_home = [], [], [], []
    python = sys.executable
    for _ in range(runs + 1):  # the first round warms the disk cache and is dropped
        bare.append(_timed([python, "-P", _BARE_WINDOW], env, ("painted",))["painted"])
        floor.append(
            _timed(
                [python, "-P", _BARE_WINDOW, str(database_path(data_dir))],
                env,
                ("painted", "home-ready"),
            )["home-ready"]
        )
        marks = _timed(
            [python, "-P", _APP_CHILD, "--data-dir", str(data_dir)],
            env,
            ("painted", "home-ready"),
        )
        app_paint.append(marks["painted"])
        app_home.append(marks["home-ready"])
    paint, paint_floor = median(app_paint[1:]), median(bare[1:])
    home, home_floor = median(app_home[1:]), median(floor[1:])
    how = "python -m benchmarks --only startup"
    return [
        Row(
            f"window painted ({organisations} orgs)",
            paint,
            paint_floor,
            "s",
            "<= 1.3x",
            paint <= 1.3 * paint_floor,
            how,
        ),
        Row(
            f"home shows data ({organisations} orgs)",
            home,
            home_floor,
            "s",
            "<= 1.3x",
            home <= 1.3 * home_floor,
            how,
        ),
    ]
