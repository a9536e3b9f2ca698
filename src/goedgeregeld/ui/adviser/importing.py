"""Import exchange files off the GUI thread, on a database connection of its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from goedgeregeld.ui.i18n import tr

FILE_FILTER = "Goed Geregeld-bestanden (*.ggeval *.ggreview *.zip);;Alle bestanden (*)"


def _database_file(context) -> Path:
    from goedgeregeld.paths import database_path, sample_database_path

    if context.sample_mode:
        return sample_database_path(context.data_dir)
    return database_path(context.data_dir)


def import_paths(database_file: Path, paths: Sequence[Path], progress) -> list:
    """Open the database, import ``paths`` one by one and report each outcome (worker side)."""
    from goedgeregeld.exchange.importer import import_files
    from goedgeregeld.store.database import open_database

    db = open_database(database_file)
    try:
        return import_files(
            db, paths, lambda done, total, outcome: progress(done, total, outcome.message)
        )
    finally:
        db.close()


def run_import(
    context,
    paths: Sequence[Path],
    on_done: Callable[[list], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> None:
    """Import files on the long-task runner; outcomes (``ImportOutcome``) come back in order."""
    database_file = _database_file(context)
    chosen = [Path(p) for p in paths]
    context.long_tasks.run(
        lambda progress: import_paths(database_file, chosen, progress),
        on_done,
        context.report_error,
        on_progress or (lambda *_: None),
    )


def summary(outcomes: Sequence) -> str:
    """One line on how many files went in and how many were refused."""
    refused = sum(1 for o in outcomes if not o.ok)
    read = len(outcomes) - refused
    text = tr("{read} van {total} bestanden ingelezen").format(read=read, total=len(outcomes))
    if refused:
        text += tr(", {n} geweigerd").format(n=refused)
    return text
