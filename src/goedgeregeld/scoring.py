"""Pure scoring: an edition plus answers (plus organisation size) gives scores and a verdict.

A theme's score is the percentage of the maximum over its applicable answered statements;
"not applicable" leaves the denominator. The small variant uses core statements only.
Editions from 2027.1 add rules that the verdict names one by one: a must-have statement below
its minimum blocks the quality mark whatever the theme score; a theme with too few applicable
statements cannot be judged; "niet van toepassing" needs a reason (the note). Editions without
these rules score exactly as before. Nothing here touches a database or a file.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from goedgeregeld.domain import ReasonKind
from goedgeregeld.domain import Variant as Variant  # re-exported: scoring names it
from goedgeregeld.questionnaire.model import Edition, SmallOrganisationRule, Statement, Theme
from goedgeregeld.words import verdicts as say

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
    assessable: bool = True
    """False when too few statements apply to judge the theme (``min_applicable``)."""
    must_failures: tuple[str, ...] = ()
    """Answered must-have statements below their minimum: the theme cannot carry the mark."""

    @property
    def complete(self) -> bool:
        """Every required statement of the theme has an answer."""
        return self.answered == self.required


@dataclass(frozen=True)
class Reason:
    """One reason the quality mark is not (yet) within reach, in plain Dutch."""

    kind: ReasonKind
    theme_id: str | None
    statement_id: str | None
    text: str

    def as_dict(self) -> dict[str, str | None]:
        """The plain record ``eval show --json`` prints."""
        return {
            "kind": self.kind.value,
            "theme_id": self.theme_id,
            "statement_id": self.statement_id,
            "text": self.text,
        }


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
    reasons: tuple[Reason, ...] = ()
    """Every reason the mark is not within reach, the most serious first; empty if eligible."""

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
    assessable = _assessable(theme, applicable, len(given), len(required))
    # Compare exactly, not the rounded percentage: 64.96% must not pass a 65% minimum.
    if not assessable:
        meets = False
    elif applicable == 0:
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
        assessable=assessable,
        must_failures=tuple(
            s.id
            for s in required
            if s.must is not None
            and answers.get(s.id, NOT_APPLICABLE) != NOT_APPLICABLE
            and int(answers[s.id]) < s.must
        ),
    )


def _assessable(theme: Theme, applicable: int, answered: int, required: int) -> bool:
    """Enough applicable statements to judge the theme, once all of it is answered."""
    if theme.min_applicable is None or answered < required or required == 0:
        return True
    return applicable * 100 >= theme.min_applicable * required


def score_evaluation(
    edition: Edition,
    answers: Mapping[str, AnswerValue],
    variant: Variant,
    notes: Mapping[str, str] | None = None,
    to_confirm: Collection[str] = (),
) -> EvaluationScore:
    """Score every theme, the total, progress and the quality-mark verdict with its reasons.

    ``notes`` are the notes per statement: an "n.v.t." needs one in editions with the new
    rules; without ``notes`` every "n.v.t." there counts as having no reason.
    ``to_confirm`` are statements whose answer was taken over and not yet confirmed: they
    are left out of ``answers`` like open ones, but the verdict names them apart.
    """
    themes = tuple(score_theme(t, answers, variant) for t in edition.themes)
    points = sum(t.points for t in themes)
    applicable = sum(t.applicable for t in themes)
    open_ids = tuple(s.id for s in all_required(edition, variant) if s.id not in answers)
    waiting = set(to_confirm)
    reasons = tuple(_reasons(edition, answers, variant, notes or {}, themes, open_ids, waiting))
    return EvaluationScore(
        variant=variant,
        themes=themes,
        total=_percentage(points, applicable),
        answered=sum(t.answered for t in themes),
        required=sum(t.required for t in themes),
        open_statements=open_ids,
        eligible=not reasons,
        reasons=reasons,
    )


def statement_numbers(edition: Edition, variant: Variant) -> dict[str, int]:
    """The number the user sees for each asked statement ("Stelling 14"), from 1 on."""
    return {s.id: n for n, s in enumerate(all_required(edition, variant), start=1)}


def na_not_counted(edition: Edition, variant: Variant, statement_id: str) -> str | None:
    """Why "n.v.t." on this statement will not count for the mark, or None when it may.

    The answer is still saved (what a user enters is never thrown away); the verdict then
    names it (``ReasonKind.NOT_ALLOWED``) until a score replaces it. The window does not
    offer the choice at all where the edition does not allow it.
    """
    statement = edition.statements_by_id.get(statement_id)
    if statement is None or statement.na_allowed:
        return None
    number = statement_numbers(edition, variant).get(statement_id)
    return say.not_allowed_warning(number or 0)


def _reasons(
    edition: Edition,
    answers: Mapping[str, AnswerValue],
    variant: Variant,
    notes: Mapping[str, str],
    themes: tuple[ThemeScore, ...],
    open_ids: tuple[str, ...],
    waiting: set[str],
) -> list[Reason]:
    reasons: list[Reason] = []
    unanswered = [sid for sid in open_ids if sid not in waiting]
    carried = len(open_ids) - len(unanswered)
    if unanswered:
        reasons.append(Reason(ReasonKind.OPEN, None, None, say.open_reason(len(unanswered))))
    if carried:
        reasons.append(Reason(ReasonKind.TO_CONFIRM, None, None, say.to_confirm_reason(carried)))
    numbers = statement_numbers(edition, variant)
    later: list[Reason] = []
    needs_note = edition.has_verdict_rules
    for theme, score in zip(edition.themes, themes, strict=True):
        for statement in required_statements(theme, variant):
            value = answers.get(statement.id)
            number = numbers[statement.id]
            if value is None:
                continue
            if value == NOT_APPLICABLE:
                if not statement.na_allowed:
                    text = say.not_allowed_reason(theme.title, number)
                    reasons.append(Reason(ReasonKind.NOT_ALLOWED, theme.id, statement.id, text))
                elif needs_note and not (notes.get(statement.id) or "").strip():
                    text = say.no_reason_reason(theme.title, number)
                    later.append(Reason(ReasonKind.NO_REASON, theme.id, statement.id, text))
            elif statement.must is not None and value < statement.must:
                text = say.must_reason(theme.title, number, statement.text, value, statement.must)
                reasons.append(Reason(ReasonKind.MUST, theme.id, statement.id, text))
        if not score.assessable:
            share = theme.min_applicable or 0
            text = say.not_assessable_reason(theme.title, score.applicable, score.required, share)
            later.append(Reason(ReasonKind.NOT_ASSESSABLE, theme.id, None, text))
        elif not score.meets_minimum and score.score is not None:
            text = say.below_minimum_reason(
                theme.title, score.score, theme.minimum, score.shortfall
            )
            later.append(Reason(ReasonKind.BELOW_MINIMUM, theme.id, None, text))
    return reasons + sorted(later, key=lambda r: _LATER_ORDER[r.kind])


_LATER_ORDER = {ReasonKind.NOT_ASSESSABLE: 0, ReasonKind.BELOW_MINIMUM: 0, ReasonKind.NO_REASON: 1}


def eligibility_reasons(result: EvaluationScore) -> list[str]:
    """Plain Dutch reasons why the quality mark is not (yet) within reach; empty if eligible."""
    return [reason.text for reason in result.reasons]
