"""The one-page jaaroverzicht: the year's sentences, provinces as published, embedded fonts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from goedgeregeld.nov.annual import write_annual_overview
from goedgeregeld.nov.store.figures import KindFigures, NationalFigures


def _figures() -> NationalFigures:
    return NationalFigures(
        {
            "organisations": KindFigures(
                "organisations",
                {
                    (2020, "Utrecht", "klein"): 697,
                    (2020, "Zeeland", "groot"): 3,
                    (2019, None, "middel"): 40,
                },
            ),
            "evaluations_completed": KindFigures(
                "evaluations_completed", {(2020, None, "full"): 120}
            ),
            "advisers": KindFigures(
                "advisers", {(2020, "Utrecht", None): 13, (2018, "Gelderland", None): 71}
            ),
            "quality_marks": KindFigures("quality_marks", {(2020, None, None): 1}),
        }
    )


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    from reportlab import rl_config

    rl_config.invariant = 1
    path = tmp_path / "jaaroverzicht.pdf"
    write_annual_overview(_figures(), 2020, path)
    return path


def test_one_page_with_the_annual_report_sentences(pdf: Path) -> None:
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "In 2020 maakten 700 organisaties een account aan." in text
    assert "13 nieuwe adviseurs sloten zich aan; het netwerk telt nu 84 adviseurs." in text
    assert "1 organisatie kreeg het keurmerk." in text


def _row(lines: list[str], province: str) -> list[str]:
    start = lines.index(province)
    return lines[start + 1 : start + 5]


def test_provinces_hide_small_counts_and_what_would_give_them_back(pdf: Path) -> None:
    lines = PdfReader(pdf).pages[0].extract_text().splitlines()
    # new organisations in the year, organisations up to it, new advisers, advisers up to it
    zeeland = _row(lines, "Zeeland")
    assert zeeland[:2] == ["x", "x"] and zeeland[2:] == ["0", "0"]
    # 700 new organisations is a published total: Utrecht's 697 would give Zeeland's 3 back,
    # so another count in that column is hidden as well.
    new_organisations = [_row(lines, p)[0] for p in ("Utrecht", "Zeeland", "onbekend", "Drenthe")]
    assert new_organisations.count("x") >= 2
    assert _row(lines, "Gelderland")[2:] == ["0", "71"]


def test_the_footnote_explains_only_what_the_table_holds(pdf: Path, tmp_path: Path) -> None:
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "'x' staat voor een aantal dat niet wordt gepubliceerd" in text
    assert "terug te rekenen" in text and "'onbekend' is een organisatie" in text
    figures = NationalFigures(
        {
            "organisations": KindFigures("organisations", {(2020, "Utrecht", "klein"): 50}),
            "evaluations_completed": KindFigures("evaluations_completed", {}),
            "advisers": KindFigures("advisers", {}),
            "quality_marks": KindFigures("quality_marks", {}),
        }
    )
    plain = tmp_path / "plain.pdf"
    write_annual_overview(figures, 2020, plain)
    text = " ".join(PdfReader(plain).pages[0].extract_text().split())
    assert "onbekend" not in text and "'x'" not in text
    assert "Een organisatie telt in het jaar waarin ze haar account maakte." in text
    assert "installaties" not in text


def test_only_embedded_fonts(pdf: Path) -> None:
    result = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = result.stdout.splitlines()[2:]
    assert rows and all(" yes " in row and "DejaVu" in row for row in rows)
