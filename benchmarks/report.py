"""Advice report: the build in-process and the whole ``report`` command as a user runs it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.fixtures import complete_evaluation
from benchmarks.table import Row, median
from goedgeregeld.base.paths import database_path


def measure_report(folder: Path, runs: int) -> list[Row]:
    """Median build time after the first (which imports reportlab), and the command's time."""
    from goedgeregeld.report.advice import write_advice_report
    from goedgeregeld.store.db.engine import open_database

    data_dir = folder / "data"
    evaluation = complete_evaluation(data_dir)
    db = open_database(database_path(data_dir))
    builds = []
    for n in range(runs + 1):
        start = time.perf_counter()
        write_advice_report(db, evaluation, folder / f"r{n}.pdf")
        builds.append(time.perf_counter() - start)
    db.close()
    commands = []
    for n in range(max(3, runs // 2)):
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "goedgeregeld",
                "--data-dir",
                str(data_dir),
                "report",
                evaluation,
                "-o",
                str(folder / f"c{n}.pdf"),
            ],
            check=True,
            capture_output=True,
        )
        commands.append(time.perf_counter() - start)
    build, command = median(builds[1:]), median(commands)
    return [
        Row(
            "report build (warm, median)",
            build,
            None,
            "s",
            "<= 0.5 s",
            build <= 0.5,
            "python -m benchmarks --only report",
        ),
        Row(
            "report build (first, with imports)",
            builds[0],
            None,
            "s",
            "info",
            True,
            "python -m benchmarks --only report",
        ),
        Row(
            "report command (median)",
            command,
            None,
            "s",
            "<= 1.5 s",
            command <= 1.5,
            "goedgeregeld --data-dir D report EVAL -o r.pdf",
        ),
    ]
