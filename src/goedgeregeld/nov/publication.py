"""What NOV publishes: the same figures with small counts hidden, and none derivable.

The jaaroverzicht PDF and the publication CSV read one suppression per table (provinces by
year with an "alle jaren" total; size class or variant by year), so combining the two
publications gives nothing back either. NOV's own views stay exact (``nov.overview``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from goedgeregeld.exchange.sync.format import KIND_NAMES, UNKNOWN_PROVINCE
from goedgeregeld.nov.overview import (
    ALL_YEARS,
    CSV_HEADER,
    DETAILS,
    KIND_LABELS,
    NATIONAL,
    PROVINCE_KINDS,
    province_names,
    write_rows,
)
from goedgeregeld.nov.store.figures import KindFigures, NationalFigures
from goedgeregeld.nov.suppression import SMALL_COUNT, suppressed

HIDDEN = "x"
"""A count that is not published (in the PDF table; the publication CSV leaves it empty)."""
HIDDEN_NOTE = (
    f"'{HIDDEN}' staat voor een aantal dat niet wordt gepubliceerd. Aantallen van 1 tot en met "
    f"{SMALL_COUNT - 1} staan er niet in, zodat geen organisatie of adviseur herkenbaar is; "
    "daarom zijn ook zoveel andere aantallen weggelaten dat geen verborgen aantal uit de "
    "totalen is terug te rekenen."
)
"""The footnote under a published table that hides counts."""
UNKNOWN_NOTE = f"'{UNKNOWN_PROVINCE}' is een organisatie of adviseur zonder provincie."
"""The footnote for the row of counts without a province, only when that row is there."""
PUBLICATION_HEADER = [*CSV_HEADER, "opmerking"]
PUBLICATION_HIDDEN = "niet gepubliceerd: klein aantal, of nodig om een klein aantal te verbergen"

Cell = tuple[str, str]


@dataclass(frozen=True)
class PublishedTable:
    """A table of counts (rows by columns) with the cells that may not be published."""

    rows: list[str]
    columns: list[str]
    counts: dict[Cell, int]
    hidden: set[Cell] = field(default_factory=set)

    def shown(self, row: str, column: str) -> str:
        """The cell as printed: the number, or ``HIDDEN``; a column not in the table is 0."""
        if (row, column) in self.hidden:
            return HIDDEN
        return str(self.counts.get((row, column), 0))


def published_table(
    counts: dict[Cell, int], rows: list[str], columns: list[str], total_column: str
) -> PublishedTable:
    """Hide what must be hidden, knowing each column's total and each row's total.

    ``total_column`` holds each row's total; the column totals are national counts that
    are published in full, so they are known to every reader.
    """
    lines: list[list[tuple[Cell, int]]] = [
        [((row, column), 1) for row in rows] for column in columns
    ]
    parts = [c for c in columns if c != total_column]
    lines += [[((row, c), 1) for c in parts] + [((row, total_column), -1)] for row in rows]
    return PublishedTable(rows, columns, counts, suppressed(counts, lines))


def _columns(years: list[int]) -> list[str]:
    return [*(str(y) for y in years), ALL_YEARS]


def _year(column: str) -> int | None:
    return None if column == ALL_YEARS else int(column)


def province_table(figures: NationalFigures, kind: str) -> PublishedTable:
    """Per province and year (and all years) one kind's counts, as published."""
    numbers: KindFigures = figures[kind]
    names, columns = province_names(figures), _columns(figures.years())
    by_column = {column: numbers.by_province(_year(column)) for column in columns}
    counts = {(n, c): by_column[c].get(n, 0) for n in names for c in columns}
    return published_table(counts, names, columns, ALL_YEARS)


def detail_table(figures: NationalFigures, kind: str) -> PublishedTable:
    """Per size class or variant and year one kind's national counts, as published."""
    numbers: KindFigures = figures[kind]
    columns = _columns(figures.years())
    by_column = {column: numbers.by_detail(_year(column)) for column in columns}
    labels = [label for _value, label in DETAILS[kind]]
    counts = {
        (label, c): by_column[c].get(value, 0) for value, label in DETAILS[kind] for c in columns
    }
    return published_table(counts, labels, columns, ALL_YEARS)


def publication_rows(figures: NationalFigures) -> list[list[object]]:
    """The publication CSV: national counts in full, per province and detail as published."""
    years = figures.years()
    out: list[list[object]] = []
    for kind in KIND_NAMES:
        numbers, label = figures[kind], KIND_LABELS[kind]
        for year in [*years, None]:
            total = numbers.total if year is None else numbers.in_year(year)
            out.append([label, ALL_YEARS if year is None else year, NATIONAL, "", total, ""])
        tables = []
        if kind in PROVINCE_KINDS:
            tables.append((True, province_table(figures, kind)))
        if kind in DETAILS:
            tables.append((False, detail_table(figures, kind)))
        for by_province, table in tables:
            for row in table.rows:
                for column in table.columns:
                    hidden = (row, column) in table.hidden
                    out.append(
                        [
                            label,
                            ALL_YEARS if column == ALL_YEARS else int(column),
                            row if by_province else NATIONAL,
                            "" if by_province else row,
                            "" if hidden else table.counts[(row, column)],
                            PUBLICATION_HIDDEN if hidden else "",
                        ]
                    )
    return out


def write_publication_csv(figures: NationalFigures, path: Path) -> None:
    """The CSV NOV may publish: hidden counts left empty, with the reason beside them."""
    write_rows(path, PUBLICATION_HEADER, publication_rows(figures))
