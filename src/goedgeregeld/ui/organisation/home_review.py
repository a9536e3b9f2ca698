"""What the home screen says about an adviser's review of the chosen evaluation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from goedgeregeld.domain import Verdict
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.organisation.results_verdict import adviser_headline
from goedgeregeld.ui.widgets.common import text_label
from goedgeregeld.ui.widgets.review_parts import adviser_frame
from goedgeregeld.words import counted, dutch_date

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.review_records import ReviewRecord


def read_reviews(db: Database, evaluation_ids: list[str]) -> dict[str, ReviewRecord]:
    """The review of each evaluation that has one (runs on the database worker)."""
    from goedgeregeld.store.reviews import load_review

    found = {e: load_review(db, e) for e in evaluation_ids}
    return {e: review for e, review in found.items() if review is not None}


def review_summary(review: ReviewRecord) -> str:
    """The decision, its conditions, the day and how many scores the adviser sees otherwise."""
    other = sum(1 for r in review.statements.values() if r.verdict is not Verdict.AGREE)
    agreed = len(review.statements) - other
    detail = tr("Beoordeeld op {day}: {agreed} onderschreven, {other} anders beoordeeld.").format(
        day=dutch_date(review.reviewed_on),
        agreed=counted(agreed, tr("score"), tr("scores")),
        other=other,
    )
    conditions = [
        tr("Voorwaarde: {t} (uiterlijk {d})").format(t=c.text, d=dutch_date(c.deadline))
        for c in review.conditions
    ]
    lines = [adviser_headline(review), *conditions, detail]
    return "\n".join(lines) + " " + tr("Kies ‘Uitkomst bekijken’ voor alles.")


class HomeReviewNote(QWidget):
    """The adviser's decision on the chosen evaluation, in the adviser's colour; hidden without."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame: QFrame
        self.frame, inner = adviser_frame(self, tr("Beoordeling van uw adviseur"))
        self.text = text_label("", self.frame)
        inner.addWidget(self.text)
        outer.addWidget(self.frame)
        self.hide()

    def show_review(self, review: ReviewRecord | None) -> None:
        """Show the summary of ``review``; None hides the note."""
        self.setVisible(review is not None)
        if review is not None:
            text = review_summary(review)
            self.text.setText(text)
            self.text.setAccessibleName(text[:80])
            self.frame.setAccessibleDescription(text)
