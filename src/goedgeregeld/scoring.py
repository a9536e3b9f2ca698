"""Pure scoring: an edition plus answers (plus organisation size) gives scores and eligibility.

A theme's score is the percentage of the maximum over its applicable answered statements;
"not applicable" leaves the denominator. The small variant uses core statements only.
Nothing here touches a database or a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from goedgeregeld.domain import Variant as Variant  # re-exported: scoring names it
from goedgeregeld.questionnaire.model import Edition, SmallOrganisationRule, Statement, Theme
from goedgeregeld.words import counted, format_percentage, shortfall_text

NOT_APPLICABLE: Literal["na"] = "na"
AnswerValue = int | Literal["na"]
MAX_POINTS = 3


def variant_for(
    rule: SmallOrganisationRule, volunteers: int | None, paid_fte: float | None
) -> Variant:
    """Small organisations (below both limits) answer only the core statements.

    An unknown size counts as large: asking more never hides a statement.
    """
    if volunteers is None or paid_fte is None:
        return Variant.FULL
    if volunteers < rule.volunteers_below and paid_fte < rule.paid_fte_below:
        return Variant.SMALL
    return Variant.FULL


def required_statements(theme: Theme, variant: Variant) -> list[Statement]:
    """The statements of a theme that this variant asks."""
    if variant is Variant.SMALL:
        return [s for s in theme.statements if s.core]
    return list(theme.statements)


def all_required(edition: Edition, variant: Variant) -> list[Statement]:
    """Every statement this variant asks, in questionnaire order."""
    return [s for theme in edition.themes for s in required_statements(theme, variant)]


@dataclass(frozen=True)
class ThemeScore:
    """The outcome for one theme."""

    theme_id: str
    title: str
    minimum: int
    required: int
    answered: int
    applicable: int
    points: int
    score: float | None
    """Percentage, or None when nothing applicable is answered yet."""
    meets_minimum: bool
    """At or above the minimum on the answers so far (all "n.v.t." counts as met)."""
    shortfall: float
    """Percentage points below the minimum (0 when met)."""

    @property
    def complete(self) -> bool:
        """Every required statement of the theme has an answer."""
        return self.answered == self.required


@dataclass(frozen=True)
class EvaluationScore:
    """The outcome of a whole evaluation."""

    variant: Variant
    themes: tuple[ThemeScore, ...]
    total: float | None
    answered: int
    required: int
    open_statements: tuple[str, ...]
    eligible: bool

    @property
    def complete(self) -> bool:
        """Every required statement has an answer."""
        return not self.open_statements

    def theme(self, theme_id: str) -> ThemeScore:
        """The score of one theme by id."""
        return next(t for t in self.themes if t.theme_id == theme_id)


def _percentage(points: int, applicable: int) -> float | None:
    if applicable == 0:
        return None
    # Integer-over-integer division is correctly rounded; exactness matters only in the
    # minimum comparison, which uses integers.
    return round(points * 100 / (applicable * MAX_POINTS), 1)


def score_theme(theme: Theme, answers: Mapping[str, AnswerValue], variant: Variant) -> ThemeScore:
    """Score one theme from the answers given so far."""
    required = required_statements(theme, variant)
    given = [answers[s.id] for s in required if s.id in answers]
    values = [v for v in given if v != NOT_APPLICABLE]
    points, applicable = sum(values), len(values)
    # Compare exactly, not the rounded percentage: 64.96% must not pass a 65% minimum.
    if applicable == 0:
        # Nothing to score: met only once every statement is answered (all "n.v.t.").
        meets = len(given) == len(required)
    else:
        meets = points * 100 >= theme.minimum * applicable * MAX_POINTS
    score = _percentage(points, applicable)
    shortfall = 0.0
    if not meets and applicable:
        exact = Fraction(theme.minimum) - Fraction(points * 100, applicable * MAX_POINTS)
        shortfall = round(float(exact), 1)
    return ThemeScore(
        theme_id=theme.id,
        title=theme.title,
        minimum=theme.minimum,
        required=len(required),
        answered=len(given),
        applicable=applicable,
        points=points,
        score=score,
        meets_minimum=meets,
        shortfall=shortfall,
    )


def score_evaluation(
    edition: Edition, answers: Mapping[str, AnswerValue], variant: Variant
) -> EvaluationScore:
    """Score every theme, the total, progress and quality-mark eligibility."""
    themes = tuple(score_theme(t, answers, variant) for t in edition.themes)
    points = sum(t.points for t in themes)
    applicable = sum(t.applicable for t in themes)
    open_ids = tuple(s.id for s in all_required(edition, variant) if s.id not in answers)
    eligible = not open_ids and all(t.meets_minimum for t in themes)
    return EvaluationScore(
        variant=variant,
        themes=themes,
        total=_percentage(points, applicable),
        answered=sum(t.answered for t in themes),
        required=sum(t.required for t in themes),
        open_statements=open_ids,
        eligible=eligible,
    )


def eligibility_reasons(result: EvaluationScore) -> list[str]:
    """Plain Dutch reasons why the quality mark is not (yet) within reach; empty if eligible."""
    reasons = []
    if result.open_statements:
        open_count = counted(len(result.open_statements), "stelling", "stellingen")
        reasons.append(f"Nog {open_count} niet beantwoord.")
    for theme in result.themes:
        if not theme.meets_minimum and theme.score is not None:
            reasons.append(
                f"{theme.title}: {format_percentage(theme.score)}, minimum {theme.minimum}%: "
                f"{shortfall_text(theme.shortfall)}."
            )
    return reasons
