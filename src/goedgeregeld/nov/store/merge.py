"""Merge validated sync files into the NOV store: a union per kind of id, in one transaction.

This side loads what the store knows of the installations in a run, hands each
installation's files to ``merge_rules`` in canonical order (so the outcome never depends
on the order the files were found in) and writes the rows that produces in bulk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, and_, bindparam, or_, select

from goedgeregeld.nov.files import FileTally
from goedgeregeld.nov.merge_rules import (
    InstallationState,
    MergeBatch,
    PathFile,
    canonical,
    merge_installation,
)
from goedgeregeld.nov.owners import total_changes
from goedgeregeld.nov.store.bulk import bulk_write, select_in
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.installations import number_in, numbers_in
from goedgeregeld.nov.store.links import fold_links_in
from goedgeregeld.nov.store.models import MergedFile, Observation, entity_key
from goedgeregeld.nov.store.quarantine import ACCEPTED, HeldFile, decide_in, hold_in
from goedgeregeld.nov.store.totals import (
    REPORT_COLUMNS,
    add_to_totals,
    rebuild_totals_in,
    reports_for,
)
from goedgeregeld.nov.store.trust import pin_signers_in
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.errors import StoreError

_files = cast(Table, MergedFile.__table__)
_observations = cast(Table, Observation.__table__)


_FILES_OF = "SELECT installation_id, sequence, digest FROM nov_file WHERE"
_OBSERVATIONS_OF = f"SELECT {REPORT_COLUMNS} FROM nov_observation WHERE"


def _load_state(
    connection: Connection,
    installations: Sequence[str],
    numbers: dict[str, int],
) -> tuple[dict[str, InstallationState], bool]:
    """What the store knows of each installation in ``installations``, and if it is empty.

    Installations the store has never seen get no state; ``merge_rules`` starts them afresh.
    Only the run's own installations are looked up (by number), never the whole store.
    ``numbers`` gets the number of each installation the store has seen.
    """
    states: dict[str, InstallationState] = {}
    numbers.update(numbers_in(connection, sorted(installations)))
    if connection.scalar(select(_files.c.installation_no).limit(1)) is None:
        return states, True
    known = sorted(numbers.values())
    for inst, sequence, digest in select_in(connection, _FILES_OF, "installation_no", known):
        state = states.get(inst)
        if state is None:
            state = states[inst] = InstallationState()
        state.sequences[sequence] = digest
        state.digests.add(digest)
    for row in select_in(connection, _OBSERVATIONS_OF, "installation_no", known):
        states[row[0]].seen[(row[1], row[2])] = row[3:]
    return states, False


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
            _observations.c.installation_no,
            _observations.c.kind,
            _observations.c.entity_id,
        ],
        set_={
            "sequence": excluded.sequence,
            "reported_at": excluded.reported_at,
            "year": excluded.year,
            "province": excluded.province,
            "detail": excluded.detail,
            "first_merged_at": excluded.first_merged_at,
            "first_reported_at": excluded.first_reported_at,
        },
        # A newer file's row, or an earlier first report of the same file's row (an older
        # file of the run read in a later part): as ``nov.owners.replaces`` says.
        where=or_(
            _observations.c.sequence < excluded.sequence,
            and_(
                _observations.c.sequence == excluded.sequence,
                _observations.c.first_reported_at > excluded.first_reported_at,
            ),
        ),
    )


# In the tables' column order, so rows go to the driver as they are built.
_FILE_COLUMNS = (
    "installation_id",
    "sequence",
    "digest",
    "created_at",
    "merged_at",
    "installation_no",
)
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
    "installation_no",
    "entity_key",
)


def _timestamp_adapter(connection: Connection) -> Callable[[datetime], Any]:
    """How a timestamp goes to the driver: SQLite stores SQLAlchemy's ISO text, others take it as is."""
    if connection.dialect.name == "sqlite":
        return lambda moment: moment.isoformat(" ")
    return lambda moment: moment


