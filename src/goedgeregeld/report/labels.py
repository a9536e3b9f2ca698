"""How the report writes answers, statements and theme outcomes, from the word table."""

from __future__ import annotations

from goedgeregeld.questionnaire.model import Edition, Statement
from goedgeregeld.scoring import ThemeScore
from goedgeregeld.store.records import AnswerRecord
from goedgeregeld.words import (
    CARRIED_TO_CONFIRM,
    NOT_ANSWERED,
    THEME_ALL_NOT_APPLICABLE,
    THEME_MET,
    THEME_MUST_BELOW,
    THEME_NOT_ASSESSABLE,
    THEME_NOT_STARTED,
    shortfall_text,
)


def answer_label(edition: Edition, answer: AnswerRecord | None) -> str:
    """The answer as words: "2 – grotendeels geregeld", "niet van toepassing" or "nog open"."""
    if answer is None or not answer.is_answered:
        return NOT_ANSWERED
    carried = f" ({CARRIED_TO_CONFIRM})" if answer.to_confirm else ""
    if answer.not_applicable:
        return edition.scale_label(None) + carried
    return f"{answer.value} – {edition.scale_label(answer.value)}{carried}"


def statement_label(statement: Statement, number: int | None) -> str:
    """The number the user sees ("Stelling 16"), core star and text of a statement."""
    star = " ★" if statement.core else ""
    prefix = f"Stelling {number}" if number is not None else statement.id
    return f"{prefix}{star}: {statement.text}"


def theme_outcome(theme: ThemeScore) -> str:
    """How a theme stands against its minimum, in a few words."""
    open_count = theme.required - theme.answered
    if not theme.assessable:
        return THEME_NOT_ASSESSABLE
    if theme.score is None:
        if theme.required and open_count == 0:
            return f"{THEME_ALL_NOT_APPLICABLE}: telt als gehaald"
        return THEME_NOT_STARTED
    text = THEME_MET if theme.meets_minimum else shortfall_text(theme.shortfall)
    if theme.must_failures:
        text = THEME_MUST_BELOW if theme.meets_minimum else f"{text}; {THEME_MUST_BELOW}"
    if open_count:
        text += f" (nog {open_count} open)"
    return text


def is_low(answer: AnswerRecord | None) -> bool:
    """A score of 0 or 1: the report gives the statement's advice."""
    return answer is not None and answer.value is not None and answer.value <= 1
