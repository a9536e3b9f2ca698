"""The top of the results page: the total, the verdict and its reasons; the adviser's first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from goedgeregeld.domain import Verdict
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.words import (
    DECISION_SENTENCES,
    NOT_RECOGNISED_ADVISER,
    NOT_RECOGNISED_EFFECT,
    counted,
    format_percentage,
)

if TYPE_CHECKING:
    from goedgeregeld.scoring import EvaluationScore
    from goedgeregeld.store.review_records import ReviewRecord


@dataclass(frozen=True)
class VerdictTexts:
    """The three texts at the top of the results page."""

    total: str
    headline: str
    reasons: list[str]


def own_verdict(result: EvaluationScore) -> str:
    """What the organisation's own scores say about the quality mark."""
    if result.eligible:
        return tr("U haalt alle eisen om het keurmerk aan te vragen.")
    if result.open_statements:
        return tr("Nog niet alles is ingevuld; dit is een tussenstand.")
    return tr("Nog niet klaar voor het keurmerk. Dit moet eerst beter:")


def adviser_headline(review: ReviewRecord) -> str:
    """The adviser's decision as the page's first sentence, or that it is still to come.

    A review not from a recognised adviser gives no readiness: it never leads with a decision.
    """
    if not review.adviser_recognised:
        return tr("De beoordeling van {name} is {what}: {effect}.").format(
            name=review.adviser_name, what=NOT_RECOGNISED_ADVISER, effect=NOT_RECOGNISED_EFFECT
        )
    if review.decision is None:
        return tr("Uw adviseur {name} heeft uw scores bekeken; het besluit volgt nog.").format(
            name=review.adviser_name
        )
    return tr("Besluit van uw adviseur {name}: {decision}").format(
        name=review.adviser_name, decision=tr(DECISION_SENTENCES[review.decision])
    )


def verdict_texts(
    result: EvaluationScore, reasons: list[str], review: ReviewRecord | None
) -> VerdictTexts:
    """With a review the adviser's decision leads; the own scores' verdict follows below it."""
    total = format_percentage(result.total)
    if review is None:
        return VerdictTexts(
            tr("Totaalscore: {score}").format(score=total), own_verdict(result), reasons
        )
    other = sum(1 for r in review.statements.values() if r.verdict is not Verdict.AGREE)
    verdict = own_verdict(result)
    own = tr("Volgens uw eigen scores: {verdict}").format(verdict=verdict[:1].lower() + verdict[1:])
    lines = [own, *reasons]
    if other:
        lines.append(
            tr("Uw adviseur beoordeelt {n} anders; zie ‘Beoordeling van uw adviseur’.").format(
                n=counted(other, tr("score"), tr("scores"))
            )
        )
    return VerdictTexts(
        tr("Totaalscore volgens uw eigen scores: {score}").format(score=total),
        adviser_headline(review),
        lines,
    )
