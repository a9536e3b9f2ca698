"""The ``nov aggregate`` use case: find, read and merge sync files, then report the figures."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256
from pathlib import Path
from typing import Any

from goedgeregeld.exchange.sync.format import SyncFile
from goedgeregeld.nov.files import (
    FileTally,
    Progress,
    Rejection,
    count_files,
    parse_all,
    read_chunk,
    skim_chunk,
    walk,
)
from goedgeregeld.nov.quarantine import sort_plausible
from goedgeregeld.nov.store.database import NovStore, StoreConnection
from goedgeregeld.nov.store.figures import NationalFigures, figures_in
from goedgeregeld.nov.store.known import any_known_in, known_in, remember_in
from goedgeregeld.nov.store.levels import settle_due_in
from goedgeregeld.nov.store.merge import merge_in, refresh_statistics
from goedgeregeld.nov.trust import check_signers_in
from goedgeregeld.store.clock import utc_now


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


LARGE_RUN = 5_000
"""Files a run must take for PostgreSQL's statistics to be refreshed when it ends (ANALYZE
takes about 0.3 s at 100,000 installations; autovacuum catches up after small runs)."""
MERGE_ENTRIES = 10_000
"""Entries (ids over all kinds) merged together: each merge writes its rows in key order.
Memory holds no more than this many entries however large the run (an adviser's file
holds dozens, an organisation's a few); small enough that a run of 10,000 files is already
several parts, so a national run of 100,000 costs the same per file and per byte of memory
(at 40,000, a 10,000-file run was one part and a 100,000-file run held twice its memory)."""


def _aggregate(
    store: NovStore, paths: Sequence[Path], progress: Progress | None = None
) -> AggregateResult:
    """Read, check and merge in parts, all in one transaction; memory stays flat.

    A file whose bytes NOV took before is counted as known without being parsed. The
    files of one part are judged together (order never matters within it); across
    parts, as across runs, the figures are the same whatever the order.
    """
    missing: list[Rejection] = []
    files = walk(paths, missing)
    total = count_files(paths) if progress is not None else 0
    tally = FileTally()
    now = utc_now()
    with store.begin() as connection:
        settle_due_in(connection)  # between runs, never within one: see ``levels``
        # A store that took files before: each chunk is looked up before it is merged.
        look_up = any_known_in(connection)
        chunks = _new_files(connection, files, tally, look_up)
        more = True
        while more:
            parsed: list[tuple[str, SyncFile]] = []
            digests: dict[str, str] = {}
            entries = 0
            while entries < MERGE_ENTRIES:
                item = next(chunks, None)
                if item is None:
                    more = False
                    break
                chunk, hashed = item
                if progress is not None:
                    progress(min(tally.read, total), total)
                taken = parse_all(chunk, tally)  # a file refused here is not taken
                for path, sync in taken:
                    entries += sum(map(len, sync.entries.values()))
                    # An unsigned file's digest is that of its bytes; a signed one's is not.
                    digest = hashed.get(path)
                    if digest is None:
                        digest = sync.digest if sync.public_key is None else _digest_of(chunk, path)
                    digests[path] = digest
                parsed += taken
            if parsed:
                _merge_part(connection, parsed, digests, tally, now, checked=look_up)
        tally.rejected[:0] = missing
        tally.unread = len(missing)
        if tally.accepted >= LARGE_RUN:
            refresh_statistics(connection)  # PostgreSQL: for the runs that come next
        return AggregateResult(figures_in(connection), tally)


SKIM_WHILE_NEW = 8
"""A run skims (``files.skim_chunk``) while no more than one file in this many is new."""


def _new_files(
    connection: StoreConnection, files: Iterator[str], tally: FileTally, look_up: bool
) -> Iterator[tuple[list[tuple[str, bytes]], dict[str, str]]]:
    """The files of ``files`` NOV did not take before: chunks of (path, bytes), and digests.

    In a store that took files before (``look_up``), each chunk is looked up by the
    digests of its bytes when it is taken, after the earlier parts were merged, and the
    known files are counted and dropped unparsed. Once nearly every file of a chunk was
    known (a re-run over a folder NOV read before), the next files are skimmed: hashed,
    their bytes let go, and looked up many at once; the few new ones among them are read
    again (and looked up again). The digests come with the chunk (empty: not computed).
    """
    skimming = False
    while True:
        if skimming:
            skimmed = skim_chunk(files, tally)
            if skimmed is None:
                return
            known = known_in(connection, [digest for _path, digest in skimmed])
            new = [path for path, digest in skimmed if digest not in known]
            tally.already_known += len(skimmed) - len(new)
            skimming = len(new) * SKIM_WHILE_NEW <= len(skimmed)
            again = iter(new)
            while (chunk := read_chunk(again, tally, again=True)) is not None:
                yield _drop_known(connection, chunk, tally)
            yield [], {}  # progress
            continue
        chunk = read_chunk(files, tally)
        if chunk is None:
            return
        if not look_up:
            yield chunk, {}
            continue
        new_chunk, hashed = _drop_known(connection, chunk, tally)
        skimming = len(new_chunk) * SKIM_WHILE_NEW <= len(chunk) and bool(chunk)
        yield new_chunk, hashed


def _drop_known(
    connection: StoreConnection, chunk: list[tuple[str, bytes]], tally: FileTally
) -> tuple[list[tuple[str, bytes]], dict[str, str]]:
    """The files of ``chunk`` NOV did not take before (the others are counted as known)."""
    hashed = {path: sha256(data).hexdigest() for path, data in chunk}
    known = known_in(connection, list(hashed.values())) if hashed else set()
    if known:
        new = [item for item in chunk if hashed[item[0]] not in known]
        tally.already_known += len(chunk) - len(new)
        chunk = new
    return chunk, hashed


def _digest_of(chunk: list[tuple[str, bytes]], path: str) -> str:
    """SHA-256 of the bytes read for ``path`` (rare: a signed file in a store without files)."""
    return next(sha256(data).hexdigest() for p, data in chunk if p == path)


def _merge_part(
    connection: StoreConnection,
    parsed: list[tuple[str, SyncFile]],
    digests: dict[str, str],
    tally: FileTally,
    now: datetime,
    *,
    checked: bool,
) -> None:
    """Check the signers and the bounds, merge, and remember the bytes of the files taken.

    ``checked``: every digest was looked up after the earlier parts were remembered, so
    none of them is known yet (a store that was empty when the run began looks up none).
    """
    rejected_before, held_before = len(tally.rejected), len(tally.quarantined)
    # Signatures were verified while reading; here the signer must fit what NOV knows.
    good = check_signers_in(connection, parsed, tally)
    # Counts beyond what one installation can hold wait in quarantine, visible, uncounted.
    good, held = sort_plausible(connection, good, tally)
    # Pins the signers and holds the doubtful files in the run's transaction.
    merge_in(connection, good, tally, hold=held, now=now)
    refused = {r.path for r in tally.rejected[rejected_before:]}
    refused.update(r.path for r in tally.quarantined[held_before:])
    taken = (d for path, d in digests.items() if path not in refused)
    remember_in(connection, taken, checked=checked)
