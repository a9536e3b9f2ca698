"""NOV aggregation of sync files against merely parsing them with ``json``, at two sizes."""

from __future__ import annotations

from pathlib import Path

from benchmarks.table import Row

# Per-file time at the large size may be at most this multiple of the small size's.
LINEAR_SLACK = 1.5


def measure_nov(folder: Path, quick: bool) -> list[Row]:
    """Ratio to the json floor at the large size, and per-file time small vs large."""
    from benchmarks.nov_timing import measure_aggregation

    # The sizes the issue names, with --quick too (it takes about 4 s): at 3,000 files the
    # fixed cost of a run (transactions, statements) weighed a few per cent, and the row
    # passed or failed by the noise of the moment. Best of five alternating rounds each:
    # one noisy moment on a shared machine then tilts neither side.
    small, large = 1_000, 10_000
    first = measure_aggregation(small, rounds=5)
    second = measure_aggregation(large, rounds=5)
    how = "python -m benchmarks --only nov"
    per_small = first.aggregate_seconds / first.files
    per_large = second.aggregate_seconds / second.files
    return [
        Row(
            f"nov aggregate {second.files} files vs json parse",
            second.aggregate_seconds,
            second.parse_seconds,
            "s",
            "<= 2x",
            second.ratio <= 2,
            how,
        ),
        Row(
            f"nov aggregate per file, {second.files} vs {first.files} files",
            per_large * 1e6,
            per_small * 1e6,
            "us",
            f"linear (<= {LINEAR_SLACK}x)",
            per_large <= LINEAR_SLACK * per_small,
            how,
        ),
    ]
