"""The published shape of the figures: headline sentences, small-count masking, CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from goedgeregeld.base.atomic import write_text_atomically
from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    KIND_NAMES,
    ORGANISATIONS,
    QUALITY_MARKS,
)
from goedgeregeld.nov.store.figures import NationalFigures
from goedgeregeld.words import plural as _plural

SMALL_COUNT = 5
"""Per-province counts below this are published as "< 5": no single organisation stands out."""
MASKED = f"< {SMALL_COUNT}"

KIND_LABELS = {
    ORGANISATIONS.name: "Organisaties met een account",
    EVALUATIONS_COMPLETED.name: "Afgeronde zelfevaluaties",
    ADVISERS.name: "Adviseurs",
    QUALITY_MARKS.name: "Keurmerken toegekend",
}
PROVINCE_KINDS = (ORGANISATIONS.name, ADVISERS.name)


def published_count(count: int) -> str:
    """A count as it may appear in a per-province table: exact from 5, else "< 5".

    Zero stays 0: that nobody is there reveals no one.
    """
    return str(count) if count == 0 or count >= SMALL_COUNT else MASKED


def headlines(figures: NationalFigures, year: int) -> list[str]:
    """The annual report's sentences for ``year``, plain Dutch."""
    organisations = figures[ORGANISATIONS.name].in_year(year)
    completed = figures[EVALUATIONS_COMPLETED.name].in_year(year)
    joined = figures[ADVISERS.name].in_year(year)
    network = figures[ADVISERS.name].up_to(year)
    marks = figures[QUALITY_MARKS.name].in_year(year)
    network_text = f"het netwerk telt nu {network} {_plural(network, 'adviseur', 'adviseurs')}"
    return [
        f"In {year} maakte geen enkele organisatie een account aan."
        if organisations == 0
        else f"In {year} {_plural(organisations, 'maakte', 'maakten')} {organisations} "
        f"{_plural(organisations, 'organisatie', 'organisaties')} een account aan.",
        "Er werd geen zelfevaluatie afgerond."
        if completed == 0
        else f"{completed} {_plural(completed, 'zelfevaluatie werd', 'zelfevaluaties werden')} "
        "afgerond.",
        f"Er kwamen geen nieuwe adviseurs bij; {network_text}."
        if joined == 0
        else f"{joined} {_plural(joined, 'nieuwe adviseur sloot', 'nieuwe adviseurs sloten')} "
        f"zich aan; {network_text}.",
        "Geen enkele organisatie kreeg het keurmerk."
        if marks == 0
        else f"{marks} {_plural(marks, 'organisatie kreeg', 'organisaties kregen')} het keurmerk.",
    ]


def province_rows(
    figures: NationalFigures, year: int | None, *, until: bool = False
) -> list[tuple[str, list[str]]]:
    """Per province the masked counts of organisations and advisers.

    Of one ``year``, of every year (None), or with ``until`` of every year up to ``year``.
    """
    counts = {kind: figures[kind].by_province(year, until=until) for kind in PROVINCE_KINDS}
    names = list(PROVINCES)
    if any("onbekend" in c for c in counts.values()):
        names.append("onbekend")
    return [
        (name, [published_count(counts[k].get(name, 0)) for k in PROVINCE_KINDS]) for name in names
    ]


def write_csv(figures: NationalFigures, path: Path) -> None:
    """Counts per kind, year and province; per-province counts below 5 as "< 5".

    Semicolons and a byte-order mark, so Dutch spreadsheet programs open it as it is.
    """
    years = figures.years()
    handle = io.StringIO(newline="")
    writer = csv.writer(handle, delimiter=";")
    writer.writerow(["soort", "jaar", "provincie", "aantal"])
    for kind in KIND_NAMES:
        numbers = figures[kind]
        for year in years:
            writer.writerow([KIND_LABELS[kind], year, "heel Nederland", numbers.in_year(year)])
            if kind in PROVINCE_KINDS:
                for province, count in numbers.by_province(year).items():
                    writer.writerow([KIND_LABELS[kind], year, province, published_count(count)])
        writer.writerow([KIND_LABELS[kind], "alle jaren", "heel Nederland", numbers.total])
        if kind in PROVINCE_KINDS:
            for province, count in numbers.by_province().items():
                writer.writerow([KIND_LABELS[kind], "alle jaren", province, published_count(count)])
    # Whole or not at all, like every export.
    write_text_atomically(path, handle.getvalue(), encoding="utf-8-sig")
