"""``python -m benchmarks [--quick] [--only NAME]``: print every target as a ratio."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks.table import Row, render

Suite = Callable[[Path, bool], list[Row]]
MISSED_TARGET = 3


def _answers(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.answers import measure_answer_save

    return measure_answer_save(folder, 400 if quick else 2000)


def _report(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.report import measure_report

    return measure_report(folder, 3 if quick else 7)


def _startup(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.startup import measure_startup

    return measure_startup(folder, 2 if quick else 7)


def _adviser(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.adviser import measure_client_list

    return measure_client_list(folder, quick)


def _review(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.review_keys import measure_review_keys

    return measure_review_keys(folder, quick)


def _signing(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.signing import measure_signing

    return measure_signing(folder, 1_000 if quick else 10_000, 1 if quick else 3)


def _nov(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.nov import measure_nov

    return measure_nov(folder, quick)


def _nov_scale(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.nov_scale import measure_scale

    return measure_scale(folder, quick)


SUITES: dict[str, Suite] = {
    "startup": _startup,
    "answers": _answers,
    "report": _report,
    "nov": _nov,
    "nov-scale": _nov_scale,
    "adviser": _adviser,
    "review": _review,
    "signing": _signing,
}


def _bundle(folder: Path, quick: bool) -> list[Row]:
    from benchmarks.bundle import measure_frozen_start

    return measure_frozen_start(folder, 3 if quick else 9)


def _register_bundle() -> None:
    """The frozen-start suite runs only where a bundle was built (packaging/build.py)."""
    from benchmarks.bundle import bundle_executable

    if bundle_executable() is not None:
        SUITES["bundle"] = _bundle


_register_bundle()


def main(argv: list[str] | None = None) -> int:
    """Run the suites, print the table, exit 3 if any target fails."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes, only to prove it runs")
    parser.add_argument("--only", choices=sorted(SUITES), action="append", help="run one suite")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    crashed = False
    started = time.perf_counter()
    for name in args.only or list(SUITES):
        with tempfile.TemporaryDirectory(prefix=f"gg-bench-{name}-") as folder:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            try:
                rows += SUITES[name](Path(folder), args.quick)
            except Exception:  # noqa: BLE001 - one broken suite must not hide the others
                traceback.print_exc()
                crashed = True
                rows.append(
                    Row(
                        f"{name} (crashed, see above)",
                        float("nan"),
                        None,
                        "",
                        "runs",
                        False,
                        f"python -m benchmarks --only {name}",
                    )
                )
    print(render(rows))
    print(f"\n{'quick' if args.quick else 'full'} run in {time.perf_counter() - started:.0f} s")
    # 3, not 1: a missed target is a finding, distinct from the script crashing.
    if crashed:
        return 1
    return 0 if all(row.passed for row in rows) else MISSED_TARGET


if __name__ == "__main__":
    raise SystemExit(main())
