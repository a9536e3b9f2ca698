"""Dutch words the report uses for answers, outcomes, variants and statuses."""

from __future__ import annotations

from goedgeregeld.questionnaire.model import Edition, Statement
from goedgeregeld.scoring import ThemeScore, Variant, format_number
from goedgeregeld.store.records import AnswerRecord

VARIANT_LABELS = {
    Variant.FULL: "volledige versie (alle stellingen)",
    Variant.SMALL: "korte versie (alleen de kernstellingen ★)",
}
ACTION_STATUS_LABELS = {"open": "open", "in_progress": "bezig", "done": "klaar"}


def answer_label(edition: Edition, answer: AnswerRecord | None) -> str:
    """The answer as words: "2 – grotendeels geregeld", "niet van toepassing" or "nog open"."""
    if answer is None or not answer.is_answered:
        return "nog niet beantwoord"
    if answer.not_applicable:
        return edition.scale_label(None)
    return f"{answer.value} – {edition.scale_label(answer.value)}"


def statement_label(statement: Statement) -> str:
    """Number, core star and text of a statement."""
    star = " ★" if statement.core else ""
    return f"{statement.id}{star} {statement.text}"


def theme_outcome(theme: ThemeScore) -> str:
    """How a theme stands against its minimum, in a few words."""
    open_count = theme.required - theme.answered
    if theme.score is None:
        if theme.required and open_count == 0:
            return "alle stellingen n.v.t.: telt als gehaald"
        return "nog niet ingevuld"
    text = "gehaald" if theme.meets_minimum else f"{format_number(theme.shortfall)} punten tekort"
    if open_count:
        text += f" (nog {open_count} open)"
    return text


def is_low(answer: AnswerRecord | None) -> bool:
    """A score of 0 or 1: the report gives the statement's advice."""
    return answer is not None and answer.value is not None and answer.value <= 1
