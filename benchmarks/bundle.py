"""Frozen bundle against source: start to usable window, side by side in one run, and size.

The start is timed with the start-up benchmark's child (``startup_child.py``, which starts
the app through ``ui.shell.launch`` and marks the first paint and the home screen): frozen
with the app's own spec into a twin of the bundle, and from source. The product itself has
no tracing switch; the size row measures the real bundle.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.table import Row, median

BUNDLE_ENV = "GOEDGEREGELD_BUNDLE"
SIZE_LIMIT_MIB = 140
START_RATIO_LIMIT = 1.5
_TIMEOUT_S = 120
_REPRODUCE = "python packaging/build.py && python -m benchmarks --only bundle"
_ROOT = Path(__file__).resolve().parents[1]
_SPEC = _ROOT / "packaging" / "goedgeregeld.spec"
_CHILD = Path(__file__).resolve().with_name("startup_child.py")


def bundle_executable() -> Path | None:
    """The built app: ``$GOEDGEREGELD_BUNDLE`` (folder or file), else ``dist/goedgeregeld/``."""
    name = "goedgeregeld.exe" if os.name == "nt" else "goedgeregeld"
    chosen = os.environ.get(BUNDLE_ENV)
    if chosen:
        candidate = Path(chosen)
        candidate = candidate / name if candidate.is_dir() else candidate
    else:
        candidate = Path(__file__).resolve().parents[1] / "dist" / "goedgeregeld" / name
    return candidate if candidate.is_file() else None


def prepare_data_folder(folder: Path) -> Path:
    """A data folder where the app opens on the home screen with one organisation's data."""
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import save_answer, start_evaluation
    from goedgeregeld.store.organisations import create_organisation

    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(database_path(folder))
    try:
        edition = find_edition()
        organisation = create_organisation(db, "Startmeting", volunteers=40, paid_fte=1.0)
        evaluation = start_evaluation(db, organisation.id, edition)
        for statement_id in list(edition.statements_by_id)[:20]:
            save_answer(db, evaluation.id, statement_id, 2)
    finally:
        db.close()
    # The settings file the app reads from an explicit data folder (ui.settings.AppSettings).
    (folder / "instellingen.ini").write_text(
        "[app]\nwelcome_done=true\nrole=organisation\n", encoding="utf-8"
    )
    return folder


def freeze_startup_child(folder: Path) -> Path:
    """The start-up child frozen with the app's spec (same contents, other entry); its path.

    Installs PyInstaller first when it is missing, as ``packaging/build.py`` does (a bundle
    may have been built from another virtualenv).
    """
    if importlib.util.find_spec("PyInstaller") is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.6"], check=True
        )
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(folder / "dist"), "--workpath", str(folder / "work")]
    command += [str(_SPEC), "--", "--entry", str(_CHILD)]
    done = subprocess.run(command, cwd=_ROOT, capture_output=True, text=True, check=False)
    name = "goedgeregeld.exe" if os.name == "nt" else "goedgeregeld"
    frozen = folder / "dist" / "goedgeregeld" / name
    if done.returncode != 0 or not frozen.is_file():
        raise RuntimeError(f"freezing the start-up child failed: {done.stderr[-600:]}")
    return frozen


def _start_times(command: list[str]) -> tuple[float, float]:
    """Run the app until its home screen shows data; returns (painted, home-ready) seconds."""
    environment = dict(os.environ)
    environment["QT_QPA_PLATFORM"] = environment.get("QT_QPA_PLATFORM", "offscreen")
    environment.pop("GOEDGEREGELD_DATA_DIR", None)
    done = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False
    )
    marks: dict[str, float] = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("painted", "home-ready"):
            marks[parts[0]] = float(parts[1])
    if done.returncode != 0 or len(marks) != 2:
        raise RuntimeError(
            f"{command[0]} gave no start-up times (exit {done.returncode}): {done.stderr[-400:]}"
        )
    return marks["painted"], marks["home-ready"]


def folder_mib(folder: Path) -> float:
    """Size of every file below ``folder`` in MiB (links not followed)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 2**20


def measure_frozen_start(folder: Path, runs: int = 7, executable: Path | None = None) -> list[Row]:
    """Start the frozen app and the app from source ``runs`` times each, interleaved.

    Both are the start-up child (frozen, and from source) on the same data folder and quit
    once the home screen shows its data, so the ratio compares like with like. One warm-up
    run of each is discarded (cold disk cache after a build).
    """
    bundle = executable or bundle_executable()
    if bundle is None:
        raise FileNotFoundError("no bundle: run python packaging/build.py first")
    frozen = freeze_startup_child(folder / "twin")
    data = prepare_data_folder(folder / "data")
    frozen_command = [str(frozen), "--data-dir", str(data)]
    source_command = [sys.executable, "-P", str(_CHILD), "--data-dir", str(data)]
    _start_times(frozen_command)
    _start_times(source_command)
    frozen_times: list[tuple[float, float]] = []
    source_times: list[tuple[float, float]] = []
    for _ in range(runs):
        frozen_times.append(_start_times(frozen_command))
        source_times.append(_start_times(source_command))
    painted = median([t[0] for t in frozen_times]), median([t[0] for t in source_times])
    ready = median([t[1] for t in frozen_times]), median([t[1] for t in source_times])
    mib = folder_mib(bundle.parent)
    return [
        Row(
            f"frozen start to painted window ({runs} runs)",
            painted[0],
            painted[1],
            "s",
            "info (floor: from source)",
            True,
            _REPRODUCE,
        ),
        Row(
            f"frozen start to usable window ({runs} runs)",
            ready[0],
            ready[1],
            "s",
            f"<= {START_RATIO_LIMIT}x from source",
            ready[0] <= START_RATIO_LIMIT * ready[1],
            _REPRODUCE,
        ),
        Row(
            "bundle size",
            mib,
            None,
            "MiB",
            f"<= {SIZE_LIMIT_MIB} MiB",
            mib <= SIZE_LIMIT_MIB,
            _REPRODUCE,
        ),
    ]
