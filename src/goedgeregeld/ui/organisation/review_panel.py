"""The adviser's review on the results page: decision, conditions, mark, comments, verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from goedgeregeld.domain import Verdict
from goedgeregeld.scoring import statement_numbers
from goedgeregeld.ui.core.formatting import decision_text
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.common import text_label
from goedgeregeld.ui.widgets.review_parts import adviser_frame, mark_line
from goedgeregeld.words import (
    NOT_RECOGNISED_ADVISER,
    NOT_RECOGNISED_EFFECT,
    counted,
    dutch_date,
    short_answer,
    verdict_label,
)

if TYPE_CHECKING:
    from goedgeregeld.store.evaluations import EvaluationState
    from goedgeregeld.store.review_records import ReviewRecord, StatementReviewRecord


def not_recognised_line(problem: str | None) -> str:
    """Why this review gives no readiness or mark: not from a recognised adviser."""
    line = NOT_RECOGNISED_ADVISER[0].upper() + NOT_RECOGNISED_ADVISER[1:]
    if problem:
        line += f" ({problem})"
    return f"{line}: {NOT_RECOGNISED_EFFECT}."


def verdict_for_organisation(
    record: StatementReviewRecord, number: int | None, state: EvaluationState
) -> str:
    """One verdict as the organisation reads it: which statement, its own score, the proposal."""
    statement = state.edition.statements_by_id.get(record.statement_id)
    name = statement.text if statement is not None else record.statement_id
    head = tr("Stelling {n}: {text}").format(n=number, text=name) if number else name
    answer = state.answers.get(record.statement_id)
    own = short_answer(answer.answer_value if answer is not None else None)
    line = tr("Uw score: {own} · adviseur: {verdict}").format(
        own=own, verdict=verdict_label(record.verdict)
    )
    if record.proposed_score is not None:
        line += tr(", voorgestelde score {s}").format(s=record.proposed_score)
    if record.comment:
        line += f" · “{record.comment}”"
    if record.changed:
        line += " " + tr("(u heeft dit antwoord daarna gewijzigd)")
    return f"•  {head}\n    {line}"


def review_lines(review: ReviewRecord, state: EvaluationState) -> list[str]:
    """What the organisation reads of its adviser's review, one paragraph a line."""
    edition = state.edition
    lines = [
        tr("Adviseur {name}{region} · besluit: {d}").format(
            name=review.adviser_name,
            region=f" ({review.adviser_region})" if review.adviser_region else "",
            d=decision_text(review.decision),
        )
    ]
    if not review.adviser_recognised:
        lines.append(not_recognised_line(review.recognition_problem))
    lines += [
        tr("Voorwaarde: {t} (uiterlijk {d})").format(t=c.text, d=dutch_date(c.deadline))
        for c in review.conditions
    ]
    if review.quality_mark is not None:
        lines.append(mark_line(review.quality_mark))
    # The adviser's other scores first, in the order of the questionnaire, by their number.
    numbers = statement_numbers(edition, state.variant)
    disagreements = sorted(
        (r for r in review.statements.values() if r.verdict is not Verdict.AGREE),
        key=lambda r: (numbers.get(r.statement_id, len(numbers) + 1), r.statement_id),
    )
    lines += [
        verdict_for_organisation(r, numbers.get(r.statement_id), state) for r in disagreements
    ]
    agreed = len(review.statements) - len(disagreements)
    lines.append(
        tr("Met {n} is de adviseur het eens.").format(n=counted(agreed, tr("score"), tr("scores")))
    )
    for theme in edition.themes:
        comment = review.theme_comments.get(theme.id)
        if comment:
            lines.append(f"{theme.title}: {comment}")
    return lines


class ReviewPanel(QWidget):
    """Hidden until there is a review; ``labels`` are the lines it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame: QFrame
        self.frame, self._inner = adviser_frame(self, tr("Beoordeling van uw adviseur"))
        outer.addWidget(self.frame)
        self.labels: list[QLabel] = []
        self.hide()

    def show_review(self, review: ReviewRecord | None, state: EvaluationState) -> None:
        """Show ``review`` of the evaluation in ``state``; None hides the panel."""
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        self.setVisible(review is not None)
        if review is None:
            return
        for line in review_lines(review, state):
            label = text_label(line, self.frame)
            self._inner.addWidget(label)
            self.labels.append(label)
