"""The guard on "klaar voor keurmerk": all reviewed, and the mark within reach after the verdicts.

A "lager" or "hoger" counts with its proposed score. Pure: ``store.reviews`` reads the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from goedgeregeld.scoring import NOT_APPLICABLE, EvaluationScore, all_required, score_evaluation
from goedgeregeld.store.evaluations import EvaluationState
from goedgeregeld.store.review_records import ReviewRecord, Verdict
from goedgeregeld.words import counted, format_percentage


@dataclass(frozen=True)
class Readiness:
    """What the adviser's verdicts make of the evaluation, and what stands in the way."""

    score: EvaluationScore
    """Scores with every "lager"/"hoger" replaced by its proposed score."""
    own_total: float | None
    """The organisation's own total score, for comparison."""
    unreviewed: tuple[str, ...]
    """Applicable statements (not n.v.t.) without a verdict, in questionnaire order."""
    lower: int
    higher: int

    @property
    def themes_below(self) -> list[str]:
        """Titles of the themes below their minimum after the verdicts."""
        return [t.title for t in self.score.themes if not t.meets_minimum]

    @property
    def ready(self) -> bool:
        """Every applicable statement reviewed and the mark within reach after the verdicts."""
        return not self.unreviewed and self.score.eligible

    def reasons(self) -> list[str]:
        """Why "klaar voor keurmerk" does not follow from the review (empty when it does)."""
        reasons = []
        if self.unreviewed:
            n = len(self.unreviewed)
            reasons.append(f"{counted(n, 'stelling', 'stellingen')} nog zonder oordeel")
        reasons += [reason.text for reason in self.score.reasons]
        return reasons

    def reasons_text(self) -> str:
        """The reasons in one sentence part, joined with semicolons."""
        return "; ".join(reason.rstrip(".") for reason in self.reasons())

    def summary(self) -> str:
        """One line: the score after the verdicts, lower/higher, themes below the minimum."""
        parts = [
            f"score na uw oordeel {format_percentage(self.score.total)} "
            f"(eigen score {format_percentage(self.own_total)})",
            f"{self.lower} lager, {self.higher} hoger",
        ]
        below = self.themes_below
        if below:
            themes = counted(len(below), "thema", "thema's")
            parts.append(f"{themes} onder het minimum: {', '.join(below)}")
        else:
            parts.append("alle thema's op of boven het minimum")
        return "; ".join(parts)


def assess_readiness(state: EvaluationState, review: ReviewRecord | None) -> Readiness:
    """The guard's view of one evaluation and its review (pure: no database)."""
    values = state.answer_values()
    verdicts = review.statements if review is not None else {}
    lower = higher = 0
    for statement_id, verdict in verdicts.items():
        if verdict.verdict is Verdict.AGREE or verdict.proposed_score is None:
            continue
        values[statement_id] = verdict.proposed_score
        lower += verdict.verdict is Verdict.LOWER
        higher += verdict.verdict is Verdict.HIGHER
    notes = {sid: answer.note for sid, answer in state.answers.items()}
    after = score_evaluation(state.edition, values, state.variant, notes)
    unreviewed = tuple(
        s.id
        for s in all_required(state.edition, state.variant)
        if values.get(s.id) != NOT_APPLICABLE and s.id not in verdicts
    )
    return Readiness(after, state.score().total, unreviewed, lower, higher)
