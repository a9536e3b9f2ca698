"""Merge validated sync files into the NOV store: a union per kind of id, in one transaction.

Files are merged in a canonical order (per installation, newest sequence first), so the
outcome of a run does not depend on the order the files were found in. Per installation,
the highest sequence says what an id looks like now; the set of ids only grows. A file
whose bytes are known is skipped; an older file of an installation must hold nothing that
a newer one did not, otherwise it is a conflict and is rejected without touching the store.
Two different files with the same, newest sequence cannot both be true: both are rejected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from itertools import groupby
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from goedgeregeld.exchange.sync_format import SyncFile
from goedgeregeld.nov.database import NovStore
from goedgeregeld.nov.files import FileTally, Rejection
from goedgeregeld.nov.models import MergedFile, Observation
from goedgeregeld.store.clock import utc_now

_files = cast(Table, MergedFile.__table__)
_observations = cast(Table, Observation.__table__)
_CHUNK = 500

Key = tuple[str, str]
"""(kind, entity_id)"""
Seen = tuple[int, datetime, int, str | None, str | None]
"""(sequence, reported_at, year, province, detail) as one installation last said it."""


class _InstallationState:
    """What is known of one installation: its merged files and the ids it reported."""

    __slots__ = ("changed", "digests", "seen", "sequences")

    def __init__(self) -> None:
        self.sequences: dict[int, str] = {}
        """sequence -> digest of the file merged with that number."""
        self.digests: set[str] = set()
        self.seen: dict[Key, Seen] = {}
        self.changed: set[Key] = set()


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _load_state(
    connection: Connection, installations: Sequence[str], stamp: Callable[[datetime], Any]
) -> dict[str, _InstallationState]:
    """The state of each installation the store already knows; the others have none yet."""
    # One cheap scan of the key prefix first: installations never seen need no lookup at all.
    known = set(connection.scalars(select(_files.c.installation_id).distinct()))
    states = {i: _InstallationState() for i in installations if i in known}
    for chunk in _chunks(list(states)):
        for inst, sequence, digest in connection.execute(
            select(_files.c.installation_id, _files.c.sequence, _files.c.digest).where(
                _files.c.installation_id.in_(chunk)
            )
        ):
            states[inst].sequences[sequence] = digest
            states[inst].digests.add(digest)
        o = _observations.c
        for row in connection.execute(
            select(
                o.installation_id,
                o.kind,
                o.entity_id,
                o.sequence,
                o.reported_at,
                o.year,
                o.province,
                o.detail,
            ).where(o.installation_id.in_(chunk))
        ):
            states[row[0]].seen[(row[1], row[2])] = (row[3], stamp(row[4]), row[5], row[6], row[7])
    return states


def _covered(sync: SyncFile, seen: dict[Key, Seen]) -> bool:
    """Everything in an older file is already known from this installation, same year."""
    for kind, entries in sync.entries.items():
        for entry in entries:
            known = seen.get((kind, entry[0]))
            if known is None or known[2] != entry[1]:
                return False
    return True


def _merge_one(
    path: str, sync: SyncFile, state: _InstallationState, tally: FileTally, stamp: Any
) -> bool:
    """Fold one new file into its installation's state; False if it was a conflict."""
    newest = max(state.sequences, default=0)
    if sync.sequence in state.sequences:
        tally.rejected.append(
            Rejection(
                path,
                f"conflict: volgnummer {sync.sequence} van installatie {sync.installation_id} "
                "is al gelezen met een andere inhoud",
            )
        )
        return False
    if sync.sequence < newest:
        if not _covered(sync, state.seen):
            tally.rejected.append(
                Rejection(
                    path,
                    f"conflict: volgnummer {sync.sequence} is ouder dan {newest} van installatie "
                    f"{sync.installation_id}, maar de inhoud verschilt",
                )
            )
            return False
        tally.already_known += 1
    else:
        tally.accepted += 1
        seen, changed = state.seen, state.changed
        for kind, entries in sync.entries.items():
            for entity_id, year, province, detail in entries:
                key = (kind, entity_id)
                seen[key] = (sync.sequence, stamp, year, province, detail)
                changed.add(key)
    state.sequences[sync.sequence] = sync.digest
    state.digests.add(sync.digest)
    return True


