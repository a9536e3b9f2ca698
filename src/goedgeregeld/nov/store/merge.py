"""Merge validated sync files into the NOV store: a union per kind of id, in one transaction.

This side loads what the store knows of the installations in a run, hands each
installation's files to ``merge_rules`` in canonical order (so the outcome never depends
on the order the files were found in) and writes the rows that produces in bulk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select

from goedgeregeld.nov.files import FileTally
from goedgeregeld.nov.merge_rules import (
    InstallationState,
    MergeBatch,
    PathFile,
    canonical,
    merge_installation,
)
from goedgeregeld.nov.store.bulk import bulk_write
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.links import fold_links_in
from goedgeregeld.nov.store.models import MergedFile, Observation
from goedgeregeld.nov.store.quarantine import ACCEPTED, HeldFile, decide_in, hold_in
from goedgeregeld.nov.store.trust import pin_signers_in
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.errors import StoreError

_files = cast(Table, MergedFile.__table__)
_observations = cast(Table, Observation.__table__)
_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _load_state(
    connection: Connection, installations: Sequence[str], stamp: Callable[[datetime], Any]
) -> tuple[dict[str, InstallationState], bool]:
    """What the store knows of each installation in ``installations``, and if it is empty.

    Installations the store has never seen get no state; ``merge_rules`` starts them afresh.
    """
    # One cheap scan of the key prefix first: installations never seen need no lookup at all.
    known = set(connection.scalars(select(_files.c.installation_id).distinct()))
    states = {i: InstallationState() for i in installations if i in known}
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
                o.first_merged_at,
                o.first_reported_at,
            ).where(o.installation_id.in_(chunk))
        ):
            states[row[0]].seen[(row[1], row[2])] = (
                row[3],
                stamp(row[4]),
                row[5],
                row[6],
                row[7],
                _maybe(stamp, row[8]),
                _maybe(stamp, row[9]),
            )
    return states, not known


def _maybe(stamp: Callable[[datetime], Any], moment: datetime | None) -> Any:
    return None if moment is None else stamp(moment)


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
    "first_merged_at",
    "first_reported_at",
)


def _timestamp_adapter(connection: Connection) -> Callable[[datetime], Any]:
    """How a timestamp goes to the driver: SQLite stores SQLAlchemy's ISO text, others take it as is."""
    if connection.dialect.name == "sqlite":
        return lambda moment: moment.isoformat(" ")
    return lambda moment: moment


def merge_into_store(
    store: NovStore,
    files: Sequence[PathFile],
    tally: FileTally,
    *,
    hold: Sequence[HeldFile] = (),
    accepting: int | None = None,
) -> list[tuple[Any, ...]] | None:
    """Merge validated files and hold ``hold`` in quarantine; all of it commits or none does.

    With ``accepting``, the one file is NOV's pick from the quarantine: it is marked
    accepted in the same transaction, and if the merge refuses it nothing changes.
    Returns every observation row the store holds afterwards when it held none before
    (then this run wrote them all), so the figures need not be read back; else None.
    """
    now = utc_now()
    with store.begin() as connection:
        # Link statements first (chainid): an old id folds into its key-derived one, and files
        # naming it merge as the new id's. Keep this before grouping, in this transaction.
        merged = fold_links_in(connection, files)
        by_installation: dict[str, list[PathFile]] = {}
        for item in merged:
            group = by_installation.get(item[1].installation_id)
            if group is None:
                by_installation[item[1].installation_id] = [item]
            else:
                group.append(item)
        stamp = _timestamp_adapter(connection)
        states, was_empty = _load_state(connection, list(by_installation), stamp)
        batch = MergeBatch(tally, stamp, now)
        # Installations in key order, so SQLite appends to its B-trees rather than seeks.
        for installation in sorted(by_installation):
            group = by_installation[installation]
            if len(group) > 1:
                group.sort(key=canonical)
            merge_installation(installation, group, states.get(installation), batch)
        batch.files.sort()
        bulk_write(connection, _files.insert(), _FILE_COLUMNS, batch.files)
        if batch.removed:
            o = _observations.c
            connection.execute(
                _observations.delete().where(
                    o.installation_id == bindparam("i"),
                    o.kind == bindparam("k"),
                    o.entity_id == bindparam("e"),
                ),
                [{"i": i, "k": k, "e": e} for i, k, e in batch.removed],
            )
        bulk_write(
            connection, _upsert_statement(connection), _OBSERVATION_COLUMNS, batch.observations
        )
        if accepting is not None:
            if tally.rejected:
                raise StoreError(tally.rejected[0].reason)  # rolls back: nothing changes
            decide_in(connection, accepting, ACCEPTED)
        hold_in(connection, hold)
        # The signers' keys are pinned with what their files added: together or not at all.
        pin_signers_in(connection, files, tally)
    return batch.observations if was_empty else None
