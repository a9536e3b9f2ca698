"""The counted nouns: "1 stelling", "3 stellingen", "1 van 1 bestand", never "1 stellingen".

Every count the app shows with a noun goes through one of these, so the singular cannot be
forgotten again; ``tests/words/test_plural_pattern.py`` refuses a number written straight
before a plural anywhere in the ui, cli, report and the messages of the layers below.
"""

from __future__ import annotations

from dataclasses import dataclass

from goedgeregeld.words.numbers import format_number
from goedgeregeld.words.plurals import plural


@dataclass(frozen=True)
class Noun:
    """A noun with its singular and plural; call it with a number for "3 stellingen"."""

    one: str
    many: str

    def __call__(self, n: int) -> str:
        """The number and the right form: "1 stelling", "0 stellingen"."""
        return f"{n} {self.word(n)}"

    def word(self, n: int) -> str:
        """Only the form that goes with ``n``."""
        return plural(n, self.one, self.many)

    def of(self, n: int, total: int) -> str:
        """A part of a whole, the noun agreeing with the whole: "1 van 1 bestand"."""
        return f"{n} van {total} {self.word(total)}"


STATEMENT = Noun("stelling", "stellingen")
CORE_STATEMENT = Noun("kernstelling", "kernstellingen")
THEME = Noun("thema", "thema's")
FILE = Noun("bestand", "bestanden")
CLIENT = Noun("klant", "klanten")
ORGANISATION = Noun("organisatie", "organisaties")
ADVISER = Noun("adviseur", "adviseurs")
ANSWER = Noun("antwoord", "antwoorden")
EVALUATION = Noun("zelfevaluatie", "zelfevaluaties")
CLIENT_EVALUATION = Noun("zelfevaluatie van een klant", "zelfevaluaties van klanten")
QUESTIONNAIRE = Noun("vragenlijst", "vragenlijsten")
PROBLEM = Noun("probleem", "problemen")
QUALITY_MARK = Noun("keurmerk", "keurmerken")
PERCENTAGE_POINT = Noun("procentpunt", "procentpunten")
"""A difference between two percentages: 62% is 3 procentpunten below 65%."""


def points_text(points: float) -> str:
    """A difference of percentages: "1 procentpunt", "12,5 procentpunten"."""
    return f"{format_number(points)} {PERCENTAGE_POINT.word(1 if points == 1 else 2)}"
