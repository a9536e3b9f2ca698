"""Compare an evaluation with the organisation's previous one, theme by theme.

Statement ids are stable across editions, so both scores of a theme are computed over the
statements the two evaluations share: the change is then like for like.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from sqlalchemy import select

from goedgeregeld.scoring import MAX_POINTS, ThemeScore, required_statements, score_theme
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import EvaluationState, load_state
from goedgeregeld.store.models.core import Evaluation


@dataclass(frozen=True)
class ThemeChange:
    """One theme's score now and before, over the statements both evaluations share."""

    theme_id: str
    title: str
    previous: float | None
    current: float | None
    shared_statements: int
    change: float | None
    """Percentage points gained (negative: lost), from the exact scores; None without both."""


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


@dataclass(frozen=True)
class Comparison:
    """The change per theme between an evaluation and the one before it."""

    current_id: str
    previous_id: str
    previous_created_at: datetime
    previous_edition_version: str
    current_edition_version: str
    themes: tuple[ThemeChange, ...]


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


def compare_states(current: EvaluationState, previous: EvaluationState) -> Comparison:
    """Per theme of the current edition: both scores over the statements both editions hold."""
    previous_ids = set(previous.edition.statements_by_id)
    now_values = current.answer_values()
    before_values = previous.answer_values()
    themes = []
    for theme in current.edition.themes:
        shared = [s for s in required_statements(theme, current.variant) if s.id in previous_ids]
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
    return Comparison(
        current_id=current.evaluation.id,
        previous_id=previous.evaluation.id,
        previous_created_at=previous.evaluation.created_at,
        previous_edition_version=previous.evaluation.edition_version,
        current_edition_version=current.evaluation.edition_version,
        themes=tuple(themes),
    )


def compare_with_previous(db: Database, evaluation_id: str) -> Comparison | None:
    """The comparison with the previous evaluation, or None for an organisation's first."""
    previous_id = previous_evaluation_id(db, evaluation_id)
    if previous_id is None:
        return None
    return compare_states(load_state(db, evaluation_id), load_state(db, previous_id))
