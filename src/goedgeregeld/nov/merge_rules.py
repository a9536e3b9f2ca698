"""What merging one installation's files means: which count, which are known, which conflict.

Pure decisions, no database: ``merge`` loads what the store knows, hands each
installation's files here in canonical order (newest sequence first, then digest, then
path) and writes the rows this produces. An installation's sets only grow, so its file
with the highest sequence holds all it knows: that file alone says which ids it reports
and what they look like, and an id that only a superseded file claimed stops counting.
That keeps the figures the same whatever order files arrive in, also across runs. A file
whose bytes are known is skipped; an older file must hold nothing that a newer one did
not (same ids, same years), otherwise it is a conflict and is rejected. Two different
files with the same, newest sequence cannot both be true: both are rejected.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import groupby
from typing import Any

from goedgeregeld.exchange.sync.format import KIND_NAMES, SyncFile
from goedgeregeld.nov.files import FileTally, Rejection

Key = tuple[str, str]
"""(kind, entity_id)"""
Seen = tuple[int, Any, int, str | None, str | None, Any, Any]
"""(sequence, reported_at as the store keeps it, year, province, detail), as last said,
then (first_merged_at, first_reported_at): when NOV first took the id from here, which
decides who owns its attributes and so never changes once written."""
PathFile = tuple[str, SyncFile]

_KINDS_IN_KEY_ORDER = tuple(sorted(KIND_NAMES))


class InstallationState:
    """What the store knows of one installation: its merged files and the ids it reported."""

    __slots__ = ("changed", "digests", "removed", "seen", "sequences")

    def __init__(self) -> None:
        self.sequences: dict[int, str] = {}
        """sequence -> digest of the file merged with that number."""
        self.digests: set[str] = set()
        self.seen: dict[Key, Seen] = {}
        self.changed: set[Key] = set()
        """Ids to write: those of a newer file merged in this run."""
        self.removed: set[Key] = set()
        """Ids the store has for this installation that its newer file no longer holds."""


class MergeBatch:
    """The rows one merge run will write, and the tally of what happened to each file."""

    __slots__ = ("files", "merged_at", "observations", "removed", "stamp", "tally")

    def __init__(self, tally: FileTally, stamp: Callable[[datetime], Any], now: datetime):
        self.tally = tally
        self.stamp = stamp
        """How a timestamp goes to the database driver."""
        self.merged_at = stamp(now)
        self.files: list[tuple[str, int, str, Any, Any]] = []
        """(installation, sequence, digest, created_at, merged_at) of each merged file."""
        self.observations: list[tuple[Any, ...]] = []
        """(installation, kind, entity_id, *Seen), per installation in key order."""
        self.removed: list[tuple[str, str, str]] = []
        """(installation, kind, entity_id) of observations a newer file superseded."""


def canonical(item: PathFile) -> tuple[int, str, str]:
    """Order within one installation: newest sequence first, then by digest and path."""
    return (-item[1].sequence, item[1].digest, item[0])


def merge_installation(
    installation: str,
    group: list[PathFile],
    state: InstallationState | None,
    batch: MergeBatch,
) -> None:
    """Merge one installation's files, in canonical order; ``state`` None if new to the store."""
    if state is None and _merge_new(installation, group, batch):
        return
    _merge_known(installation, group, state or InstallationState(), batch)


def _merge_new(installation: str, group: list[PathFile], batch: MergeBatch) -> bool:
    """An installation the store has never seen (the usual case).

    The newest file is taken whole: every entry is new. Each older file must then hold
    nothing the newest does not, with the same year: what ``_merge_known`` decides too,
    without building its state. Returns False, having changed nothing, when different
    files claim the newest sequence; ``_merge_known`` sorts out such rivals.
    """
    newest = group[0][1]
    for _path, sync in group[1:]:
        if sync.sequence != newest.sequence:
            break
        if sync.digest != newest.digest:
            return False
    tally, stamp, merged_at = batch.tally, batch.stamp, batch.merged_at
    tally.accepted += 1
    sequence = newest.sequence
    created = stamp(newest.created_at)
    batch.files.append((installation, sequence, newest.digest, created, merged_at))
    entries = newest.entries
    observations = batch.observations
    first_row = len(observations)
    append = observations.append
    for kind in _KINDS_IN_KEY_ORDER:
        rows = entries[kind]
        # Ids are unique within a kind (checked when read), so sorting sorts by id.
        for e in sorted(rows) if len(rows) > 1 else rows:
            append(
                (
                    installation,
                    kind,
                    e.id,
                    sequence,
                    created,
                    e.year,
                    e.province,
                    e.detail,
                    merged_at,
                    created,
                )
            )
    if len(group) == 1:
        return True
    years = {(kind, entry.id): entry.year for kind, rows in entries.items() for entry in rows}
    digests = {newest.digest}
    sequences = {sequence}
    earliest: dict[Key, Any] = {}
    for path, sync in group[1:]:
        if sync.digest in digests:
            tally.already_known += 1
        elif sync.sequence in sequences:
            tally.rejected.append(_seen_sequence(path, sync))
        elif not _within(sync, years):
            tally.rejected.append(_older_differs(path, sync, sequence))
        else:
            tally.already_known += 1
            digests.add(sync.digest)
            sequences.add(sync.sequence)
            older = stamp(sync.created_at)
            batch.files.append((installation, sync.sequence, sync.digest, older, merged_at))
            for kind, rows in sync.entries.items():
                for entry in rows:
                    key = (kind, entry.id)
                    if older < earliest.get(key, created):
                        earliest[key] = older
    if earliest:
        # An id's first report is the earliest file of this run that holds it.
        for index in range(first_row, len(observations)):
            row = observations[index]
            first = earliest.get((row[1], row[2]))
            if first is not None:
                observations[index] = (*row[:9], first)
    return True


