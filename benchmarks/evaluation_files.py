"""Benchmark support: make many evaluation files and time importing them (for the bench script)."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_files
from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation


def make_evaluation_files(
    folder: Path, count: int, profiles: Sequence[tuple[str, str, str]] = ()
) -> list[Path]:
    """``count`` real, signed evaluation files of fully answered evaluations in ``folder``.

    ``profiles`` gives (name, city, province) for the first organisations, if wanted.

    Each comes from its own organisation through the normal export; the answers are
    copied in with one statement per evaluation so that building the pile stays quick.
    """
    edition = find_edition()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db = open_database(database_path(Path(scratch)))
        try:
            files = []
            statements = list(edition.statements_by_id)
            for number in range(count):
                name, city, province = (
                    profiles[number]
                    if number < len(profiles)
                    else (f"Organisatie {number:05d}", "Utrecht", "Utrecht")
                )
                organisation = create_organisation(
                    db, name, city, province=province, volunteers=150
                )
                evaluation = start_evaluation(db, organisation.id, edition)
                rows = [
                    (evaluation.id, sid, index % 4, f"toelichting {index}", "2026-01-01 00:00:00")
                    for index, sid in enumerate(statements)
                ]
                with db.engine.begin() as connection:
                    connection.exec_driver_sql(
                        "INSERT INTO answer (evaluation_id, statement_id, value, not_applicable,"
                        " note, updated_at) VALUES (?, ?, ?, 0, ?, ?)",
                        rows,
                    )
                target = folder / f"klant-{number:05d}.ggeval"
                files.append(export_evaluation(db, evaluation.id, target))
            return files
        finally:
            db.close()


def time_import(data_dir: Path, files: list[Path]) -> float:
    """Seconds to import ``files`` into the database of ``data_dir`` (all must succeed)."""
    db = open_database(database_path(data_dir))
    try:
        started = time.perf_counter()
        outcomes = import_files(db, files)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    failed = [o.message for o in outcomes if not o.ok]
    if failed:
        raise RuntimeError(f"import failed: {failed[0]}")
    return elapsed


def bench_import_evaluation_files(count: int = 100) -> float:
    """Make ``count`` evaluation files and import them into a fresh adviser database; seconds."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        files = make_evaluation_files(root / "files", count)
        adviser_dir = root / "adviser"
        open_database(database_path(adviser_dir)).close()
        try:
            return time_import(adviser_dir, files)
        finally:
            shutil.rmtree(root / "files", ignore_errors=True)
