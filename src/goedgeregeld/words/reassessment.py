"""Words of a re-assessment and of a comparison between evaluations (also across editions)."""

from __future__ import annotations

from collections.abc import Sequence

from goedgeregeld.words.labels import NOT_APPLICABLE
from goedgeregeld.words.nouns import points_text
from goedgeregeld.words.numbers import format_number
from goedgeregeld.words.plurals import plural

CARRIED_TO_CONFIRM = "overgenomen — nog bevestigen"
CARRIED_ACTION = "overgenomen"
COMPARISON_NEW = "nieuw"
NEXT_TO_CONFIRM = "Ga naar volgende te bevestigen stelling"
START_FROM_PREVIOUS = "Nieuwe ronde op basis van vorige"
CONFIRM_AS_IS = "Bevestigen zoals het was"
CARRIED_HINT = (
    "Deze ronde begint met de antwoorden van de vorige keer. Een overgenomen antwoord telt "
    "pas mee als u het bevestigt of aanpast."
)
NEXT_TO_CONFIRM_ORDER = (
    "Eerst wat de vorige keer niet goed ging, dan wat de adviseur vroeg, dan wat nieuw is."
)


MAPPING_KIND_SHORT = {
    "same": "",
    "split": "gesplitst",
    "merged": "samengevoegd (gemiddelde)",
    "new": COMPARISON_NEW,
}
"""A few words per kind, for a narrow column; ``mapping_kind_label`` says which statements."""


def _joined(ids: Sequence[str]) -> str:
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " en " + ids[-1]


def mapping_kind_label(
    kind: str, sources: Sequence[str], numbers: Sequence[int | None] | None = None
) -> str:
    """How a statement continues the previous edition, in words.

    With ``numbers`` (the numbers the user saw last time) it says "gesplitst uit stelling 12
    van vorige keer", as screens and the report do; without, it names the ids, as the
    command line does ("gesplitst uit inspraak.1").
    """
    if kind == "new" or not sources:
        return COMPARISON_NEW
    who = _joined(list(sources)) if numbers is None else _numbered(numbers)
    if kind == "split":
        return f"gesplitst uit {who}"
    if kind == "merged":
        return f"samengevoegd uit {who} (gemiddelde)"
    return "" if len(sources) == 1 else who


def _numbered(numbers: Sequence[int | None]) -> str:
    known = [str(n) for n in numbers if n is not None]
    if not known:
        return "een stelling die vorige keer niet gevraagd werd"
    return f"{plural(len(known), 'stelling', 'stellingen')} {_joined(known)} van vorige keer"


def points_change_text(change: float | None) -> str:
    """+5 procentpunten, −3,5 procentpunten, gelijk, or a dash."""
    if change is None:
        return "–"
    if change == 0:
        return "gelijk"
    sign = "+" if change > 0 else "−"
    return f"{sign}{points_text(abs(change))}"


def short_answer(value: object) -> str:
    """An answer in a narrow column: "2", "n.v.t." or a dash when there is none."""
    if value is None:
        return "–"
    return NOT_APPLICABLE if value == "na" else str(value)


def previous_answer_text(
    sources: Sequence[str], previous: float | None, answers: Sequence[object]
) -> str:
    """The old score of a mapped statement: "nieuw", "1,5" (an average), "n.v.t." or a dash."""
    if not sources:
        return COMPARISON_NEW
    if previous is None:
        return NOT_APPLICABLE if any(a == "na" for a in answers) else "–"
    return format_number(previous)
