"""The merged view of several respondents: per statement the scores, spread and flag.

Pure over plain records, so the view is the same whatever order the answers arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from goedgeregeld.questionnaire.model import DisagreementRule, Edition
from goedgeregeld.scoring import (
    NOT_APPLICABLE,
    AnswerValue,
    Variant,
    all_required,
    score_theme,
    statement_numbers,
)
from goedgeregeld.store.records import AnswerRecord
from goedgeregeld.store.respondent_records import RespondentAnswerRecord, RespondentRecord


@dataclass(frozen=True)
class MergedStatement:
    """One statement with every respondent's answer and whether they disagree."""

    id: str
    number: int
    theme_id: str
    scores: dict[str, AnswerValue | None]
    """Per respondent id: 0-3, "na", or None when they have not answered it."""
    notes: dict[str, str]
    spread: int | None
    """Highest minus lowest score; None while fewer than one respondent gave a score."""
    flagged: bool
    agreed: AnswerValue | None
    agreed_note: str

    @property
    def is_agreed(self) -> bool:
        """The group has set its answer."""
        return self.agreed is not None


@dataclass(frozen=True)
class MergedTheme:
    """A theme's score per respondent, its range and who sees it most positively."""

    id: str
    title: str
    scores: dict[str, float | None]
    low: float | None
    high: float | None
    most_positive: tuple[str, ...]
    """Respondent ids at the top of the range (empty when everyone agrees)."""


@dataclass(frozen=True)
class MergedView:
    """Everything the merged view and the consensus round show."""

    evaluation_id: str
    rule: DisagreementRule
    respondents: tuple[RespondentRecord, ...]
    statements: tuple[MergedStatement, ...]
    """Sorted by disagreement: flagged first, then the widest spread, then questionnaire order."""
    themes: tuple[MergedTheme, ...]

    @property
    def flagged(self) -> tuple[MergedStatement, ...]:
        """The statements on which the respondents disagree."""
        return tuple(s for s in self.statements if s.flagged)

    @property
    def open_to_agree(self) -> tuple[MergedStatement, ...]:
        """Statements without an agreed answer yet, in the sorted order."""
        return tuple(s for s in self.statements if not s.is_agreed)


def spread_of(values: Iterable[AnswerValue | None]) -> int | None:
    """Highest minus lowest score over the given scores (n.v.t. and open left out)."""
    scores = [int(v) for v in values if v is not None and v != NOT_APPLICABLE]
    return max(scores) - min(scores) if scores else None


def is_flagged(rule: DisagreementRule, values: Sequence[AnswerValue | None]) -> bool:
    """Whether these answers to one statement count as a disagreement under ``rule``."""
    spread = spread_of(values)
    if spread is not None and spread >= rule.spread_at_least:
        return True
    given = [v for v in values if v is not None]
    return (
        rule.not_applicable_against_score
        and NOT_APPLICABLE in given
        and any(v != NOT_APPLICABLE for v in given)
    )


def merge(
    evaluation_id: str,
    edition: Edition,
    variant: Variant,
    respondents: Iterable[RespondentRecord],
    answers: Iterable[RespondentAnswerRecord],
    agreed: dict[str, AnswerRecord],
) -> MergedView:
    """The merged view of one evaluation from its respondents' answers and the agreed ones."""
    rule = edition.disagreement_rule
    people = tuple(sorted(respondents, key=lambda r: (r.position, r.created_at, r.id)))
    known = {r.id for r in people}
    by_person: dict[str, dict[str, RespondentAnswerRecord]] = {r.id: {} for r in people}
    for answer in answers:
        if answer.respondent_id in known:
            by_person[answer.respondent_id][answer.statement_id] = answer
    numbers = statement_numbers(edition, variant)
    statements = []
    for statement in all_required(edition, variant):
        scores = {r.id: _value(by_person[r.id].get(statement.id)) for r in people}
        notes = {
            r.id: by_person[r.id][statement.id].note
            for r in people
            if statement.id in by_person[r.id] and by_person[r.id][statement.id].note
        }
        group = agreed.get(statement.id)
        group_value = group.answer_value if group is not None and not group.to_confirm else None
        values = list(scores.values())
        statements.append(
            MergedStatement(
                id=statement.id,
                number=numbers[statement.id],
                theme_id=edition.theme_of[statement.id].id,
                scores=scores,
                notes=notes,
                spread=spread_of(values),
                flagged=is_flagged(rule, values),
                agreed=group_value,
                agreed_note=group.note if group is not None else "",
            )
        )
    statements.sort(key=lambda s: (not s.flagged, -(s.spread or 0), s.number))
    themes = []
    for theme in edition.themes:
        if not any(s.id in numbers for s in theme.statements):
            continue
        per_person: dict[str, float | None] = {}
        for r in people:
            values_of: dict[str, AnswerValue] = {
                sid: v for sid, a in by_person[r.id].items() if (v := _value(a)) is not None
            }
            per_person[r.id] = score_theme(theme, values_of, variant).score
        given = [v for v in per_person.values() if v is not None]
        low, high = (min(given), max(given)) if given else (None, None)
        top = tuple(
            rid for rid, v in per_person.items() if high is not None and low != high and v == high
        )
        themes.append(MergedTheme(theme.id, theme.title, per_person, low, high, top))
    return MergedView(evaluation_id, rule, people, tuple(statements), tuple(themes))


def _value(answer: RespondentAnswerRecord | None) -> AnswerValue | None:
    if answer is None:
        return None
    value = answer.answer_value
    return value if value is None or value == NOT_APPLICABLE else int(value)
