"""The adviser's review in the advice report: plain input data, a loader hook and its flowables.

``load_review(db, evaluation_id)`` is the single place the report asks for a review: it reads
the adviser's (or the imported) review and maps it onto ``ReviewSummary`` (per-statement
verdicts, per-theme comments, the decision with its conditions, adviser name and date), or
returns ``None`` when there is none. When it returns a summary, ``write_advice_report`` adds
the section "Beoordeling door de adviseur". The verdict and decision values are the store's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from goedgeregeld.report.dates import dutch_date
from goedgeregeld.report.text import markup
from goedgeregeld.store.review_records import Decision, Verdict

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.report.blocks import Blocks
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.records import AnswerRecord


VERDICT_LABELS = {
    Verdict.AGREE: "eens",
    Verdict.LOWER: "lager",
    Verdict.HIGHER: "hoger",
}
DECISION_LABELS = {
    Decision.READY: "Klaar voor de keurmerktoetsing.",
    Decision.CONDITIONS: "Klaar voor de keurmerktoetsing als aan de voorwaarden hieronder is voldaan.",
    Decision.NOT_YET: "Nog niet klaar voor de keurmerktoetsing.",
}


@dataclass(frozen=True)
class StatementReview:
    """The adviser's verdict on one statement; ``proposed_score`` only with lower/higher."""

    statement_id: str
    verdict: Verdict
    proposed_score: int | None = None
    comment: str = ""


@dataclass(frozen=True)
class Condition:
    """Something the organisation must arrange before the assessment, with an optional deadline."""

    description: str
    deadline: date | None = None


@dataclass(frozen=True)
class ReviewSummary:
    """Everything the report prints about an adviser's review."""

    adviser_name: str
    reviewed_on: date
    decision: Decision
    statements: tuple[StatementReview, ...] = ()
    theme_comments: dict[str, str] = field(default_factory=dict)
    """Comment per theme id."""
    conditions: tuple[Condition, ...] = ()
    general_comment: str = ""


def load_review(db: Database, evaluation_id: str) -> ReviewSummary | None:
    """The adviser's review of an evaluation (own or received), or None while there is none.

    A review without a decision yet prints as "nog niet", so verdicts are never hidden.
    """
    from goedgeregeld.store.reviews import load_review as load_stored_review

    stored = load_stored_review(db, evaluation_id)
    if stored is None:
        return None
    return ReviewSummary(
        adviser_name=stored.adviser_name,
        reviewed_on=(stored.decided_at or stored.updated_at).date(),
        decision=stored.decision or Decision.NOT_YET,
        statements=tuple(
            StatementReview(
                s.statement_id,
                s.verdict,
                s.proposed_score,
                s.comment + (" (gewijzigd na dit oordeel)" if s.changed else ""),
            )
            for s in stored.statements.values()
        ),
        theme_comments=dict(stored.theme_comments),
        conditions=tuple(Condition(c.text, c.deadline) for c in stored.conditions),
    )


def review_flowables(
    review: ReviewSummary,
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
    story.append(blocks.paragraph(DECISION_LABELS[review.decision], "body"))
    if review.conditions:
        rows = [
            [c.description, dutch_date(c.deadline) if c.deadline else "geen datum"]
            for c in review.conditions
        ]
        story.append(blocks.table(["Voorwaarde", "Uiterlijk"], rows, [0.75, 0.25]))
    if review.general_comment:
        story.append(
            blocks.paragraph(
                f"<b>Toelichting van de adviseur:</b> {markup(review.general_comment)}",
                "body",
                raw=True,
            )
        )
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
        for item in sorted(review.statements, key=lambda r: order.get(r.statement_id, len(order))):
            statement = edition.statements_by_id.get(item.statement_id)
            own = answers.get(item.statement_id)
            proposed = "" if item.proposed_score is None else str(item.proposed_score)
            rows.append(
                [
                    f"{item.statement_id} {statement.text}" if statement else item.statement_id,
                    _own_score(own),
                    VERDICT_LABELS[item.verdict],
                    proposed,
                    item.comment,
                ]
            )
        story.append(
            blocks.table(
                ["Stelling", "Eigen score", "Oordeel", "Voorstel", "Toelichting"],
                rows,
                [0.34, 0.11, 0.1, 0.1, 0.35],
            )
        )
    return story


def _own_score(answer: AnswerRecord | None) -> str:
    if answer is None or not answer.is_answered:
        return "open"
    return "n.v.t." if answer.not_applicable else str(answer.value)
