"""``import FILE...``: recognise each file by its manifest and hand it to the right importer.

Kinds are looked up by the manifest's format name. A module listed in ``KIND_MODULES``
exposes ``FILE_KIND``; the sync-file reader plugs in by adding its module here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from goedgeregeld.exchange.archive import Archive, ArchiveKind, read_archive
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.store.database import Database
from goedgeregeld.store.errors import StoreError

KIND_MODULES: tuple[str, ...] = (
    "goedgeregeld.exchange.evaluation_kind",
    "goedgeregeld.exchange.review_kind",
)

Progress = Callable[[int, int, ImportOutcome], None]


@dataclass(frozen=True)
class FileKind:
    """One kind of importable file: how its archive looks and how it lands in the database."""

    archive: ArchiveKind
    importer: Callable[[Database, Archive], ImportOutcome]


@cache
def file_kinds() -> dict[str, FileKind]:
    """Every importable kind, by manifest format name."""
    kinds: dict[str, FileKind] = {}
    for module_name in KIND_MODULES:
        kind = importlib.import_module(module_name).FILE_KIND
        assert isinstance(kind, FileKind)
        kinds[kind.archive.format_name] = kind
    return kinds


def import_file(db: Database, path: Path) -> ImportOutcome:
    """Check one file completely, then import it in one transaction (or raise StoreError)."""
    kinds = file_kinds()
    archive_kind, archive = read_archive(Path(path), {n: k.archive for n, k in kinds.items()})
    return kinds[archive_kind.format_name].importer(db, archive)


def import_files(
    db: Database, paths: Iterable[Path], progress: Progress | None = None
) -> list[ImportOutcome]:
    """Import files one by one; a bad file is reported and the others still go in.

    ``progress(done, total, outcome)`` is called after every file (from the calling
    thread, so a worker thread must pass the result on to the GUI thread itself).
    """
    todo: Sequence[Path] = list(paths)
    outcomes: list[ImportOutcome] = []
    for number, path in enumerate(todo, start=1):
        try:
            outcome = import_file(db, path)
        except StoreError as exc:
            outcome = ImportOutcome(Path(path), ImportStatus.FAILED, str(exc))
        outcomes.append(outcome)
        if progress is not None:
            progress(number, len(todo), outcome)
    return outcomes
