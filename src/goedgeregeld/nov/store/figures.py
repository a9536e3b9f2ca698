"""National figures from the NOV store: per kind of id, totals per year, province and detail."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    KIND_NAMES,
    ORGANISATIONS,
    QUALITY_MARKS,
    UNKNOWN_PROVINCE,
)
from goedgeregeld.nov.store.assessments import register_mark_cells
from goedgeregeld.nov.store.database import NovStore

# Which kinds carry a province, and what their detail column means in the JSON.
_HAS_PROVINCE = {ORGANISATIONS.name, ADVISERS.name}
_DETAIL_NAME = {ORGANISATIONS.name: "by_size", EVALUATIONS_COMPLETED.name: "by_variant"}

# One row per id: its owner's, the installation that reported it to NOV first (NOV's own
# merge time, then the time of that first report, then installation id), so no other
# installation can move an id to another year or province, and ties never depend on order.
_CUBE = text(
    """
    SELECT kind, year, province, detail, COUNT(*) AS n FROM (
        SELECT kind, year, province, detail, ROW_NUMBER() OVER (
            PARTITION BY kind, entity_id
            ORDER BY first_merged_at, first_reported_at, installation_id
        ) AS rank
        FROM nov_observation
    ) AS owners
    WHERE rank = 1
    GROUP BY kind, year, province, detail
    """
)
# The same on SQLite, faster: its documented "bare columns" rule takes year, province and
# detail from the row that holds MIN(). Timestamps are ISO text there; the space (sorting
# below every character a timestamp can continue with) keeps a shorter timestamp first.
_CUBE_SQLITE = text(
    """
    SELECT kind, year, province, detail, COUNT(*) AS n FROM (
        SELECT kind, year, province, detail,
            MIN(first_merged_at || ' ' || first_reported_at || ' ' || installation_id) AS owner
        FROM nov_observation
        GROUP BY kind, entity_id
    ) AS owners
    GROUP BY kind, year, province, detail
    """
)


@dataclass(frozen=True)
class KindFigures:
    """Counts of one kind of id: ``cells`` maps (year, province, detail) to a count."""

    kind: str
    cells: dict[tuple[int, str | None, str | None], int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many distinct ids."""
        return sum(self.cells.values())

    def by_year(self) -> dict[int, int]:
        """Count per year, oldest first."""
        counts: Counter[int] = Counter()
        for (year, _p, _d), n in self.cells.items():
            counts[year] += n
        return dict(sorted(counts.items()))

    def by_province(self, year: int | None = None, *, until: bool = False) -> dict[str, int]:
        """Count per province (unknown as ``onbekend``).

        Of all years, of one ``year``, or with ``until`` of every year up to and including it.
        """
        counts: Counter[str] = Counter()
        for (y, province, _d), n in self.cells.items():
            if year is None or y == year or (until and y < year):
                counts[province or UNKNOWN_PROVINCE] += n
        return dict(sorted(counts.items()))

    def by_detail(self, year: int | None = None) -> dict[str, int]:
        """Count per size class or variant, of all years or of one ``year``."""
        counts: Counter[str] = Counter()
        for (y, _p, detail), n in self.cells.items():
            if detail is not None and (year is None or y == year):
                counts[detail] += n
        return dict(sorted(counts.items()))

    def in_year(self, year: int) -> int:
        """How many ids have this year."""
        return sum(n for (y, _p, _d), n in self.cells.items() if y == year)

    def up_to(self, year: int) -> int:
        """How many ids have this year or an earlier one (e.g. advisers in the network)."""
        return sum(n for (y, _p, _d), n in self.cells.items() if y <= year)

    def to_json(self) -> dict[str, Any]:
        """``total``, ``by_year`` (year as string) and, where the data has it, ``by_province``."""
        data: dict[str, Any] = {
            "total": self.total,
            "by_year": {str(y): n for y, n in self.by_year().items()},
        }
        if self.kind in _HAS_PROVINCE:
            data["by_province"] = self.by_province()
        if self.kind in _DETAIL_NAME:
            data[_DETAIL_NAME[self.kind]] = self.by_detail()
        return data


@dataclass(frozen=True)
class NationalFigures:
    """The figures of every kind, as merged so far."""

    kinds: dict[str, KindFigures]

    def __getitem__(self, kind: str) -> KindFigures:
        return self.kinds[kind]

    def years(self) -> list[int]:
        """Every year that has any count, oldest first."""
        return sorted({y for k in self.kinds.values() for (y, _p, _d) in k.cells})

    def to_json(self) -> dict[str, Any]:
        """One object per kind, keyed by kind name."""
        return {name: self.kinds[name].to_json() for name in KIND_NAMES}


def figures_from_observations(rows: Iterable[Sequence[Any]]) -> NationalFigures:
    """The count ``national_figures`` makes, from every observation row of a store at hand.

    Rows as ``merge`` writes them: (installation, kind, entity, sequence, reported_at,
    year, province, detail, first_merged_at, first_reported_at). Per id its owner's row
    counts, chosen exactly as in the SQL above.
    """
    owners: dict[tuple[str, str], Sequence[Any]] = {}
    for row in rows:
        key = (row[1], row[2])
        best = owners.get(key)
        if best is None or (row[8], row[9], row[0]) < (best[8], best[9], best[0]):
            owners[key] = row
    cells: dict[str, dict[tuple[int, str | None, str | None], int]] = {k: {} for k in KIND_NAMES}
    for row in owners.values():
        kind_cells = cells.get(row[1])
        if kind_cells is not None:
            cell = (row[5], row[6], row[7])
            kind_cells[cell] = kind_cells.get(cell, 0) + 1
    return NationalFigures({k: KindFigures(k, cells[k]) for k in KIND_NAMES})


def national_figures(store: NovStore) -> NationalFigures:
    """Count every distinct id once, with the attributes of its most recent report."""
    cells: dict[str, dict[tuple[int, str | None, str | None], int]] = {k: {} for k in KIND_NAMES}
    with store.begin() as connection:
        cube = _CUBE_SQLITE if connection.dialect.name == "sqlite" else _CUBE
        for kind, year, province, detail, n in connection.execute(cube):
            if kind in cells:
                cells[kind][(int(year), province, detail)] = int(n)
        # Marks come from NOV's own register, never from what sync files claim.
        cells[QUALITY_MARKS.name] = register_mark_cells(connection)
    return NationalFigures({k: KindFigures(k, cells[k]) for k in KIND_NAMES})


def with_register_marks(store: NovStore, figures: NationalFigures) -> NationalFigures:
    """``figures`` counted in memory, with the keurmerk count from NOV's register."""
    with store.begin() as connection:
        cells = register_mark_cells(connection)
    return NationalFigures(
        {**figures.kinds, QUALITY_MARKS.name: KindFigures(QUALITY_MARKS.name, cells)}
    )
