"""The adviser's review in the advice report: the section "Beoordeling door de adviseur".

It prints the store's own ``ReviewRecord`` (read by ``report.data`` through
``store.reviews.load_review``): the score after the adviser's verdicts, the decision with its
reason and conditions, per-theme comments and the verdicts that say something (a "lager",
"hoger", a comment or a change; plain "eens" is counted, not listed), the adviser's name and
the date. A review without a decision yet prints as "nog niet", so verdicts are never hidden.
On the adviser's own installation this section opens the report: it is the adviser's report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.domain import Decision, Verdict
from goedgeregeld.report.text import markup
from goedgeregeld.words import (
    DECISION_SENTENCES,
    NOT_ANSWERED,
    NOT_APPLICABLE,
    VERDICT_LABELS,
    counted,
    dutch_date,
    plural,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.report.blocks import Blocks
    from goedgeregeld.store.records import AnswerRecord
    from goedgeregeld.store.review_guard import Readiness
    from goedgeregeld.store.review_records import ReviewRecord, StatementReviewRecord


CHANGED_NOTE = " (gewijzigd na dit oordeel)"


def review_flowables(
    review: ReviewRecord,
    edition: Edition,
    answers: dict[str, AnswerRecord],
    blocks: Blocks,
    readiness: Readiness | None = None,
) -> list[Flowable]:
    """Heading, the score after the verdicts, decision, conditions, comments, verdicts."""
    story: list[Flowable] = [blocks.heading("Beoordeling door de adviseur", 0)]
    story.append(
        blocks.paragraph(
            f"Adviseur: <b>{markup(review.adviser_name)}</b>, "
            f"beoordeeld op {dutch_date(review.reviewed_on)}.",
            "body",
            raw=True,
        )
    )
    if readiness is not None:
        story += _readiness(readiness, blocks)
    story.append(blocks.heading("Besluit", 1, toc=False))
    story.append(blocks.paragraph(DECISION_SENTENCES[review.decision or Decision.NOT_YET], "body"))
    if review.decision_reason:
        story.append(
            blocks.paragraph(f"Toelichting van de adviseur: {review.decision_reason}", "body")
        )
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
        story += _verdicts(review, edition, answers, blocks)
    return story


def _readiness(readiness: Readiness, blocks: Blocks) -> list[Flowable]:
    """The score as the adviser's verdicts make it, beside the organisation's own."""
    from goedgeregeld.words import format_percentage

    story: list[Flowable] = [blocks.heading("Uitkomst na de beoordeling", 1, toc=False)]
    story.append(
        blocks.paragraph(
            f"Totaalscore na het oordeel van de adviseur: "
            f"<b>{markup(format_percentage(readiness.score.total))}</b> "
            f"(eigen score van de organisatie: {markup(format_percentage(readiness.own_total))}). "
            f"De adviseur stelt bij {counted(readiness.lower, 'stelling', 'stellingen')} een "
            f"lagere en bij {counted(readiness.higher, 'stelling', 'stellingen')} een hogere "
            "score voor.",
            "body",
            raw=True,
        )
    )
    below = readiness.themes_below
    if below:
        count = counted(len(below), "thema", "thema's")
        verb = plural(len(below), "haalt", "halen")
        story.append(
            blocks.paragraph(
                f"Daarmee {verb} {count} het minimum niet: {', '.join(below)}.", "body"
            )
        )
    else:
        story.append(blocks.paragraph("Daarmee haalt elk thema het minimum.", "body"))
    if readiness.unreviewed:
        open_ = counted(len(readiness.unreviewed), "stelling", "stellingen")
        story.append(blocks.paragraph(f"Nog niet beoordeeld: {open_}.", "body"))
    return story


def _says_something(item: StatementReviewRecord) -> bool:
    return item.verdict is not Verdict.AGREE or bool(item.comment) or item.changed


def _verdicts(
    review: ReviewRecord, edition: Edition, answers: dict[str, AnswerRecord], blocks: Blocks
) -> list[Flowable]:
    """The verdicts that say something, in questionnaire order; plain "eens" only counted."""
    story: list[Flowable] = [blocks.heading("Oordeel per stelling", 1, toc=False)]
    order = {sid: i for i, sid in enumerate(edition.statements_by_id)}
    verdicts = sorted(
        review.statements.values(), key=lambda r: order.get(r.statement_id, len(order))
    )
    shown = [item for item in verdicts if _says_something(item)]
    agreed = len(verdicts) - len(shown)
    rows = []
    for item in shown:
        statement = edition.statements_by_id.get(item.statement_id)
        proposed = "" if item.proposed_score is None else str(item.proposed_score)
        rows.append(
            [
                f"{item.statement_id} {statement.text}" if statement else item.statement_id,
                _own_score(answers.get(item.statement_id)),
                VERDICT_LABELS[item.verdict],
                proposed,
                item.comment + (CHANGED_NOTE if item.changed else ""),
            ]
        )
    if rows:
        story.append(
            blocks.table(
                ["Stelling", "Eigen score", "Oordeel", "Voorstel", "Toelichting"],
                rows,
                [0.3, 0.11, 0.17, 0.1, 0.32],
            )
        )
    if agreed:
        others = "de overige" if rows else "alle"
        story.append(
            blocks.paragraph(
                f"Met {others} {counted(agreed, 'stelling', 'stellingen')} is de adviseur het "
                "eens, zonder opmerking.",
                "body",
            )
        )
    return story


def _own_score(answer: AnswerRecord | None) -> str:
    if answer is None or not answer.is_answered:
        return NOT_ANSWERED
    return NOT_APPLICABLE if answer.not_applicable else str(answer.value)
