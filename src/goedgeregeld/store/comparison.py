"""Compare an evaluation with another one (by default the organisation's previous), by theme.

Statements are matched through the mapping between the two editions (``questionnaire.mapping``).
On one edition a theme's change is like for like: both scores over the same statements,
leaving out those that either evaluation answered n.v.t. Across editions the theme
scores compare as they are, each by its own edition's rules, and the statement rows follow the
mapping: a split statement against its source, a merged one against its sources' average, a
new one shown as new. N.v.t. never counts in a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from sqlalchemy import select

from goedgeregeld.domain import MappingKind
from goedgeregeld.questionnaire.catalog import previous_shipped
from goedgeregeld.questionnaire.mapping import edition_mapping
from goedgeregeld.scoring import (
    MAX_POINTS,
    NOT_APPLICABLE,
    AnswerValue,
    ThemeScore,
    required_statements,
    score_theme,
    statement_numbers,
)
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import EvaluationState, load_state
from goedgeregeld.store.models.core import Evaluation


@dataclass(frozen=True)
class ThemeChange:
    """One theme's score now and before; on one edition over the same statements."""

    theme_id: str
    title: str
    previous: float | None
    current: float | None
    shared_statements: int
    change: float | None
    """Percentage points gained (negative: lost), from the exact scores; None without both."""


@dataclass(frozen=True)
class StatementChange:
    """One statement of the current edition, its answer now and the mapped answer before."""

    statement_id: str
    theme_id: str
    number: int
    """The number the user sees ("Stelling 16"): its place among the statements asked."""
    text: str
    kind: MappingKind
    sources: tuple[str, ...]
    source_numbers: tuple[int | None, ...]
    """The number the user saw for each source last time (None: not asked then)."""
    previous_answers: tuple[AnswerValue | None, ...]
    """The previous answer of each source, in the order of ``sources`` (None: not answered)."""
    previous: float | None
    """The old score: the source's, or for a merged statement the average of its scored sources."""
    current: AnswerValue | None
    change: float | None
    """Points on the 0-3 scale; None when either side is n.v.t., unanswered or new."""


@dataclass(frozen=True)
class TotalChange:
    """Both evaluations' total score (n.v.t. left out, as everywhere) and mark verdict."""

    previous: float | None
    current: float | None
    previous_eligible: bool
    current_eligible: bool

    @property
    def change(self) -> float | None:
        """Percentage points gained, from the two shown (rounded) totals; None without both."""
        if self.previous is None or self.current is None:
            return None
        return round(self.current - self.previous, 1)


@dataclass(frozen=True)
class Comparison:
    """The change per theme and per mapped statement between two evaluations."""

    current_id: str
    previous_id: str
    previous_created_at: datetime
    previous_edition_version: str
    current_edition_version: str
    themes: tuple[ThemeChange, ...]
    statements: tuple[StatementChange, ...] = ()
    dropped: tuple[str, ...] = ()
    """Statements of the previous edition that the current one no longer asks."""
    totals: TotalChange | None = None
    """The total score and the quality-mark verdict of both, each by its own edition's rules."""

    @property
    def across_editions(self) -> bool:
        """The two evaluations used different editions."""
        return self.previous_edition_version != self.current_edition_version


def _exact(points: int, applicable: int) -> Fraction | None:
    return None if applicable == 0 else Fraction(points * 100, applicable * MAX_POINTS)


def _change(now: ThemeScore, before: ThemeScore) -> float | None:
    exact_now, exact_before = (
        _exact(now.points, now.applicable),
        _exact(before.points, before.applicable),
    )
    if exact_now is None or exact_before is None:
        return None
    return round(float(exact_now - exact_before), 1)


def previous_evaluation_id(db: Database, evaluation_id: str) -> str | None:
    """The organisation's evaluation started just before this one, if any."""
    with db.engine.connect() as connection:
        row = connection.execute(
            select(Evaluation.organisation_id, Evaluation.created_at).where(
                Evaluation.id == evaluation_id
            )
        ).one_or_none()
        if row is None:
            return None
        return connection.execute(
            select(Evaluation.id)
            .where(
                Evaluation.organisation_id == row.organisation_id,
                Evaluation.created_at < row.created_at,
                Evaluation.id != evaluation_id,
            )
            .order_by(Evaluation.created_at.desc())
            .limit(1)
        ).scalar_one_or_none()


def _scored(value: AnswerValue | None) -> int | None:
    return None if value is None or value == NOT_APPLICABLE else int(value)


