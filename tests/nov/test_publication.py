"""Small-cell suppression: every small count hidden, and none of them derivable from totals."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from goedgeregeld.nov.publication import published_table, write_publication_csv
from goedgeregeld.nov.store.figures import KindFigures, NationalFigures
from goedgeregeld.nov.suppression import derivable, is_small, suppressed


def _determined(hidden: set, lines: list) -> set:
    """Independent of the module: x_j is fixed when adding e_j keeps the rank (over Q)."""
    order = sorted(hidden, key=repr)
    matrix = [[Fraction(sum(c for cell, c in line if cell == h)) for h in order] for line in lines]
    base = _rank(matrix)
    return {
        h
        for j, h in enumerate(order)
        if _rank([*matrix, [Fraction(int(i == j)) for i in range(len(order))]]) == base
    }


def _rank(rows: list[list[Fraction]]) -> int:
    rows = [list(r) for r in rows if any(r)]
    rank, width = 0, len(rows[0]) if rows else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col]:
                f = rows[r][col] / rows[rank][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def _lines(rows: list[str], columns: list[str]) -> list:
    """Column totals and row totals (the last column) are published."""
    lines = [[((r, c), 1) for r in rows] for c in columns]
    lines += [[((r, c), 1) for c in columns[:-1]] + [((r, columns[-1]), -1)] for r in rows]
    return lines


def test_one_small_count_in_a_column_takes_a_second_with_it() -> None:
    # Published: the column's total 700. Hiding only Zeeland's 3 would leave 700 - 697.
    values = {("Utrecht", "n"): 697, ("Zeeland", "n"): 3, ("Drenthe", "n"): 9}
    lines = [[(cell, 1) for cell in values]]
    hidden = suppressed(values, lines)
    assert ("Zeeland", "n") in hidden and len(hidden) == 2
    assert derivable({("Zeeland", "n")}, lines) == {("Zeeland", "n")}
    assert derivable(hidden, lines) == set()


def test_a_bridge_between_two_hidden_squares_is_caught() -> None:
    # Two per line is not enough: a cell joining two cycles follows from the totals.
    rows, columns = ["a", "b", "c", "d"], ["1", "2", "3", "4", "alle"]
    hidden = {("a", "1"), ("a", "2"), ("b", "1"), ("b", "2"), ("c", "3"), ("c", "4")}
    hidden |= {("d", "3"), ("d", "4"), ("b", "3"), ("c", "2")}
    lines = _lines(rows, columns)
    assert derivable(hidden, lines) == _determined(hidden, lines)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([0, 0, 1, 2, 3, 4, 5, 7, 12, 40]), min_size=3, max_size=5),
        min_size=2,
        max_size=6,
    ).filter(lambda table: len({len(row) for row in table}) == 1)
)
def test_no_hidden_count_follows_from_the_published_totals(table: list[list[int]]) -> None:
    rows = [f"p{i}" for i in range(len(table))]
    columns = [f"y{j}" for j in range(len(table[0]))] + ["alle"]
    counts = {}
    for name, values in zip(rows, table, strict=True):
        counts.update({(name, f"y{j}"): v for j, v in enumerate(values)})
        counts[(name, "alle")] = sum(values)
    published = published_table(counts, rows, columns, "alle")
    assert {cell for cell, v in counts.items() if is_small(v)} <= published.hidden
    assert _determined(published.hidden, _lines(rows, columns)) == set()


def test_the_publication_csv_hides_small_counts_and_keeps_a_numeric_column(
    tmp_path: Path,
) -> None:
    figures = NationalFigures(
        {
            "organisations": KindFigures(
                "organisations",
                {(2020, "Utrecht", "klein"): 697, (2020, "Zeeland", "groot"): 3},
            ),
            "evaluations_completed": KindFigures(
                "evaluations_completed", {(2020, None, "full"): 120, (2020, None, "small"): 2}
            ),
            "advisers": KindFigures("advisers", {(2020, "Utrecht", None): 13}),
            "quality_marks": KindFigures("quality_marks", {(2020, None, None): 1}),
        }
    )
    path = tmp_path / "publicatie.csv"
    write_publication_csv(figures, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert all(r["aantal"].isdigit() or (r["aantal"] == "" and r["opmerking"]) for r in rows)
    zeeland = [r for r in rows if r["provincie"] == "Zeeland" and r["soort"].startswith("Nieuwe o")]
    assert zeeland and all(r["aantal"] == "" for r in zeeland)
    national = {
        (r["soort"], r["jaar"]): r["aantal"]
        for r in rows
        if r["provincie"] == "heel Nederland" and not r["uitsplitsing"]
    }
    # National counts are published in full, small or not.
    assert national[("Toegekende keurmerken", "2020")] == "1"
    small = [r for r in rows if r["uitsplitsing"] == "korte versie"]
    assert small and all(r["aantal"] == "" for r in small)
