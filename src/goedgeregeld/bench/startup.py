"""Start-up: the app against a bare PySide6 window, in separate processes, alternated.

Each child prints a line when it reaches a point (``painted``, ``home-ready``); the parent
stamps the time it reads the line, counted from just before it started the child, so every
variant is timed the same way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from goedgeregeld.bench.table import Row, median

_BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 720)
class Painted(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, after_paint)
        return False
def after_paint():
    print("painted", flush=True)
    if len(sys.argv) > 1:
        import sqlalchemy.orm
        from sqlalchemy import create_engine, text
        engine = create_engine("sqlite:///" + sys.argv[1])
        with sqlalchemy.orm.Session(engine) as session:
            session.execute(text("SELECT id, name FROM organisation ORDER BY name")).all()
        print("home-ready", flush=True)
    app.quit()
watcher = Painted()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def _timed(command: list[str], env: dict[str, str], marks: tuple[str, ...]) -> dict[str, float]:
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert child.stdout is not None
    seen: dict[str, float] = {}
    for line in child.stdout:
        word = line.split(" ", 1)[0].strip()
        if word in marks and word not in seen:
            seen[word] = time.perf_counter() - start
    child.wait(timeout=60)
    missing = [m for m in marks if m not in seen]
    if missing:
        raise RuntimeError(f"{command[:3]} never printed {missing}")
    return seen


def prepare_data_dir(folder: Path, organisations: int) -> Path:
    """A data folder with ``organisations`` organisations, past the first-run pages."""
    from goedgeregeld.paths import database_path
    from goedgeregeld.store.database import open_database
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
    from goedgeregeld.paths import database_path

    data_dir = prepare_data_dir(folder, organisations)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    app_env = {**env, "GOEDGEREGELD_STARTUP_TRACE": "1", "GOEDGEREGELD_EXIT_WHEN_READY": "1"}
    bare, floor, app_paint, app_home = [], [], [], []
    python = sys.executable
    for _ in range(runs + 1):  # the first round warms the disk cache and is dropped
        bare.append(_timed([python, "-c", _BARE_WINDOW], env, ("painted",))["painted"])
        floor.append(
            _timed(
                [python, "-c", _BARE_WINDOW, str(database_path(data_dir))],
                env,
                ("painted", "home-ready"),
            )["home-ready"]
        )
        marks = _timed(
            [python, "-m", "goedgeregeld", "--data-dir", str(data_dir)],
            app_env,
            ("painted", "home-ready"),
        )
        app_paint.append(marks["painted"])
        app_home.append(marks["home-ready"])
    paint, paint_floor = median(app_paint[1:]), median(bare[1:])
    home, home_floor = median(app_home[1:]), median(floor[1:])
    how = "python -m goedgeregeld.bench --only startup"
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
