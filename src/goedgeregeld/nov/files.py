"""Find sync files under the paths NOV names, and read them with a reason for each failure."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from hashlib import sha256
from os.path import join
from pathlib import Path
from typing import Any

from goedgeregeld.exchange.sync.format import SyncFile, SyncFileError
from goedgeregeld.exchange.sync.read import parse_sync_bytes, read_sync_bytes
from goedgeregeld.words import counted
from goedgeregeld.words.read_errors import LINKED_FOLDER, read_reason

Progress = Callable[[int, int], None]
"""Called with (files done, files in total)."""
_PROGRESS_STEP = 50


@dataclass(frozen=True)
class Rejection:
    """A file that was not merged, and why (Dutch)."""

    path: str
    reason: str


@dataclass
class FileTally:
    """What happened to the files of one aggregation."""

    read: int = 0
    accepted: int = 0
    already_known: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    quarantined: list[Rejection] = field(default_factory=list)
    """Files outside the plausibility bounds: held, not counted, until NOV decides."""
    unread: int = 0
    """How many of ``rejected`` are paths the walk could not take (a missing path, a
    folder it may not read, a link to a folder), not files that were read."""

    def summary(self) -> str:
        """One Dutch line: how many files were read, and what happened to them."""
        held = f", {len(self.quarantined)} in quarantaine" if self.quarantined else ""
        unread = (
            f"; {counted(self.unread, 'map of pad', 'mappen of paden')} niet gelezen"
            if self.unread
            else ""
        )
        return (
            f"{counted(self.read, 'bestand', 'bestanden')} gelezen: {self.accepted} toegevoegd, "
            f"{self.already_known} al bekend of vervangen door een nieuwer bestand, "
            f"{len(self.rejected) - self.unread} geweigerd{held}{unread}."
        )

    def to_json(self) -> dict[str, Any]:
        """The ``files`` object of ``nov aggregate --json``; rejections sorted by path."""
        rejected = sorted(self.rejected, key=lambda r: (r.path, r.reason))
        held = sorted(self.quarantined, key=lambda r: (r.path, r.reason))
        return {
            "read": self.read,
            "accepted": self.accepted,
            "already_known": self.already_known,
            "rejected": [{"path": r.path, "reason": r.reason} for r in rejected],
            "quarantined": [{"path": r.path, "reason": r.reason} for r in held],
        }


def discover(paths: Sequence[Path]) -> tuple[list[str], list[Rejection]]:
    """Every file named or found (recursively) in a named folder, as a list (see ``walk``)."""
    missing: list[Rejection] = []
    return list(walk(paths, missing)), missing


def walk(paths: Sequence[Path], missing: list[Rejection]) -> Iterator[str]:
    """Every file named or found (recursively) in a named folder, hidden files skipped.

    One folder at a time, sorted, so a run over 100,000 files never holds all their names.
    Symbolic links to folders inside a named folder are not followed, so a link loop cannot
    trap the walk. What the walk cannot take goes to ``missing`` with its reason, when the
    walk reaches it: a path that does not exist, a folder it may not read, a link to a
    folder. Nothing is left out without a word.
    """

    def unreadable(exc: OSError) -> None:
        missing.append(Rejection(str(exc.filename), f"map niet te lezen: {read_reason(exc)}"))

    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in dirs:
                    if os.path.islink(join(root, name)):
                        missing.append(Rejection(join(root, name), LINKED_FOLDER))
                for name in sorted(names):
                    if not name.startswith("."):
                        yield join(root, name)
        elif os.path.lexists(path):
            yield str(path)  # a special file is refused, unopened, with its reason
        else:
            missing.append(Rejection(str(path), "bestand of map bestaat niet"))


def count_files(paths: Sequence[Path]) -> int:
    """How many files ``walk`` will give (for a progress bar: names are counted, not kept)."""
    return sum(1 for _path in walk(paths, []))


CHUNK_FILES = 250
"""Files read and looked up by their digest together (their bytes are then parsed and let go);
also how often a run reports its progress."""
CHUNK_BYTES = 32 * 1024 * 1024
"""...and never much more than this many bytes of them at once (a sync file may be 16 MB)."""


def read_chunk(
    files: Iterator[str], tally: FileTally, *, again: bool = False
) -> list[tuple[str, bytes]] | None:
    """(path, bytes) of the next files of ``files``; None once there are none left.

    Up to CHUNK_FILES files or CHUNK_BYTES bytes. Unreadable files go to ``tally.rejected``
    with their reason (a chunk may so be empty while files remain). ``again``: the files
    were counted as read already (by ``skim_chunk``).
    """
    read: list[tuple[str, bytes]] = []
    size = taken = 0
    for path in files:
        taken += 1
        try:
            data = read_sync_bytes(path)
        except SyncFileError as exc:
            tally.rejected.append(Rejection(path, str(exc)))
        else:
            read.append((path, data))
            size += len(data)
        if taken >= CHUNK_FILES or size >= CHUNK_BYTES:
            break
    if not taken:
        return None
    if not again:
        tally.read += taken
    return read


SKIM_FILES = 2_000
"""Files read and hashed per look-up of their digests by ``skim_chunk``."""


def skim_chunk(files: Iterator[str], tally: FileTally) -> list[tuple[str, str]] | None:
    """(path, SHA-256 of its bytes) of the next SKIM_FILES files; None once none are left.

    The bytes are let go as soon as they are hashed, so memory holds only the digests
    however large the files; unreadable files go to ``tally.rejected`` as in ``read_chunk``.
    """
    hashed: list[tuple[str, str]] = []
    taken = 0
    for path in files:
        taken += 1
        try:
            hashed.append((path, sha256(read_sync_bytes(path)).hexdigest()))
        except SyncFileError as exc:
            tally.rejected.append(Rejection(path, str(exc)))
        if taken >= SKIM_FILES:
            break
    if not taken:
        return None
    tally.read += taken
    return hashed


def parse_all(files: Sequence[tuple[str, bytes]], tally: FileTally) -> list[tuple[str, SyncFile]]:
    """Validate each file's bytes; failures go to ``tally.rejected`` with their reason."""
    good: list[tuple[str, SyncFile]] = []
    append = good.append
    for path, data in files:
        try:
            append((path, parse_sync_bytes(data)))
        except SyncFileError as exc:
            tally.rejected.append(Rejection(path, str(exc)))
    return good
