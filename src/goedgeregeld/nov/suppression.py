"""Small-cell suppression for what NOV publishes, with complementary suppression.

A count from 1 to 4 is hidden (primary suppression). Hiding it alone is not enough when the
table also publishes totals: the total minus the visible cells gives it back. So more cells
are hidden until no hidden cell follows from the published totals by any sum or difference
of them (checked by exact linear algebra, not only "two per line"). A zero is never hidden
for itself: nobody is there to be recognised.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

SMALL_COUNT = 5
"""Counts from 1 up to this (not included) are never published."""

C = TypeVar("C", bound=Hashable)

Line = Sequence[tuple[C, int]]
"""A published relation: the cells with their coefficients sum to a known number."""


def is_small(count: int) -> bool:
    """A count that would make an organisation or adviser recognisable: 1 to 4."""
    return 0 < count < SMALL_COUNT


def suppressed(
    values: Mapping[C, int], lines: Sequence[Line[C]], protected: frozenset[C] = frozenset()
) -> set[C]:
    """Which cells to hide: every small count, and enough others that none can be derived.

    ``lines`` are the relations a reader knows (a row and its published total, a column and
    its total); a total that is itself a cell of the table is in the line with coefficient
    -1. ``protected`` cells (national totals) are published whatever they are. Extra cells
    are chosen smallest first, so the least information is lost; ties go by cell order.
    """
    hidden = {cell for cell, count in values.items() if is_small(count) and cell not in protected}
    while True:
        exposed = derivable(hidden, lines)
        if not exposed:
            return hidden
        partner = _partner(exposed, hidden, values, lines, protected)
        if partner is None:
            # Only a line of one cell (its total is the cell) has no partner; the tables
            # NOV publishes have a row per province, so this means a wrong table.
            raise ValueError(f"cannot protect {sorted(exposed, key=repr)!r}")
        hidden.add(partner)


def _partner(
    exposed: set[C],
    hidden: set[C],
    values: Mapping[C, int],
    lines: Sequence[Line[C]],
    protected: frozenset[C],
) -> C | None:
    """The visible cell to hide next, from the lines of the exposed cells."""
    shared: dict[C, int] = {}
    for line in lines:
        members = [cell for cell, _ in line]
        near = sum(1 for cell in members if cell in exposed)
        if not near:
            continue
        for other in members:
            if other not in hidden and other not in protected and other in values:
                shared[other] = shared.get(other, 0) + near
    if not shared:
        return None
    # Beside the most exposed cells first (one hidden cell can cover two), then smallest.
    return min(shared, key=lambda other: (-shared[other], values[other], repr(other)))


def derivable(hidden: set[C], lines: Sequence[Line[C]]) -> set[C]:
    """The hidden cells whose value follows from the lines (visible cells being known).

    A cell is determined exactly when its unit vector lies in the row space of the lines
    restricted to the hidden cells: in reduced row echelon form, a row with that cell alone.
    The elimination runs modulo a large prime, exact and fast for coefficients of 0 and 1.
    """
    order = sorted(hidden, key=repr)
    column = {cell: i for i, cell in enumerate(order)}
    rows: list[list[int]] = []
    for line in lines:
        row = [0] * len(order)
        for cell, coefficient in line:
            if cell in column:
                row[column[cell]] = (row[column[cell]] + coefficient) % _PRIME
        if any(row):
            rows.append(row)
    pivots = _reduce(rows, len(order))
    return {
        order[pivot]
        for row, pivot in zip(rows, pivots, strict=False)
        if sum(1 for value in row if value) == 1
    }


_PRIME = 2**61 - 1
"""A field big enough that no minor of a table of 0/1 lines is a multiple of it in practice."""


def _reduce(rows: list[list[int]], width: int) -> list[int]:
    """Bring ``rows`` to reduced row echelon form (mod ``_PRIME``) in place; the pivot columns."""
    pivots: list[int] = []
    top = 0
    for col in range(width):
        found = next((r for r in range(top, len(rows)) if rows[r][col]), None)
        if found is None:
            continue
        rows[top], rows[found] = rows[found], rows[top]
        inverse = pow(rows[top][col], -1, _PRIME)
        pivot_row = [value * inverse % _PRIME for value in rows[top]]
        rows[top] = pivot_row
        for r in range(len(rows)):
            factor = rows[r][col]
            if r != top and factor:
                rows[r] = [
                    (a - factor * b) % _PRIME for a, b in zip(rows[r], pivot_row, strict=True)
                ]
        pivots.append(col)
        top += 1
    del rows[top:]
    return pivots
