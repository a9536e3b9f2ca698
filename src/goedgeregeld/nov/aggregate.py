"""The ``nov aggregate`` use case: find, read and merge sync files, then report the figures."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedgeregeld.nov.files import FileTally, Progress, discover, read_all
from goedgeregeld.nov.quarantine import sort_plausible
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.figures import (
    NationalFigures,
    figures_from_observations,
    national_figures,
    with_register_marks,
)
from goedgeregeld.nov.store.merge import merge_into_store
from goedgeregeld.nov.trust import check_signers


@dataclass(frozen=True)
class AggregateResult:
    """The figures after merging, and what happened to each file."""

    figures: NationalFigures
    files: FileTally

    def to_json(self) -> dict[str, Any]:
        """The object ``nov aggregate --json`` prints."""
        return {**self.figures.to_json(), "files": self.files.to_json()}


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (reference counting still frees everything).

    An aggregation keeps a few objects per file alive until the end; with the collector on,
    each new batch of them makes it walk all the earlier ones again (about 15% of a run).
    Nothing here builds reference cycles, so nothing piles up while it is off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def aggregate(
    store: NovStore, paths: Sequence[Path], progress: Progress | None = None
) -> AggregateResult:
    """Merge every sync file under ``paths``; bad files are listed, the rest still count."""
    with _without_cycle_collector():
        return _aggregate(store, paths, progress)


def _aggregate(
    store: NovStore, paths: Sequence[Path], progress: Progress | None = None
) -> AggregateResult:
    files, missing = discover(paths)
    tally = FileTally(rejected=list(missing))
    good = read_all(files, tally, progress)
    # Signatures were verified while reading; here the signer must fit what NOV knows.
    good = check_signers(store, good, tally)
    # Counts beyond what one installation can hold wait in quarantine, visible, uncounted.
    good, held = sort_plausible(store, good, tally)
    # Pins the signers and holds the doubtful files in its one transaction.
    everything = merge_into_store(store, good, tally, hold=held)
    if everything is not None:
        # The store was empty: the rows just written are all it holds.
        figures = figures_from_observations(everything)
        return AggregateResult(with_register_marks(store, figures), tally)
    return AggregateResult(national_figures(store), tally)