def _rival_newest(
    sequence: int,
    candidates: list[tuple[str, SyncFile]],
    state: _InstallationState,
    tally: FileTally,
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


def _upsert_statement(connection: Connection) -> Any:
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement: Any = pg_insert(_observations)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(_observations)
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[
            _observations.c.installation_id,
            _observations.c.kind,
            _observations.c.entity_id,
        ],
        set_={
            "sequence": excluded.sequence,
            "reported_at": excluded.reported_at,
            "year": excluded.year,
            "province": excluded.province,
            "detail": excluded.detail,
        },
        where=_observations.c.sequence < excluded.sequence,
    )


_FILE_COLUMNS = ("installation_id", "sequence", "digest", "created_at", "merged_at")
_OBSERVATION_COLUMNS = (
    "installation_id",
    "kind",
    "entity_id",
    "sequence",
    "reported_at",
    "year",
    "province",
    "detail",
)


def _timestamp_adapter(connection: Connection) -> Callable[[datetime], Any]:
    """How a timestamp goes to the driver: SQLite stores SQLAlchemy's ISO text, others take it as is."""
    if connection.dialect.name == "sqlite":
        return lambda moment: moment.isoformat(" ")
    return lambda moment: moment


def _bulk(
    connection: Connection, statement: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Run a SQLAlchemy-built statement for many rows straight through the driver.

    Tens of thousands of rows per aggregation: SQLAlchemy's per-row parameter processing
    would cost more than reading the files, so rows go to ``executemany`` as plain tuples
    (positional drivers) or dicts (named ones) in the compiled statement's own order.
    """
    if not rows:
        return
    compiled = statement.compile(dialect=connection.dialect)
    sql = str(compiled)
    if connection.dialect.positional:
        order = [columns.index(name) for name in compiled.positiontup]
        parameters: list[Any] = (
            rows
            if order == list(range(len(columns)))
            else [tuple(r[i] for i in order) for r in rows]
        )
    else:
        parameters = [dict(zip(columns, row, strict=True)) for row in rows]
    connection.exec_driver_sql(sql, parameters)


def _sequence_of(item: tuple[str, SyncFile]) -> int:
    return item[1].sequence


def merge_into_store(
    store: NovStore, files: Sequence[tuple[str, SyncFile]], tally: FileTally
) -> None:
    """Merge validated files; all of it commits or none of it does."""
    ordered = sorted(
        files, key=lambda pf: (pf[1].installation_id, -pf[1].sequence, pf[1].digest, pf[0])
    )
    by_installation: dict[str, list[tuple[str, SyncFile]]] = {}
    for item in ordered:
        by_installation.setdefault(item[1].installation_id, []).append(item)
    now = utc_now()
    with store.begin() as connection:
        stamp = _timestamp_adapter(connection)
        states = _load_state(connection, list(by_installation), stamp)
        new_files: list[tuple[str, int, str, Any]] = []
        # Built per installation in key order, so SQLite appends to its B-trees, not seeks.
        observation_rows: list[tuple[Any, ...]] = []
        for installation, group in by_installation.items():
            state = states.get(installation)
            if state is None and len(group) == 1:
                # New to the store with one file in this run (the usual case): it is taken whole.
                _take_whole(installation, group[0][1], stamp, tally, new_files, observation_rows)
                continue
            if state is None:
                state = _InstallationState()
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
                    created = stamp(sync.created_at)
                    if _merge_one(path, sync, state, tally, created):
                        new_files.append((installation, sequence, sync.digest, created))
            seen = state.seen
            observation_rows.extend(
                (installation, kind, entity_id, *seen[(kind, entity_id)])
                for kind, entity_id in sorted(state.changed)
            )
        merged_at = stamp(now)
        file_rows = sorted((i, q, d, c, merged_at) for i, q, d, c in new_files)
        _bulk(connection, _files.insert(), _FILE_COLUMNS, file_rows)
        _bulk(connection, _upsert_statement(connection), _OBSERVATION_COLUMNS, observation_rows)


def _take_whole(
    installation: str,
    sync: SyncFile,
    stamp: Callable[[datetime], Any],
    tally: FileTally,
    new_files: list[tuple[str, int, str, Any]],
    observation_rows: list[tuple[Any, ...]],
) -> None:
    """The only file of an installation the store has never seen: every entry is new.

    The same outcome as folding it into an empty state, without building one.
    """
    tally.accepted += 1
    sequence = sync.sequence
    created = stamp(sync.created_at)
    new_files.append((installation, sequence, sync.digest, created))
    entries = sync.entries
    for kind in sorted(entries):
        # Ids are unique within a kind (checked when read), so this sorts by id.
        for entity_id, year, province, detail in sorted(entries[kind]):
            observation_rows.append(
                (installation, kind, entity_id, sequence, created, year, province, detail)
            )
