"""The published sentences read as Dutch for 0, 1 and more."""

from __future__ import annotations

from goedgeregeld.nov.files import FileTally, Rejection
from goedgeregeld.nov.overview import headlines
from goedgeregeld.nov.store.figures import KindFigures, NationalFigures
from goedgeregeld.words import counted

_KINDS = ("organisations", "evaluations_completed", "advisers", "quality_marks")


def _figures(cells: dict[str, dict[tuple[int, str | None, str | None], int]]) -> NationalFigures:
    return NationalFigures({kind: KindFigures(kind, cells.get(kind, {})) for kind in _KINDS})


def test_a_year_with_nothing_says_so_in_words() -> None:
    # Found by trying NOV mode: "0 nieuwe adviseurs sloten zich aan" read awkwardly.
    lines = headlines(_figures({"advisers": {(2019, "Utrecht", None): 6}}), 2020)
    assert lines == [
        "In 2020 maakte geen enkele organisatie een account aan.",
        "Er werd geen zelfevaluatie afgerond.",
        "Er kwamen geen nieuwe adviseurs bij; het netwerk telt nu 6 adviseurs.",
        "Geen enkele organisatie kreeg het keurmerk.",
    ]


def test_one_takes_the_singular() -> None:
    cells = {
        "organisations": {(2020, "Utrecht", "klein"): 1},
        "evaluations_completed": {(2020, None, "full"): 1},
        "advisers": {(2020, "Utrecht", None): 1},
        "quality_marks": {(2020, None, None): 1},
    }
    assert headlines(_figures(cells), 2020) == [
        "In 2020 maakte 1 organisatie een account aan.",
        "1 zelfevaluatie werd afgerond.",
        "1 nieuwe adviseur sloot zich aan; het netwerk telt nu 1 adviseur.",
        "1 organisatie kreeg het keurmerk.",
    ]


def test_the_files_line_counts_in_words() -> None:
    tally = FileTally(read=1, rejected=[Rejection("a.json", "kapot")])
    assert tally.summary().startswith("1 bestand gelezen: 0 toegevoegd")
    assert counted(0, "keurmerk", "keurmerken") == "0 keurmerken"
