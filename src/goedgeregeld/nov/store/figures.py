"""National figures from the NOV store: per kind of id, totals per year, province and detail."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    KIND_NAMES,
    ORGANISATIONS,
    QUALITY_MARKS,
    UNKNOWN_PROVINCE,
)
from goedgeregeld.nov.owners import total_changes
from goedgeregeld.nov.store.assessments import register_mark_cells
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.totals import read_totals, recount

# Which kinds carry a province, and what their detail column means in the JSON.
_HAS_PROVINCE = {ORGANISATIONS.name, ADVISERS.name}
_DETAIL_NAME = {ORGANISATIONS.name: "by_size", EVALUATIONS_COMPLETED.name: "by_variant"}


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
    """The figures of a store holding exactly these observation rows, as ``merge`` writes them.

    Each id counts in its owner's cell, as ``nov.owners`` chooses it.
    """
    changes = total_changes({}, rows, [])
    return _from_cells((*cell, n) for cell, n in changes.items())


def _from_cells(rows: Iterable[tuple[str, int, str | None, str | None, int]]) -> NationalFigures:
    cells: dict[str, dict[tuple[int, str | None, str | None], int]] = {k: {} for k in KIND_NAMES}
    for kind, year, province, detail, n in rows:
        if kind in cells and n:
            cells[kind][(year, province, detail)] = n
    return NationalFigures({k: KindFigures(k, cells[k]) for k in KIND_NAMES})


def figures_in(connection: Connection) -> NationalFigures:
    """The figures as the store keeps them, in the caller's transaction (a few hundred rows).

    Quality marks come from NOV's register of issued certificates, not from sync files.
    """
    return _with_marks(_from_cells(read_totals(connection)), register_mark_cells(connection))


def national_figures(store: NovStore) -> NationalFigures:
    """Every distinct id once, in its owner's year, province and detail (maintained totals)."""
    with store.begin() as connection:
        return figures_in(connection)


def recounted_figures(store: NovStore) -> NationalFigures:
    """The same figures counted afresh from every observation (for checks; reads every row)."""
    with store.begin() as connection:
        counts = recount(connection)
        marks = register_mark_cells(connection)
    return _with_marks(_from_cells((*cell, n) for cell, n in counts.items()), marks)


def with_register_marks(store: NovStore, figures: NationalFigures) -> NationalFigures:
    """``figures`` counted in memory, with the keurmerk count from NOV's register."""
    with store.begin() as connection:
        cells = register_mark_cells(connection)
    return _with_marks(figures, cells)


def _with_marks(
    figures: NationalFigures, cells: dict[tuple[int, str | None, str | None], int]
) -> NationalFigures:
    # Marks come from NOV's own register, never from what sync files claim.
    return NationalFigures(
        {**figures.kinds, QUALITY_MARKS.name: KindFigures(QUALITY_MARKS.name, cells)}
    )
