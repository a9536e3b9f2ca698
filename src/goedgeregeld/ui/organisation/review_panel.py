"""The adviser's review on the results page: decision, conditions, mark, comments, verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from goedgeregeld.ui.adviser.client_models import decision_text
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.common import text_label
from goedgeregeld.ui.widgets.review_parts import adviser_frame, mark_line, verdict_line
from goedgeregeld.words import NOT_RECOGNISED_ADVISER, NOT_RECOGNISED_EFFECT, dutch_date

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.store.review_records import ReviewRecord


def not_recognised_line(problem: str | None) -> str:
    """Why this review gives no readiness or mark: not from a recognised adviser."""
    line = NOT_RECOGNISED_ADVISER[0].upper() + NOT_RECOGNISED_ADVISER[1:]
    if problem:
        line += f" ({problem})"
    return f"{line}: {NOT_RECOGNISED_EFFECT}."


def review_lines(review: ReviewRecord, edition: Edition) -> list[str]:
    """What the organisation reads of its adviser's review, one paragraph a line."""
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
    for theme in edition.themes:
        comment = review.theme_comments.get(theme.id)
        if comment:
            lines.append(f"{theme.title}: {comment}")
    disagreements = [r for r in review.statements.values() if r.verdict.value != "agree"]
    agreed = len(review.statements) - len(disagreements)
    lines.append(tr("{n} scores onderschreven door de adviseur.").format(n=agreed))
    for record in sorted(disagreements, key=lambda r: r.statement_id):
        statement = edition.statements_by_id.get(record.statement_id)
        name = statement.text if statement is not None else record.statement_id
        lines.append(f"•  {name}\n    {verdict_line(record)}")
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

    def show_review(self, review: ReviewRecord | None, edition: Edition) -> None:
        """Show ``review`` of an evaluation of ``edition``; None hides the panel."""
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        self.setVisible(review is not None)
        if review is None:
            return
        for line in review_lines(review, edition):
            label = text_label(line, self.frame)
            self._inner.addWidget(label)
            self.labels.append(label)
