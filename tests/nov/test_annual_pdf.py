"""The one-page jaaroverzicht: the year's sentences, masked provinces, embedded fonts only."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from goedgeregeld.nov.annual import write_annual_overview
from goedgeregeld.nov.overview import published_count
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


def test_province_counts_below_five_are_masked(pdf: Path) -> None:
    lines = PdfReader(pdf).pages[0].extract_text().splitlines()
    # new organisations in the year, organisations in total, new advisers, advisers in total
    assert _row(lines, "Zeeland") == ["< 5", "< 5", "0", "0"]
    assert _row(lines, "Utrecht") == ["697", "697", "13", "13"]
    assert _row(lines, "onbekend") == ["0", "40", "0", "0"]


def test_only_embedded_fonts(pdf: Path) -> None:
    result = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = result.stdout.splitlines()[2:]
    assert rows and all(" yes " in row and "DejaVu" in row for row in rows)


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, "< 5"), (4, "< 5"), (5, "5"), (700, "700")]
)
def test_published_count(count: int, shown: str) -> None:
    assert published_count(count) == shown