def _within(sync: SyncFile, years: dict[Key, int]) -> bool:
    """Every entry of ``sync`` is in ``years`` with the same year."""
    for kind, entries in sync.entries.items():
        for entry in entries:
            if years.get((kind, entry.id)) != entry.year:
                return False
    return True


def _merge_known(
    installation: str, group: list[PathFile], state: InstallationState, batch: MergeBatch
) -> None:
    """Fold one installation's files into what the store knows of it (or into nothing)."""
    tally = batch.tally
    for sequence, same in groupby(group, key=_sequence_of):
        candidates = []
        for path, sync in same:
            if sync.digest in state.digests:
                tally.already_known += 1
            else:
                candidates.append((path, sync))
        if len(candidates) > 1 and _rival_newest(sequence, candidates, state, tally):
            continue
        for path, sync in candidates:
            if sync.digest in state.digests:
                tally.already_known += 1
                continue
            created = batch.stamp(sync.created_at)
            if _merge_one(path, sync, state, tally, created, batch.merged_at):
                batch.files.append((installation, sequence, sync.digest, created, batch.merged_at))
    seen = state.seen
    batch.observations.extend(
        (installation, kind, entity_id, *seen[(kind, entity_id)])
        for kind, entity_id in sorted(state.changed)
    )
    batch.removed.extend(
        (installation, kind, entity_id) for kind, entity_id in sorted(state.removed)
    )


def _sequence_of(item: PathFile) -> int:
    return item[1].sequence


def _merge_one(
    path: str, sync: SyncFile, state: InstallationState, tally: FileTally, stamp: Any, merged: Any
) -> bool:
    """Fold one new file into its installation's state; False if it was a conflict."""
    newest = max(state.sequences, default=0)
    if sync.sequence in state.sequences:
        tally.rejected.append(_seen_sequence(path, sync))
        return False
    if sync.sequence < newest:
        if not _covered(sync, state.seen):
            tally.rejected.append(_older_differs(path, sync, newest))
            return False
        tally.already_known += 1
        _earlier_first_reports(sync, state, stamp, merged)
    else:
        tally.accepted += 1
        # The newest file holds everything the installation knows: it replaces the rest.
        # What NOV took from here before keeps its first moments: they decide the owner.
        seen = state.seen
        newer: dict[Key, Seen] = {}
        for kind, entries in sync.entries.items():
            for entry in entries:
                key = (kind, entry.id)
                known = seen.get(key)
                firsts = (merged, stamp) if known is None else known[5:]
                newer[key] = (
                    sync.sequence,
                    stamp,
                    entry.year,
                    entry.province,
                    entry.detail,
                    *firsts,
                )
        state.removed = (state.removed | state.seen.keys()) - newer.keys()
        state.seen = newer
        state.changed = set(newer)
    state.sequences[sync.sequence] = sync.digest
    state.digests.add(sync.digest)
    return True


def _earlier_first_reports(
    sync: SyncFile, state: InstallationState, stamp: Any, merged: Any
) -> None:
    """Ids first taken in this run date from the earliest file of the run that holds them."""
    seen = state.seen
    for kind, entries in sync.entries.items():
        for entry in entries:
            key = (kind, entry.id)
            known = seen[key]
            if known[5] == merged and stamp < known[6]:
                seen[key] = (*known[:6], stamp)
                state.changed.add(key)


def _covered(sync: SyncFile, seen: dict[Key, Seen]) -> bool:
    """Everything in an older file is already known from this installation, same year."""
    for kind, entries in sync.entries.items():
        for entry in entries:
            known = seen.get((kind, entry.id))
            if known is None or known[2] != entry.year:
                return False
    return True


def _rival_newest(
    sequence: int, candidates: list[PathFile], state: InstallationState, tally: FileTally
) -> bool:
    """Different files that all claim the newest sequence: no way to tell the true one.

    All are rejected, whatever order they came in; an older sequence is judged instead
    against the newer file that covers it.
    """
    if len({sync.digest for _, sync in candidates}) < 2:
        return False
    if sequence in state.sequences or sequence < max(state.sequences, default=0):
        return False
    for path, sync in candidates:
        tally.rejected.append(
            Rejection(
                path,
                f"conflict: meerdere verschillende bestanden met volgnummer {sequence} van "
                f"installatie {sync.installation_id}",
            )
        )
    return True


def _seen_sequence(path: str, sync: SyncFile) -> Rejection:
    return Rejection(
        path,
        f"conflict: volgnummer {sync.sequence} van installatie {sync.installation_id} "
        "is al gelezen met een andere inhoud",
    )


def _older_differs(path: str, sync: SyncFile, newest: int) -> Rejection:
    return Rejection(
        path,
        f"conflict: volgnummer {sync.sequence} is ouder dan {newest} van installatie "
        f"{sync.installation_id}, maar de inhoud verschilt",
    )
