"""The Dutch word for each value of the domain enums: one word per idea, everywhere.

An action still to do is "nog te doen" on screen and on paper; an adviser who finds a score
too high says "score moet lager" in the review screen, the organisation's view and the
report. The ui passes these through ``tr`` (its translation hook); report and cli print them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from goedgeregeld.domain import ActionStatus, Decision, EvaluationStatus, Variant, Verdict

_E = TypeVar("_E", bound=StrEnum)

VERDICT_LABELS = {
    Verdict.AGREE: "eens",
    Verdict.LOWER: "score moet lager",
    Verdict.HIGHER: "score moet hoger",
}
DECISION_LABELS = {
    Decision.READY: "klaar voor keurmerk",
    Decision.CONDITIONS: "klaar met voorwaarden",
    Decision.NOT_YET: "nog niet",
}
DECISION_SENTENCES = {
    Decision.READY: "Klaar voor de keurmerktoetsing.",
    Decision.CONDITIONS: (
        "Klaar voor de keurmerktoetsing als aan de voorwaarden hieronder is voldaan."
    ),
    Decision.NOT_YET: "Nog niet klaar voor de keurmerktoetsing.",
}
"""The decision as the report's sentence under "Besluit"."""
NO_DECISION = "nog geen besluit"
"""A review whose decision is not taken yet."""

EVALUATION_STATUS_LABELS = {
    EvaluationStatus.DRAFT: "concept",
    EvaluationStatus.COMPLETED: "afgerond",
}
ACTION_STATUS_LABELS = {
    ActionStatus.OPEN: "nog te doen",
    ActionStatus.IN_PROGRESS: "bezig",
    ActionStatus.DONE: "klaar",
}
VARIANT_LABELS = {
    Variant.FULL: "volledige versie",
    Variant.SMALL: "korte versie",
}
VARIANT_EXPLANATIONS = {
    Variant.FULL: "alle stellingen",
    Variant.SMALL: "alleen de kernstellingen ★",
}
"""Which statements a variant asks, for where there is room to say it."""

NOT_ANSWERED = "nog niet beantwoord"
"""A statement without an answer yet."""
NOT_APPLICABLE = "n.v.t."
"""The short form of the scale's "niet van toepassing"."""


def _label(labels: dict[_E, str], kind: type[_E], value: str) -> str:
    try:
        return labels[kind(value)]
    except ValueError:  # a value this version does not know: show it as it is
        return value


def variant_text(variant: Variant | str) -> str:
    """The variant with what it asks: "korte versie (alleen de kernstellingen ★)"."""
    kind = Variant(variant)
    return f"{VARIANT_LABELS[kind]} ({VARIANT_EXPLANATIONS[kind]})"


def verdict_label(verdict: Verdict | str) -> str:
    """The Dutch words for an adviser's verdict."""
    return _label(VERDICT_LABELS, Verdict, verdict)


def decision_label(decision: Decision | str | None) -> str:
    """The Dutch words for a decision, or ``NO_DECISION`` while there is none."""
    return NO_DECISION if decision is None else _label(DECISION_LABELS, Decision, decision)


def evaluation_status_label(status: EvaluationStatus | str) -> str:
    """The Dutch word for an evaluation status."""
    return _label(EVALUATION_STATUS_LABELS, EvaluationStatus, status)


def action_status_label(status: ActionStatus | str) -> str:
    """The Dutch words for an action status."""
    return _label(ACTION_STATUS_LABELS, ActionStatus, status)


def variant_label(variant: Variant | str) -> str:
    """The Dutch name of a questionnaire variant."""
    return _label(VARIANT_LABELS, Variant, variant)
