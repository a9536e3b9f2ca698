"""Counted nouns: the singular after exactly one, also in "x van y", and procentpunten."""

from __future__ import annotations

from goedgeregeld.words import shortfall_text
from goedgeregeld.words.nouns import CLIENT, FILE, STATEMENT, THEME, points_text
from goedgeregeld.words.reassessment import points_change_text


def test_one_takes_the_singular_and_zero_the_plural() -> None:
    assert STATEMENT(1) == "1 stelling" and STATEMENT(0) == "0 stellingen"
    assert THEME(1) == "1 thema" and THEME(2) == "2 thema's"
    assert CLIENT(1) == "1 klant" and FILE(3) == "3 bestanden"


def test_a_part_of_a_whole_agrees_with_the_whole() -> None:
    assert FILE.of(1, 1) == "1 van 1 bestand"
    assert FILE.of(1, 2) == "1 van 2 bestanden"
    assert STATEMENT.of(0, 1) == "0 van 1 stelling"


def test_a_difference_of_percentages_is_in_procentpunten() -> None:
    assert points_text(1) == "1 procentpunt"
    assert points_text(12.5) == "12,5 procentpunten"
    assert shortfall_text(1) == "1 procentpunt tekort"
    assert points_change_text(-3.5) == "−3,5 procentpunten"
