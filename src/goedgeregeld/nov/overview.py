"""The figures in words and tables: headline sentences, per province and detail, NOV's CSV.

NOV's own views (the dashboard, ``nov csv``, ``--json``) show exact numbers. Only what NOV
publishes hides small counts: ``nov.publication`` (the jaaroverzicht PDF and the
publication CSV).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from goedgeregeld.base.atomic import write_text_atomically
from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.domain import Variant
from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    KIND_NAMES,
    ORGANISATIONS,
    QUALITY_MARKS,
    SIZE_CLASSES,
    UNKNOWN_PROVINCE,
    VARIANTS,
)
from goedgeregeld.nov.store.figures import KindFigures, NationalFigures
from goedgeregeld.words import VARIANT_LABELS, plural
from goedgeregeld.words.nouns import ADVISER, ORGANISATION

ALL_YEARS = "alle jaren"
NATIONAL = "heel Nederland"

KIND_LABELS = {
    ORGANISATIONS.name: "Nieuwe organisaties met een account",
    EVALUATIONS_COMPLETED.name: "Afgeronde zelfevaluaties",
    ADVISERS.name: "Nieuwe adviseurs",
    QUALITY_MARKS.name: "Toegekende keurmerken",
}
"""Each kind by what one year's count means: new in that year (all years: the total)."""
PROVINCE_KINDS = (ORGANISATIONS.name, ADVISERS.name)
SIZE_LABELS = {
    "klein": "klein (minder dan 25 vrijwilligers)",
    "middel": "middel (25 tot 100 vrijwilligers)",
    "groot": "groot (100 vrijwilligers of meer)",
    "onbekend": "grootte onbekend",
}
DETAILS = {
    ORGANISATIONS.name: [(size, SIZE_LABELS[size]) for size in SIZE_CLASSES],
    EVALUATIONS_COMPLETED.name: [(v, VARIANT_LABELS[Variant(v)]) for v in VARIANTS],
}
"""Per kind with a breakdown: (stored value, Dutch label), in a fixed order."""


def headlines(figures: NationalFigures, year: int) -> list[str]:
    """The annual report's sentences for ``year``, plain Dutch."""
    organisations = figures[ORGANISATIONS.name].in_year(year)
    completed = figures[EVALUATIONS_COMPLETED.name].in_year(year)
    joined = figures[ADVISERS.name].in_year(year)
    network = figures[ADVISERS.name].up_to(year)
    marks = figures[QUALITY_MARKS.name].in_year(year)
    network_text = f"het netwerk telt nu {ADVISER(network)}"
    return [
        f"In {year} maakte geen enkele organisatie een account aan."
        if organisations == 0
        else f"In {year} {plural(organisations, 'maakte', 'maakten')} "
        f"{ORGANISATION(organisations)} een account aan.",
        "Er werd geen zelfevaluatie afgerond."
        if completed == 0
        else f"{completed} {plural(completed, 'zelfevaluatie werd', 'zelfevaluaties werden')} "
        "afgerond.",
        f"Er kwamen geen nieuwe adviseurs bij; {network_text}."
        if joined == 0
        else f"{joined} {plural(joined, 'nieuwe adviseur sloot', 'nieuwe adviseurs sloten')} "
        f"zich aan; {network_text}.",
        "Geen enkele organisatie kreeg het keurmerk."
        if marks == 0
        else f"{marks} {plural(marks, 'organisatie kreeg', 'organisaties kregen')} het keurmerk.",
    ]


def province_names(figures: NationalFigures) -> list[str]:
    """Every province, and "onbekend" only when some count has no province."""
    names = list(PROVINCES)
    if any(UNKNOWN_PROVINCE in figures[k].by_province() for k in PROVINCE_KINDS):
        names.append(UNKNOWN_PROVINCE)
    return names


def province_rows(
    figures: NationalFigures, year: int | None, *, until: bool = False
) -> list[tuple[str, list[int]]]:
    """Per province the exact counts of organisations and advisers.

    Of one ``year``, of every year (None), or with ``until`` of every year up to ``year``.
    """
    counts = {kind: figures[kind].by_province(year, until=until) for kind in PROVINCE_KINDS}
    return [
        (name, [counts[k].get(name, 0) for k in PROVINCE_KINDS]) for name in province_names(figures)
    ]


def detail_rows(
    figures: NationalFigures, kind: str, year: int | None
) -> list[tuple[str, int, int]]:
    """Per size class or variant: (label, count in ``year``, count over all years)."""
    numbers = figures[kind]
    in_year = numbers.by_detail(year) if year is not None else {}
    total = numbers.by_detail()
    return [(label, in_year.get(value, 0), total.get(value, 0)) for value, label in DETAILS[kind]]


# -- NOV's own CSV: exact -----------------------------------------------------------------

CSV_HEADER = ["soort", "jaar", "provincie", "uitsplitsing", "aantal"]


def _rows_of_kind(kind: str, numbers: KindFigures, years: Sequence[int]) -> list[list[object]]:
    """One kind's rows: per year and over all years, nationally, per province and detail."""
    label = KIND_LABELS[kind]
    rows: list[list[object]] = []
    for year in [*years, None]:
        shown: object = ALL_YEARS if year is None else year
        total = numbers.total if year is None else numbers.in_year(year)
        rows.append([label, shown, NATIONAL, "", total])
        if kind in PROVINCE_KINDS:
            for province, count in numbers.by_province(year).items():
                rows.append([label, shown, province, "", count])
        details = dict(DETAILS.get(kind, []))
        for value, count in numbers.by_detail(year).items():
            rows.append([label, shown, NATIONAL, details.get(value, value), count])
    return rows


def write_rows(path: Path, header: list[str], rows: list[list[object]]) -> None:
    """Semicolons and a byte-order mark, so Dutch spreadsheet programs open it as it is."""
    handle = io.StringIO(newline="")
    writer = csv.writer(handle, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    # Whole or not at all, like every export.
    write_text_atomically(path, handle.getvalue(), encoding="utf-8-sig")


def write_csv(figures: NationalFigures, path: Path) -> None:
    """NOV's own CSV: every count exact, per kind, year, province, size class and variant.

    "aantal" is always a whole number, so a spreadsheet can add it up.
    """
    years = figures.years()
    rows = [row for kind in KIND_NAMES for row in _rows_of_kind(kind, figures[kind], years)]
    write_rows(path, CSV_HEADER, rows)