def _statement_changes(
    current: EvaluationState, previous: EvaluationState
) -> tuple[tuple[StatementChange, ...], tuple[str, ...]]:
    mapping = edition_mapping(previous.edition, current.edition, previous_shipped)
    now_values, before_values = current.answer_values(), previous.answer_values()
    numbers_before = statement_numbers(previous.edition, previous.variant)
    rows: list[StatementChange] = []
    for theme in current.edition.themes:
        for statement in required_statements(theme, current.variant):
            found = mapping.statements[statement.id]
            before = tuple(before_values.get(s) for s in found.sources)
            scored = [v for v in (_scored(b) for b in before) if v is not None]
            old = round(sum(scored) / len(scored), 2) if scored else None
            now = now_values.get(statement.id)
            now_score = _scored(now)
            change = None if old is None or now_score is None else round(now_score - old, 2)
            rows.append(
                StatementChange(
                    statement.id,
                    theme.id,
                    len(rows) + 1,
                    statement.text,
                    found.kind,
                    found.sources,
                    tuple(numbers_before.get(s) for s in found.sources),
                    before,
                    old,
                    now,
                    change,
                )
            )
    return tuple(rows), mapping.dropped


def _same_edition_themes(current: EvaluationState, previous: EvaluationState) -> list[ThemeChange]:
    now_values, before_values = current.answer_values(), previous.answer_values()
    themes = []
    for theme in current.edition.themes:
        shared = [
            s
            for s in required_statements(theme, current.variant)
            if NOT_APPLICABLE not in (now_values.get(s.id), before_values.get(s.id))
        ]
        if not shared:
            themes.append(ThemeChange(theme.id, theme.title, None, None, 0, None))
            continue
        subset = theme.model_copy(update={"statements": shared})
        now = score_theme(subset, now_values, current.variant)
        before = score_theme(subset, before_values, current.variant)
        themes.append(
            ThemeChange(
                theme.id, theme.title, before.score, now.score, len(shared), _change(now, before)
            )
        )
    return themes


def _cross_edition_themes(
    current: EvaluationState, previous: EvaluationState, statements: tuple[StatementChange, ...]
) -> list[ThemeChange]:
    now_score, before_score = current.score(), previous.score()
    before_by_id = {t.theme_id: t for t in before_score.themes}
    themes = []
    for theme_now in now_score.themes:
        # Only statements scored on both sides: n.v.t. and unanswered ones do not count.
        mapped = sum(
            1 for s in statements if s.theme_id == theme_now.theme_id and s.change is not None
        )
        theme_before = before_by_id.get(theme_now.theme_id)
        if theme_before is None:
            themes.append(ThemeChange(theme_now.theme_id, theme_now.title, None, None, 0, None))
            continue
        themes.append(
            ThemeChange(
                theme_now.theme_id,
                theme_now.title,
                theme_before.score,
                theme_now.score,
                mapped,
                _change(theme_now, theme_before),
            )
        )
    return themes


def compare_states(current: EvaluationState, previous: EvaluationState) -> Comparison:
    """Per theme and per statement of the current edition: now against the other evaluation."""
    statements, dropped = _statement_changes(current, previous)
    if current.evaluation.edition_hash == previous.evaluation.edition_hash:
        themes = _same_edition_themes(current, previous)
    else:
        themes = _cross_edition_themes(current, previous, statements)
    return Comparison(
        current_id=current.evaluation.id,
        previous_id=previous.evaluation.id,
        previous_created_at=previous.evaluation.created_at,
        previous_edition_version=previous.evaluation.edition_version,
        current_edition_version=current.evaluation.edition_version,
        themes=tuple(themes),
        statements=statements,
        dropped=dropped,
        totals=_totals(current, previous),
    )


def _totals(current: EvaluationState, previous: EvaluationState) -> TotalChange:
    now, before = current.score(), previous.score()
    return TotalChange(before.total, now.total, before.eligible, now.eligible)


def compare_evaluations(db: Database, evaluation_id: str, other_id: str) -> Comparison:
    """The comparison of an evaluation with any other one."""
    return compare_states(load_state(db, evaluation_id), load_state(db, other_id))


def compare_with_previous(db: Database, evaluation_id: str) -> Comparison | None:
    """The comparison with the previous evaluation, or None for an organisation's first."""
    previous_id = previous_evaluation_id(db, evaluation_id)
    if previous_id is None:
        return None
    return compare_evaluations(db, evaluation_id, previous_id)
