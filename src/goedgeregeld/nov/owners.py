"""Who owns an id's attributes, and how a merge changes the maintained totals: pure rules.

Every installation that reported an id has a row for it; the owner's row (the earliest
``first_merged_at``, then ``first_reported_at``, then installation id) gives the id's
year, province and detail, and so the one cell of the totals it counts in. A merge only
touches the ids of the files it takes, so the totals change by what those ids counted in
before and after: the cost follows the new files, not the size of the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

Row = Sequence[Any]
"""(installation, kind, entity, sequence, reported_at, year, province, detail,
first_merged_at, first_reported_at): an observation as ``merge`` writes it."""
Key = tuple[str, str]
Cell = tuple[str, int, str | None, str | None]
"""(kind, year, province, detail)"""


def owner(reports: Iterable[Row]) -> Row:
    """The row that speaks for an id: the first installation to report it to NOV."""
    return min(reports, key=lambda row: (row[8], row[9], row[0]))


def cell_of(row: Row) -> Cell:
    """The totals cell an id counts in, from its owner's row."""
    return (row[1], row[5], row[6], row[7])


def replaces(old: Row | None, new: Row) -> bool:
    """Whether the upsert writes ``new`` over ``old`` (same installation and id).

    A newer file's row, or the same file's row with an earlier first report (an older
    file of the same run read later): exactly the upsert's condition in SQL.
    """
    return old is None or old[3] < new[3] or (old[3] == new[3] and old[9] > new[9])


def total_changes(
    before: dict[Key, dict[str, Row]],
    written: Iterable[Row],
    removed: Iterable[tuple[str, str, str]],
) -> Counter[Cell]:
    """How each totals cell changes when ``written`` rows are upserted and ``removed`` deleted.

    ``before`` holds, for every id the merge touches, every installation's row as the
    store has it now (an id new to the store is simply absent).
    """
    if not before:
        return _new_ids(written, removed)
    # Ids no installation reported before (most, in a first load) count where their
    # first reporter among ``written`` puts them; only the others need the comparison.
    fresh: list[Row] = []
    stored: list[Row] = []
    for row in written:
        (stored if before.get((row[1], row[2])) else fresh).append(row)
    delta = _new_ids(fresh, ())
    after: dict[Key, dict[str, Row]] = {}
    for key, reports in before.items():
        if reports:
            delta[cell_of(owner(reports.values()))] -= 1
            after[key] = dict(reports)
    for row in stored:
        reports = after[(row[1], row[2])]
        if replaces(reports.get(row[0]), row):
            reports[row[0]] = row
    for installation, kind, entity in removed:
        after.get((kind, entity), {}).pop(installation, None)
    for reports in after.values():
        if reports:
            delta[cell_of(owner(reports.values()))] += 1
    return Counter({cell: n for cell, n in delta.items() if n})


def _new_ids(written: Iterable[Row], removed: Iterable[tuple[str, str, str]]) -> Counter[Cell]:
    """``total_changes`` when none of the ids is in the store yet (a new store, a new run).

    Every written row is new, at most one per installation and id: the owner per id is
    the least (first_merged_at, first_reported_at, installation) among them.
    """
    best: dict[Key, Row] = {}
    rank: dict[Key, tuple[Any, Any, str]] = {}
    for row in written:
        key = (row[1], row[2])
        order = (row[8], row[9], row[0])
        known = rank.get(key)
        if known is None or order < known:
            rank[key] = order
            best[key] = row
    for _installation, kind, entity in removed:  # pragma: no cover - nothing stored to remove
        raise ValueError(f"removed {kind} {entity} from a store that did not hold it")
    return Counter(cell_of(row) for row in best.values())
