"""Timing of ``nov aggregate`` against merely parsing the same files with ``json``.

For the benchmark script: ``measure_aggregation(10_000)`` returns the seconds of both and
their ratio (target: at most 2, and linear between 1,000 and 10,000 files).
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synthetic_nov import write_pile
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.files import discover
from goedgeregeld.nov.store.database import open_nov_store


@dataclass(frozen=True)
class AggregationTiming:
    """Seconds to aggregate ``files`` sync files and to only read and parse them."""

    files: int
    parse_seconds: float
    aggregate_seconds: float

    @property
    def ratio(self) -> float:
        """Aggregation time as a multiple of parse time."""
        return self.aggregate_seconds / self.parse_seconds if self.parse_seconds else float("inf")


def make_pile(folder: Path, files: int, seed: int = 7) -> list[Path]:
    """About ``files`` sync files: 95% organisation installations, 5% advisers with clients."""
    installations = max(files // 2, 1)
    advisers = max(installations // 20, 1)
    pile = write_pile(
        folder,
        organisations=installations - advisers,
        advisers=advisers,
        clients_per_adviser=10,
        seed=seed,
    )
    return pile.files


def time_parse(folder: Path) -> float:
    """Seconds to find every file and ``json.loads`` its bytes: the floor any reader pays."""
    start = time.perf_counter()
    paths, _missing = discover([folder])
    for path in paths:
        with open(path, "rb") as handle:  # noqa: PTH123 - the plainest reader there is
            json.loads(handle.read())
    return time.perf_counter() - start


def time_aggregate(folder: Path, data_dir: Path, url: str | None = None) -> float:
    """Seconds for a full aggregation (find, validate, merge, figures) into a fresh store."""
    store = open_nov_store(data_dir, url)
    try:
        start = time.perf_counter()
        aggregate(store, [folder])
        return time.perf_counter() - start
    finally:
        store.close()


def measure_aggregation(
    files: int = 10_000, folder: Path | None = None, rounds: int = 3
) -> AggregationTiming:
    """Write a pile of ``files`` sync files (unless ``folder`` holds one) and time both.

    Parsing and aggregating (each time into a fresh store) alternate for ``rounds``
    rounds, and the best time of each counts: the same treatment for both, so a noisy
    moment on a shared machine does not decide the ratio either way. A parse pass runs
    first, so the files are in the disk cache for every timed pass. Everything runs after
    a small warm-up aggregation, so one-off imports do not count against either.
    """
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        pile = folder or root / "pile"
        if folder is None:
            make_pile(pile, files)
        paths = discover([pile])[0]
        # Warm up: lazy imports and statement compilation are paid once per process, not per file.
        warm = open_nov_store(root / "warm")
        try:
            aggregate(warm, [Path(p) for p in paths[:20]])
        finally:
            warm.close()
        time_parse(pile)
        parse_times, aggregate_times = [], []
        for round_number in range(rounds):
            parse_times.append(time_parse(pile))
            aggregate_times.append(time_aggregate(pile, root / f"nov-{round_number}"))
        count = len(paths)
    return AggregationTiming(count, min(parse_times), min(aggregate_times))


if __name__ == "__main__":  # pragma: no cover - manual run: python -m benchmarks.nov_timing
    for n in (1_000, 10_000):
        t = measure_aggregation(n)
        print(
            f"{t.files} files: parse {t.parse_seconds:.3f}s, aggregate {t.aggregate_seconds:.3f}s, ratio {t.ratio:.2f}"
        )
