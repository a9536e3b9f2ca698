"""NOV at national scale (issue 20): every row on SQLite and on PostgreSQL, from seeded piles.

Rows, each measured in one run per database:

- 1,000 new files into a store of the big size vs the same kind of 1,000 into an empty one;
- a re-run over the big pile (every file known) vs only reading the bytes of its files;
- the big pile into an empty store vs a bare ``json.loads`` of its files;
- the per-file cost at the big size vs the small size;
- peak RSS of an aggregation of the big pile vs the small one (fresh child processes);
- the NOV dashboard (open the store, the figures, the charts) on the big store;
- for information: the same piles only read, checked and written as rows into an empty
  store (``benchmarks.nov_floor``), the floor under the "new files vs json parse" row, and
  that floor's own cost per file at the big size vs the small one;
- SQLite, for information: settling its indexes' two levels after the big load
  (``nov.store.levels``), which the run after it does first, once per an eighth more rows.
  The delta and re-run rows are then measured in the settled store, as NOV has it.

Piles come from ``benchmarks.national_data`` (cached under /tmp): full runs use 10,000 and
100,000 installations, ``--quick`` 1,000 and 3,000 in one round. PostgreSQL rows need
``GOEDGEREGELD_BENCH_POSTGRES_URL`` (or the tests' ``GOEDGEREGELD_TEST_POSTGRES_URL``);
the benchmark drops and recreates the NOV tables there (the national store) and in a
second database it makes beside it, named with ``_scratch`` (the empty stores it compares
with: emptying a store drops its database's tables).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.national_data import NationalPile, national_pile
from benchmarks.nov_floor import time_write_floor
from benchmarks.table import Row

_HOW = "python -m benchmarks --only nov-scale"
_SEED = 20
_DELTA_SEED = 900


@dataclass(frozen=True)
class Engine:
    """Where a store lives: SQLite in a folder (url None) or a PostgreSQL database."""

    name: str
    url: str | None
    scratch_url: str | None = None
    """PostgreSQL: a second database for the empty stores, so that the national one stays."""

    def national(self, scratch: Path) -> tuple[Path, str | None]:
        """An empty store to become the national one (PostgreSQL: the benchmark's database)."""
        return _emptied(scratch, self.url)

    def fresh(self, scratch: Path) -> tuple[Path, str | None]:
        """An empty store beside the national one (PostgreSQL: in the scratch database)."""
        return _emptied(scratch, self.scratch_url)


def _emptied(scratch: Path, url: str | None) -> tuple[Path, str | None]:
    """A new data folder, and ``url``'s NOV tables dropped (when it is PostgreSQL)."""
    folder = Path(tempfile.mkdtemp(dir=scratch))
    if url is not None:
        reset_postgres(url)
    return folder, url


def postgres_url() -> str | None:
    """The PostgreSQL database the benchmark may empty, if any."""
    return os.environ.get("GOEDGEREGELD_BENCH_POSTGRES_URL") or os.environ.get(
        "GOEDGEREGELD_TEST_POSTGRES_URL"
    )


def scratch_database(url: str) -> str:
    """The URL of a second database beside ``url``'s (its name ending in ``_scratch``), made if missing.

    Emptying a store on PostgreSQL drops the NOV tables of its database, so the empty stores
    of the comparisons cannot share the national store's.
    """
    from sqlalchemy import create_engine, make_url, text

    parsed = make_url(url)
    name = f"{parsed.database}_scratch"
    engine = create_engine(_with_driver(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            known = text("SELECT 1 FROM pg_database WHERE datname = :name")
            if connection.scalar(known, {"name": name}) is None:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


def _with_driver(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def reset_postgres(url: str) -> None:
    """Drop every NOV table, so the next open makes an empty store."""
    from sqlalchemy import create_engine, text

    import goedgeregeld.nov.store.assessment_models  # noqa: F401 - registers its tables
    import goedgeregeld.nov.store.quarantine_models  # noqa: F401 - registers its table
    import goedgeregeld.nov.store.trust_models  # noqa: F401 - registers its table
    from goedgeregeld.nov.store.database import VERSION_TABLE
    from goedgeregeld.nov.store.models import NovBase

    tables = ", ".join([*NovBase.metadata.tables, VERSION_TABLE])
    engine = create_engine(_with_driver(url))
    with engine.begin() as connection:
        connection.execute(text(f"DROP TABLE IF EXISTS {tables} CASCADE"))
    engine.dispose()


def _best(rounds: int, *steps: Callable[[], float]) -> list[float]:
    """Each step ``rounds`` times, alternating; the best time of each."""
    best = [float("inf")] * len(steps)
    for _ in range(rounds):
        for i, step in enumerate(steps):
            best[i] = min(best[i], step())
    return best


def time_parse(folder: Path) -> float:
    """Find every file and ``json.loads`` its bytes: the floor any reader pays."""
    from goedgeregeld.nov.files import discover

    start = time.perf_counter()
    for path in discover([folder])[0]:
        with open(path, "rb") as handle:  # noqa: PTH123 - the plainest reader there is
            data = handle.read()
        with contextlib.suppress(ValueError):  # the pile's broken files: tried, like the reader
            json.loads(data)
    return time.perf_counter() - start


def time_read(folder: Path) -> float:
    """Find every file and read its bytes, nothing more: the floor of a re-run."""
    from goedgeregeld.nov.files import discover

    start = time.perf_counter()
    for path in discover([folder])[0]:
        with open(path, "rb") as handle:  # noqa: PTH123
            handle.read()
    return time.perf_counter() - start


def time_aggregate(folder: Path, data_dir: Path, url: str | None) -> float:
    """One aggregation of ``folder`` into the store at ``data_dir``/``url``, until it is closed.

    Closing is counted: SQLite copies what the run wrote from its log into the database
    file then (a large run already does so when it commits, a small one only here).
    """
    from goedgeregeld.nov.aggregate import aggregate
    from goedgeregeld.nov.store.database import open_nov_store

    store = open_nov_store(data_dir, url)
    try:
        start = time.perf_counter()
        aggregate(store, [folder])
    finally:
        store.close()
    return time.perf_counter() - start


def time_dashboard(data_dir: Path, url: str | None) -> float:
    """What the NOV page does before it shows the figures: open, figures, charts, table."""
    from goedgeregeld.nov.dashboard import build_dashboard
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.nov.store.figures import national_figures
    from goedgeregeld.nov.store.quarantine import list_quarantine

    start = time.perf_counter()
    store = open_nov_store(data_dir, url)
    try:
        build_dashboard(national_figures(store))
        list_quarantine(store)
    finally:
        store.close()
    return time.perf_counter() - start


def time_settle(data_dir: Path, url: str | None) -> float:
    """SQLite: settling the indexes' levels, as the run after a large load does first."""
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.nov.store.levels import settle_due_in

    store = open_nov_store(data_dir, url)
    try:
        start = time.perf_counter()
        with store.begin() as connection:
            settle_due_in(connection)
    finally:
        store.close()
    return time.perf_counter() - start


def peak_rss(folder: Path, data_dir: Path, url: str | None) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one aggregation in a fresh child process."""
    command = [sys.executable, "-m", "benchmarks.nov_scale_child", str(folder), str(data_dir)]
    if url:
        command.append(url)
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=1800)
    seconds, rss_kb = done.stdout.split()
    return float(seconds), int(rss_kb) / 1024


def measure_engine(
    engine: Engine, small: NationalPile, big: NationalPile, deltas: list[NationalPile], rounds: int
) -> list[Row]:
    """Every row for one database."""
    with tempfile.TemporaryDirectory(prefix="gg-nov-scale-") as scratch_name:
        scratch = Path(scratch_name)
        # Warm up: imports and statement compilation are paid once per process.
        time_aggregate(deltas[0].folder, *engine.fresh(scratch))
        time_parse(big.folder)
        parse_small, new_small = _best(
            rounds,
            lambda: time_parse(small.folder),
            lambda: time_aggregate(small.folder, *engine.fresh(scratch)),
        )
        stores: list[tuple[Path, str | None]] = []

        def into_fresh_big() -> float:
            stores[:] = [engine.national(scratch)]
            return time_aggregate(big.folder, *stores[0])

        parse_big, new_big = _best(rounds, lambda: time_parse(big.folder), into_fresh_big)
        base = stores[0]  # holds the big pile: the national store
        floor_small, floor_big = (
            min(time_write_floor(pile.folder, *engine.fresh(scratch)) for _ in range(2))
            for pile in (small, big)
        )
        settle = time_settle(*base)  # what the next run would do first
        read_big, rerun_big = _best(
            rounds, lambda: time_read(big.folder), lambda: time_aggregate(big.folder, *base)
        )
        dashboard = min(time_dashboard(*base) for _ in range(5))
        into_base, into_empty = [], []
        for delta in deltas:  # each one new to both stores
            into_base.append(time_aggregate(delta.folder, *base))
            into_empty.append(time_aggregate(delta.folder, *engine.fresh(scratch)))
        _s, rss_small = peak_rss(small.folder, *engine.fresh(scratch))
        _s, rss_big = peak_rss(big.folder, *engine.fresh(scratch))
    n, k, d = big.files, small.files, deltas[0].files
    per_big, per_small = new_big / n, new_small / k
    name = engine.name
    return [
        Row(
            f"nov {name}: {d} new files into {big.installations} installations vs empty",
            min(into_base),
            min(into_empty),
            "s",
            "<= 1.3x",
            min(into_base) <= 1.3 * min(into_empty),
            _HOW,
        ),
        Row(
            f"nov {name}: re-run over {n} known files vs reading them",
            rerun_big,
            read_big,
            "s",
            "<= 1.5x",
            rerun_big <= 1.5 * read_big,
            _HOW,
        ),
        Row(
            f"nov {name}: {n} new files vs json parse",
            new_big,
            parse_big,
            "s",
            "<= 2x",
            new_big <= 2 * parse_big,
            _HOW,
        ),
        Row(
            f"nov {name}: per file, {n} vs {k} files",
            per_big * 1e6,
            per_small * 1e6,
            "us",
            "<= 1.2x",
            per_big <= 1.2 * per_small,
            _HOW,
        ),
        Row(
            f"nov {name}: peak RSS, {n} vs {k} files",
            rss_big,
            rss_small,
            "MB",
            "<= 1.3x",
            rss_big <= 1.3 * rss_small,
            _HOW,
        ),
        Row(
            f"nov {name}: {n} files only read and written as rows vs json parse",
            floor_big,
            parse_big,
            "s",
            "info (the floor of any merge)",
            True,
            _HOW,
        ),
        Row(
            f"nov {name}: the same floor per file, {n} vs {k} files",
            floor_big / n * 1e6,
            floor_small / k * 1e6,
            "us",
            "info (the per-file row's floor)",
            True,
            _HOW,
        ),
        *(
            [
                Row(
                    f"nov {name}: settling the indexes after the load of {n} files",
                    settle,
                    new_big,
                    "s",
                    "info (once per 1/8 more rows)",
                    True,
                    _HOW,
                )
            ]
            if engine.url is None
            else []
        ),
        Row(
            f"nov {name}: dashboard, store of {big.installations} installations",
            dashboard,
            None,
            "s",
            "<= 0.5 s",
            dashboard <= 0.5,
            _HOW,
        ),
    ]


def measure_scale(_folder: Path, quick: bool) -> list[Row]:
    """The rows for SQLite, and for PostgreSQL when a database is given."""
    # --quick proves it runs (CI keeps the whole quick run under a minute): one round.
    sizes = (1_000, 3_000) if quick else (10_000, 100_000)
    small = national_pile(sizes[0], _SEED)
    big = national_pile(sizes[1], _SEED)
    rounds = 1 if quick else 3
    deltas = [national_pile(1_000, _DELTA_SEED + i) for i in range(rounds)]
    engines = [Engine("sqlite", None)]
    url = postgres_url()
    if url:
        engines.append(Engine("postgresql", url, scratch_database(url)))
    rows: list[Row] = []
    for engine in engines:
        rows += measure_engine(engine, small, big, deltas, rounds)
    return rows
