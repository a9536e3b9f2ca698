"""The NOV page's background work: plain functions that open the NOV store in the worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedgeregeld.nov.dashboard import Dashboard


@dataclass(frozen=True)
class ImportOutcome:
    """What reading a folder did, and the dashboard afterwards."""

    read: int
    accepted: int
    already_known: int
    rejected: list[tuple[str, str]]
    dashboard: Dashboard
    summary: str
    """The same one-line account of the files as ``nov aggregate`` prints."""


def import_folder(
    data_dir: Path, folder: Path, year: int | None, progress: Callable[[int, int, str], None]
) -> ImportOutcome:
    """Aggregate every sync file under ``folder`` and build the dashboard for ``year``."""
    from goedgeregeld.nov.aggregate import aggregate
    from goedgeregeld.nov.dashboard import build_dashboard
    from goedgeregeld.nov.store.database import open_nov_store

    store = open_nov_store(data_dir)
    try:
        result = aggregate(store, [folder], lambda done, total: progress(done, total, ""))
    finally:
        store.close()
    files = result.files
    return ImportOutcome(
        files.read,
        files.accepted,
        files.already_known,
        sorted((r.path, r.reason) for r in files.rejected),
        build_dashboard(result.figures, year),
        files.summary(),
    )


def load_dashboard(data_dir: Path, year: int | None) -> Dashboard:
    """The dashboard from what is merged so far."""
    from goedgeregeld.nov.dashboard import build_dashboard
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.nov.store.figures import national_figures

    store = open_nov_store(data_dir)
    try:
        return build_dashboard(national_figures(store), year)
    finally:
        store.close()


def export_file(data_dir: Path, kind: str, year: int | None, path: Path) -> Path:
    """Write the CSV or the jaaroverzicht PDF; returns the path written."""
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.nov.store.figures import national_figures

    store = open_nov_store(data_dir)
    try:
        figures = national_figures(store)
    finally:
        store.close()
    if kind == "csv":
        from goedgeregeld.nov.overview import write_csv

        write_csv(figures, path)
    else:
        from goedgeregeld.nov.annual import write_annual_overview

        years = figures.years()
        write_annual_overview(
            figures, year if year is not None else (years[-1] if years else 2000), path
        )
    return path
