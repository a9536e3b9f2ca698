"""The adviser's review in the advice report: the section "Beoordeling door de adviseur".

It prints the store's own ``ReviewRecord`` (read by ``report.data`` through
``store.reviews.load_review``): per-statement verdicts, per-theme comments, the decision
with its conditions, the adviser's name and the date. A review without a decision yet
prints as "nog niet", so verdicts are never hidden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.domain import Decision
from goedgeregeld.report.text import markup
from goedgeregeld.words import (
    DECISION_SENTENCES,
    NOT_ANSWERED,
    NOT_APPLICABLE,
    VERDICT_LABELS,
    dutch_date,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.report.blocks import Blocks
    from goedgeregeld.store.records import AnswerRecord
    from goedgeregeld.store.review_records import ReviewRecord


CHANGED_NOTE = " (gewijzigd na dit oordeel)"


def review_flowables(
    review: ReviewRecord,
    edition: Edition,
    answers: dict[str, AnswerRecord],
    blocks: Blocks,
) -> list[Flowable]:
    """Heading, decision, conditions, comments per theme and the verdicts per statement."""
    story: list[Flowable] = [blocks.heading("Beoordeling door de adviseur", 0)]
    story.append(
        blocks.paragraph(
            f"Adviseur: <b>{markup(review.adviser_name)}</b>, "
            f"beoordeeld op {dutch_date(review.reviewed_on)}.",
            "body",
            raw=True,
        )
    )
    story.append(blocks.heading("Besluit", 1, toc=False))
    story.append(blocks.paragraph(DECISION_SENTENCES[review.decision or Decision.NOT_YET], "body"))
    if review.conditions:
        rows = [[c.text, dutch_date(c.deadline)] for c in review.conditions]
        story.append(blocks.table(["Voorwaarde", "Uiterlijk"], rows, [0.75, 0.25]))
    theme_rows = [
        [theme.title, review.theme_comments[theme.id]]
        for theme in edition.themes
        if review.theme_comments.get(theme.id)
    ]
    if theme_rows:
        story.append(blocks.heading("Opmerkingen per thema", 1, toc=False))
        story.append(blocks.table(["Thema", "Opmerking"], theme_rows, [0.3, 0.7]))
    if review.statements:
        story.append(blocks.heading("Oordeel per stelling", 1, toc=False))
        order = {sid: i for i, sid in enumerate(edition.statements_by_id)}
        rows = []
        verdicts = review.statements.values()
        for item in sorted(verdicts, key=lambda r: order.get(r.statement_id, len(order))):
            statement = edition.statements_by_id.get(item.statement_id)
            own = answers.get(item.statement_id)
            proposed = "" if item.proposed_score is None else str(item.proposed_score)
            rows.append(
                [
                    f"{item.statement_id} {statement.text}" if statement else item.statement_id,
                    _own_score(own),
                    VERDICT_LABELS[item.verdict],
                    proposed,
                    item.comment + (CHANGED_NOTE if item.changed else ""),
                ]
            )
        story.append(
            blocks.table(
                ["Stelling", "Eigen score", "Oordeel", "Voorstel", "Toelichting"],
                rows,
                [0.3, 0.11, 0.17, 0.1, 0.32],
            )
        )
    return story


def _own_score(answer: AnswerRecord | None) -> str:
    if answer is None or not answer.is_answered:
        return NOT_ANSWERED
    return NOT_APPLICABLE if answer.not_applicable else str(answer.value)
