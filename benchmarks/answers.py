"""Answer save to commit: the store's save_answer against a raw sqlite3 upsert with the same pragmas."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from benchmarks.table import Row, median, percentile

_RAW_SCHEMA = """
CREATE TABLE answer (
    evaluation_id TEXT NOT NULL, statement_id TEXT NOT NULL, value INTEGER,
    not_applicable BOOLEAN NOT NULL, note TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (evaluation_id, statement_id))
"""
_RAW_UPSERT = (
    "INSERT INTO answer VALUES (?, ?, ?, 0, '', datetime('now')) "
    "ON CONFLICT (evaluation_id, statement_id) DO UPDATE SET value=excluded.value, "
    "updated_at=excluded.updated_at"
)


def _raw_connection(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute(_RAW_SCHEMA)
    return connection


def measure_answer_save(folder: Path, count: int) -> list[Row]:
    """Time ``count`` answers through the store and through raw sqlite3, interleaved in blocks."""
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import save_answer, start_evaluation
    from goedgeregeld.store.organisations import create_organisation

    edition = find_edition()
    db = open_database(folder / "answers.sqlite3")
    evaluation = start_evaluation(db, create_organisation(db, "Bench").id, edition).id
    statements = list(edition.statements_by_id)
    raw = _raw_connection(folder / "raw.sqlite3")
    ours: list[float] = []
    floor: list[float] = []
    blocks = 10
    for block in range(blocks):
        for i in range(count // blocks):
            n = block * (count // blocks) + i
            statement, value = statements[n % len(statements)], n % 4
            start = time.perf_counter()
            raw.execute("BEGIN")
            raw.execute(_RAW_UPSERT, (evaluation, statement, value))
            raw.execute("COMMIT")
            floor.append(time.perf_counter() - start)
            start = time.perf_counter()
            save_answer(db, evaluation, statement, value)
            ours.append(time.perf_counter() - start)
    raw.close()
    db.close()
    ms = 1000.0
    p99, p99_floor = percentile(ours, 0.99) * ms, percentile(floor, 0.99) * ms
    reproduce = "python -m benchmarks --only answers"
    return [
        Row(
            f"answer save median ({count})",
            median(ours) * ms,
            median(floor) * ms,
            "ms",
            "info",
            True,
            reproduce,
        ),
        Row(
            f"answer save p99 ({count})",
            p99,
            p99_floor,
            "ms",
            "<= 4x and < 10 ms",
            p99 <= 4 * p99_floor and p99 < 10,
            reproduce,
        ),
    ]
