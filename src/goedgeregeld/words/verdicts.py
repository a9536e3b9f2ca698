"""The sentences of the quality-mark verdict: every reason names the theme and the statement.

Statements are named by the number the user sees ("stelling 14") and the start of their text,
never by their id; scores are the numbers the user chose (0 to 3).
"""

from __future__ import annotations

from goedgeregeld.words.numbers import format_percentage
from goedgeregeld.words.plurals import counted
from goedgeregeld.words.themes import shortfall_text

THEME_NOT_ASSESSABLE = "niet te beoordelen"
"""Too few statements of the theme apply for a judgement."""
THEME_MUST_BELOW = "verplichte stelling te laag"
"""The theme reaches its minimum, but a must-have statement in it is below its minimum."""
EXCERPT_LENGTH = 80


def statement_excerpt(text: str, limit: int = EXCERPT_LENGTH) -> str:
    """The start of a statement, cut at a word: "Wij vragen een VOG van vrijwilligers …"."""
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut} …"


def must_reason(theme: str, number: int, text: str, value: int, must: int) -> str:
    """A must-have below its minimum."""
    return (
        f'{theme}: stelling {number} ("{statement_excerpt(text)}") heeft een {value}; '
        f"voor het keurmerk is minstens {must} nodig."
    )


def must_hint(must: int) -> str:
    """Under a must-have statement while filling in."""
    return f"Moet minstens {must} zijn voor het keurmerk."


def not_allowed_reason(theme: str, number: int) -> str:
    """An old or imported "n.v.t." where this edition does not allow it."""
    return (
        f"{theme}: stelling {number} staat op niet van toepassing, maar die keuze kan hier niet; "
        "deze stelling geldt voor elke organisatie."
    )


def not_allowed_warning(number: int) -> str:
    """Said after "n.v.t." is saved where the edition does not count it."""
    return (
        f"Let op: stelling {number} geldt voor elke organisatie. 'Niet van toepassing' is "
        "opgeslagen, maar telt niet mee voor het keurmerk. Kies 0, 1, 2 of 3 om dat op te lossen."
    )


def no_reason_reason(theme: str, number: int) -> str:
    """An "n.v.t." without a note."""
    return (
        f"Stelling {number}: niet van toepassing zonder reden ({theme}). Schrijf in de "
        "notitie waarom de stelling niet voor u geldt."
    )


def not_assessable_reason(theme: str, applicable: int, required: int, share: int) -> str:
    """A theme with too few applicable statements."""
    return (
        f"{theme}: {THEME_NOT_ASSESSABLE}. Van de {counted(required, 'stelling', 'stellingen')} "
        f"{'is' if applicable == 1 else 'zijn'} er {applicable} van toepassing; voor een oordeel "
        f"moet minstens {share}% van toepassing zijn."
    )


def below_minimum_reason(theme: str, score: float, minimum: int, shortfall: float) -> str:
    """A theme below its minimum."""
    return f"{theme}: {format_percentage(score)}, minimum {minimum}%: {shortfall_text(shortfall)}."


def open_reason(count: int) -> str:
    """Statements still to answer."""
    return f"Nog {counted(count, 'stelling', 'stellingen')} niet beantwoord."


def to_confirm_reason(count: int) -> str:
    """Answers taken over from last time that still wait for a confirmation."""
    answers = counted(count, "overgenomen antwoord", "overgenomen antwoorden")
    return f"Nog {answers} niet bevestigd (bevestig of wijzig ze)."
