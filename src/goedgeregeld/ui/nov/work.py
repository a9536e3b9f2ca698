"""The NOV page's background work: plain functions that open the NOV store in the worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from goedgeregeld.nov.dashboard import Dashboard

if TYPE_CHECKING:
    from goedgeregeld.nov.store.database import NovStore
    from goedgeregeld.nov.store.figures import NationalFigures


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
    from goedgeregeld.nov.store.database import open_nov_store

    store = open_nov_store(data_dir)
    try:
        result = aggregate(store, [folder], lambda done, total: progress(done, total, ""))
        dashboard = _with_held(store, result.figures, year)
    finally:
        store.close()
    files = result.files
    return ImportOutcome(
        files.read,
        files.accepted,
        files.already_known,
        sorted((r.path, r.reason) for r in files.rejected),
        dashboard,
        files.summary(),
    )


def _with_held(store: NovStore, figures: NationalFigures, year: int | None) -> Dashboard:
    """The dashboard of ``figures`` with the files that wait in quarantine."""
    from goedgeregeld.nov.dashboard import build_dashboard
    from goedgeregeld.nov.store.quarantine import list_quarantine

    return replace(build_dashboard(figures, year), held=list_quarantine(store))


def decide_held(data_dir: Path, number: int, accept: bool, year: int | None) -> Dashboard:
    """Accept (merge now) or reject a file in quarantine; the dashboard afterwards."""
    from goedgeregeld.nov.quarantine import accept_held, reject_held
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.nov.store.figures import national_figures

    store = open_nov_store(data_dir)
    try:
        if accept:
            accept_held(store, number)
        else:
            reject_held(store, number)
        return _with_held(store, national_figures(store), year)
    finally:
        store.close()


def load_dashboard(data_dir: Path, year: int | None) -> Dashboard:
    """The dashboard from what is merged so far."""
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.nov.store.figures import national_figures

    store = open_nov_store(data_dir)
    try:
        return _with_held(store, national_figures(store), year)
    finally:
        store.close()


def export_file(data_dir: Path, kind: str, year: int | None, path: Path) -> Path:
    """Write NOV's CSV, the publication CSV or the jaaroverzicht PDF; returns the path."""
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
    elif kind == "publication":
        from goedgeregeld.nov.publication import write_publication_csv

        write_publication_csv(figures, path)
    else:
        from goedgeregeld.nov.annual import write_annual_overview

        years = figures.years()
        write_annual_overview(
            figures, year if year is not None else (years[-1] if years else 2000), path
        )
    return path
