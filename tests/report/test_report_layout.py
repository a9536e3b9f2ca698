"""The report prints each answer once, never breaks a word mid-word, and keeps ids off the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import pdf_text

from goedgeregeld.domain import Variant
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.report.advice import write_advice_report
from goedgeregeld.report.blocks import fit_widths
from goedgeregeld.scoring import all_required
from goedgeregeld.store.actions import add_action
from goedgeregeld.store.db.engine import Database


def test_every_answer_is_printed_once(
    db: Database, edition: Edition, make_evaluation, tmp_path: Path
) -> None:
    path = write_advice_report(db, make_evaluation(), tmp_path / "r.pdf", invariant=True)
    text = pdf_text(path)
    asked = all_required(edition, Variant.FULL)
    assert text.count("Antwoord:") == len(asked)
    assert "Alle antwoorden" not in text


def test_the_cover_names_the_version_without_a_checksum(
    db: Database, edition: Edition, make_evaluation, tmp_path: Path
) -> None:
    path = write_advice_report(db, make_evaluation(), tmp_path / "r.pdf", invariant=True)
    cover = PdfReader(path).pages[0].extract_text()
    assert edition.version in cover
    assert "controlegetal" not in pdf_text(path)
    assert "nog niet haalbaar" not in pdf_text(path)


def test_plan_table_keeps_long_words_whole_and_names_statements_by_number(
    db: Database, edition: Edition, make_evaluation, tmp_path: Path
) -> None:
    evaluation_id = make_evaluation(name="Sportclub Test")
    first = next(iter(edition.statements_by_id))
    for owner in ("Jeugdcoördinator", "Vrijwilligerscoördinator", "Penningmeester"):
        add_action(
            db, evaluation_id, "Gedragscode laten tekenen door alle trainers", owner, None, first
        )
    path = write_advice_report(db, evaluation_id, tmp_path / "r.pdf", invariant=True)
    words = set(pdf_text(path).split())
    assert {"Jeugdcoördinator", "Vrijwilligerscoördinator", "Penningmeester"} <= words
    assert "Stelling 1" in pdf_text(path)
    assert first not in pdf_text(path)


@pytest.mark.parametrize(
    ("fractions", "needed"),
    [
        ([0.5, 0.5], [10.0, 10.0]),
        ([0.06, 0.35, 0.18, 0.14, 0.14, 0.13], [20.0, 60.0, 60.0, 110.0, 55.0, 50.0]),
        ([0.9, 0.1], [10.0, 80.0]),
    ],
)
def test_fit_widths_fill_the_frame_and_fit_every_longest_word(
    fractions: list[float], needed: list[float]
) -> None:
    widths = fit_widths(450.0, fractions, needed)
    assert sum(widths) == pytest.approx(450.0)
    assert all(w >= n - 1e-6 for w, n in zip(widths, needed, strict=True))


def test_fit_widths_keep_proportions_when_words_cannot_fit() -> None:
    assert fit_widths(100.0, [1, 1], [80.0, 80.0]) == [50.0, 50.0]
