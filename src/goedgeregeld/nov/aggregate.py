"""The ``nov aggregate`` use case: find, read and merge sync files, then report the figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedgeregeld.nov.database import NovStore
from goedgeregeld.nov.figures import NationalFigures, national_figures
from goedgeregeld.nov.files import FileTally, Progress, discover, read_all
from goedgeregeld.nov.merge import merge_into_store
from goedgeregeld.nov.trust import check_signers, record_signers


@dataclass(frozen=True)
class AggregateResult:
    """The figures after merging, and what happened to each file."""

    figures: NationalFigures
    files: FileTally

    def to_json(self) -> dict[str, Any]:
        """The object ``nov aggregate --json`` prints."""
        return {**self.figures.to_json(), "files": self.files.to_json()}


def aggregate(
    store: NovStore, paths: Sequence[Path], progress: Progress | None = None
) -> AggregateResult:
    """Merge every sync file under ``paths``; bad files are listed, the rest still count."""
    files, missing = discover(paths)
    tally = FileTally(rejected=list(missing))
    good = read_all(files, tally, progress)
    # Signatures were verified while reading; here the signer must fit what NOV knows.
    good = check_signers(store, good, tally)
    merge_into_store(store, good, tally)
    record_signers(store, good, tally)
    return AggregateResult(national_figures(store), tally)
