"""The word table (``goedgeregeld.words``) as the ui shows it: each label through ``tr``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld import words
from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from goedgeregeld.domain import Decision


def status_label(status: str) -> str:
    """The Dutch word for an evaluation status."""
    return tr(words.evaluation_status_label(status))


def action_status_label(status: str) -> str:
    """The Dutch words for an action status."""
    return tr(words.action_status_label(status))


def variant_label(variant: str) -> str:
    """The Dutch name of a questionnaire variant."""
    return tr(words.variant_label(variant))


def verdict_label(verdict: str) -> str:
    """The Dutch words for an adviser's verdict."""
    return tr(words.verdict_label(verdict))


def decision_label(decision: str | None) -> str:
    """The Dutch words for a decision, or "nog geen besluit"."""
    return tr(words.decision_label(decision))


def decision_text(decision: Decision | str | None) -> str:
    """The Dutch words for a decision (a ``Decision`` or its value), or a dash."""
    if decision is None:
        return "–"
    return decision_label(str(decision))