def refresh_statistics(connection: Connection) -> None:
    """PostgreSQL: let the planner see the rows a run just wrote.

    After the first part of a first load its statistics still say the tables are empty
    (autovacuum has not run within the transaction), so every later look-up by id in the
    same run would scan the table. After a large run they still describe the store as it
    was: the next run's look-ups for a weekly batch then scanned the tables (1.65 times an
    empty store's cost instead of 1.2) until autovacuum came round.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            "ANALYZE nov_observation, nov_file, nov_installation, nov_known_file"
        )


def merge_into_store(
    store: NovStore,
    files: Sequence[PathFile],
    tally: FileTally,
    *,
    hold: Sequence[HeldFile] = (),
    accepting: int | None = None,
) -> None:
    """``merge_in`` in a transaction of its own: all of it commits or none of it does."""
    with store.begin() as connection:
        merge_in(connection, files, tally, hold=hold, accepting=accepting)


def merge_in(
    connection: Connection,
    files: Sequence[PathFile],
    tally: FileTally,
    *,
    hold: Sequence[HeldFile] = (),
    accepting: int | None = None,
    now: datetime | None = None,
) -> None:
    """Merge validated files and hold ``hold`` in quarantine, in the caller's transaction.

    The totals change by what the merged ids changed: the rows of those ids are read
    before and the new ones are known, so the cost follows the files, not the store.
    With ``accepting``, the one file is NOV's pick from the quarantine: it is marked
    accepted in the same transaction, and if the merge refuses it nothing changes.
    ``now`` is the run's one merge time (several calls in one run share it).
    """
    # Link statements first (chainid): an old id folds into its key-derived one, and files
    # naming it merge as the new id's. Keep this before grouping, in this transaction.
    merged = fold_links_in(connection, files)
    folded = any(sync.link is not None for _path, sync in files)
    by_installation: dict[str, list[PathFile]] = {}
    for item in merged:
        group = by_installation.get(item[1].installation_id)
        if group is None:
            by_installation[item[1].installation_id] = [item]
        else:
            group.append(item)
    stamp = _timestamp_adapter(connection)
    numbers: dict[str, int] = {}
    states, was_empty = _load_state(connection, list(by_installation), numbers)
    batch = MergeBatch(tally, stamp, now or utc_now())
    # Installations in key order, so SQLite appends to its B-trees rather than seeks.
    for installation in sorted(by_installation):
        group = by_installation[installation]
        if len(group) > 1:
            group.sort(key=canonical)
        merge_installation(installation, group, states.get(installation), batch)
    before = {}
    if not was_empty:
        keys = [(row[1], row[2]) for row in batch.observations]
        keys += [(kind, entity) for _i, kind, entity in batch.removed]
        before = reports_for(connection, keys)
    # New installations are numbered after every one the store has: their rows go last.
    number_in(connection, (row[0] for row in batch.files), numbers)
    batch.files.sort()
    bulk_write(
        connection, _files.insert(), _FILE_COLUMNS, [(*r, numbers[r[0]]) for r in batch.files]
    )
    if batch.removed:
        o = _observations.c
        connection.execute(
            _observations.delete().where(
                o.installation_no == bindparam("n"),
                o.kind == bindparam("k"),
                o.entity_id == bindparam("e"),
            ),
            [{"n": numbers[i], "k": k, "e": e} for i, k, e in batch.removed],
        )
    rows = [(*r, numbers[r[0]], entity_key(r[2])) for r in batch.observations]
    # One path whatever the store holds: the index by id number is small enough to take
    # each new row where it belongs (building it afresh only ever helped a first part).
    bulk_write(connection, _upsert_statement(connection), _OBSERVATION_COLUMNS, rows)
    if was_empty and rows:
        refresh_statistics(connection)
    if folded:
        rebuild_totals_in(connection)  # a fold moved rows under another id: count afresh
    else:
        add_to_totals(connection, total_changes(before, batch.observations, batch.removed))
    if accepting is not None:
        if tally.rejected:
            raise StoreError(tally.rejected[0].reason)  # rolls back: nothing changes
        decide_in(connection, accepting, ACCEPTED)
    hold_in(connection, hold)
    # The signers' keys are pinned with what their files added: together or not at all.
    pin_signers_in(connection, files, tally)
