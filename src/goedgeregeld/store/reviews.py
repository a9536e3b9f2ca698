"""The adviser's review use cases: verdict per statement, theme comments, decision, mark date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from goedgeregeld.base import text as rules
from goedgeregeld.store.advisers import require_adviser
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError, checked_text
from goedgeregeld.store.models.adviser import Review, ReviewCondition, StatementReview, ThemeComment
from goedgeregeld.store.models.core import Answer, Evaluation, Organisation
from goedgeregeld.store.records import AdviserRecord
from goedgeregeld.store.review_guard import Readiness, assess_readiness
from goedgeregeld.store.review_records import (
    ConditionRecord,
    Decision,
    QualityMark,
    ReviewRecord,
    StatementReviewRecord,
    Verdict,
)
from goedgeregeld.store.snapshots import edition_from_snapshot
from goedgeregeld.words.choices import DECISION_WORDS, VERDICT_WORDS, choice_list

MAX_COMMENT_LENGTH = rules.COMMENT.max_length
MAX_CONDITION_LENGTH = rules.CONDITION.max_length
MAX_CONDITIONS = 100


def _client_evaluation(session: Session, evaluation_id: str) -> Evaluation:
    evaluation = session.get(Evaluation, evaluation_id)
    if evaluation is None:
        raise NotFoundError("zelfevaluatie", evaluation_id)
    organisation = session.get(Organisation, evaluation.organisation_id)
    if organisation is None or organisation.origin != "client":
        raise StoreError(
            "alleen zelfevaluaties van klanten kun je beoordelen; "
            "lees eerst het evaluatiebestand van de organisatie in"
        )
    return evaluation


def _own_review(session: Session, evaluation_id: str, adviser: AdviserRecord) -> Review:
    review = session.get(Review, evaluation_id)
    now = utc_now()
    if review is None:
        review = Review(
            evaluation_id=evaluation_id,
            origin="own",
            adviser_id=adviser.id,
            adviser_name=adviser.name,
            adviser_region=adviser.region,
            updated_at=now,
        )
        session.add(review)
        session.flush()
    review.adviser_id, review.adviser_name = adviser.id, adviser.name
    review.adviser_region, review.updated_at = adviser.region, now
    return review


def _check_comment(comment: str | None) -> str:
    return checked_text(comment, rules.COMMENT).strip()


def _check_proposal(verdict: Verdict, proposed: int | None, answer: Answer | None) -> None:
    if verdict is Verdict.AGREE:
        if proposed is not None:
            raise StoreError("bij 'eens' hoort geen voorgestelde score")
        return
    if proposed is None or isinstance(proposed, bool) or proposed not in (0, 1, 2, 3):
        raise StoreError("geef de voorgestelde score: 0, 1, 2 of 3")
    current = None if answer is None or answer.not_applicable else answer.value
    if current is None:
        return
    if verdict is Verdict.LOWER and proposed >= current:
        raise StoreError(f"'lager' vraagt een score onder de eigen score ({current})")
    if verdict is Verdict.HIGHER and proposed <= current:
        raise StoreError(f"'hoger' vraagt een score boven de eigen score ({current})")


def set_statement_review(
    db: Database,
    evaluation_id: str,
    statement_id: str,
    verdict: Verdict | str,
    proposed_score: int | None = None,
    comment: str | None = None,
) -> StatementReviewRecord:
    """Record the verdict on one statement (replacing an earlier one; clears "changed")."""
    try:
        chosen = Verdict(verdict)
    except ValueError:
        words = choice_list(list(VERDICT_WORDS.values()))
        raise StoreError(f"onbekend oordeel '{verdict}': kies {words}") from None
    text = _check_comment(comment)
    adviser = require_adviser(db)
    with db.session() as session:
        evaluation = _client_evaluation(session, evaluation_id)
        edition = edition_from_snapshot(evaluation.edition_snapshot, evaluation.edition_hash)
        if statement_id not in edition.statements_by_id:
            raise NotFoundError("stelling", statement_id)
        _check_proposal(chosen, proposed_score, session.get(Answer, (evaluation_id, statement_id)))
        _own_review(session, evaluation_id, adviser)
        row = session.get(StatementReview, (evaluation_id, statement_id))
        now = utc_now()
        if row is None:
            row = StatementReview(evaluation_id=evaluation_id, statement_id=statement_id)
            session.add(row)
        row.verdict, row.proposed_score, row.comment = chosen.value, proposed_score, text
        row.changed, row.updated_at = False, now
        return StatementReviewRecord(statement_id, chosen, proposed_score, text, False, now)


def set_theme_comment(db: Database, evaluation_id: str, theme_id: str, comment: str) -> None:
    """Record (or with an empty text remove) the adviser's comment on a theme."""
    text = _check_comment(comment)
    adviser = require_adviser(db)
    with db.session() as session:
        evaluation = _client_evaluation(session, evaluation_id)
        edition = edition_from_snapshot(evaluation.edition_snapshot, evaluation.edition_hash)
        if theme_id not in {t.id for t in edition.themes}:
            raise NotFoundError("thema", theme_id)
        _own_review(session, evaluation_id, adviser)
        row = session.get(ThemeComment, (evaluation_id, theme_id))
        if not text:
            if row is not None:
                session.delete(row)
            return
        if row is None:
            row = ThemeComment(evaluation_id=evaluation_id, theme_id=theme_id)
            session.add(row)
        row.comment, row.updated_at = text, utc_now()


def decide(
    db: Database,
    evaluation_id: str,
    decision: Decision | str,
    conditions: Sequence[tuple[str, date]] = (),
    reason: str | None = None,
    today: date | None = None,
) -> None:
    """Record the decision; "klaar met voorwaarden" needs conditions, each with a deadline.

    "Klaar voor keurmerk" is refused unless the guard holds (``review_guard``): every
    applicable statement reviewed, every theme at its minimum and every must-have met after
    the adviser's own verdicts; against the guard it needs a written ``reason``, which is
    kept and travels in the review file. A deadline before ``today`` is refused.
    """
    try:
        chosen = Decision(decision.replace("-", "_"))
    except ValueError:
        words = choice_list(list(DECISION_WORDS.values()))
        raise StoreError(f"onbekend besluit '{decision}': kies {words}") from None
    if len(conditions) > MAX_CONDITIONS:
        raise StoreError(f"te veel voorwaarden (meer dan {MAX_CONDITIONS})")
    cleaned = [(checked_text(text, rules.CONDITION), deadline) for text, deadline in conditions]
    if chosen is Decision.CONDITIONS and not cleaned:
        raise StoreError(
            "bij 'klaar met voorwaarden' hoort minstens één voorwaarde met een uiterlijke datum"
        )
    if chosen is not Decision.CONDITIONS and cleaned:
        raise StoreError("voorwaarden horen alleen bij 'klaar met voorwaarden'")
    if len(cleaned) > MAX_CONDITIONS:
        raise StoreError(f"te veel voorwaarden (meer dan {MAX_CONDITIONS})")
    day = today or date.today()
    late = [deadline for _text, deadline in cleaned if deadline < day]
    if late:
        raise StoreError(
            f"de uiterste datum {min(late):%d-%m-%Y} ligt in het verleden; "
            "kies een datum vanaf vandaag"
        )
    written = (checked_text(reason, rules.COMMENT).strip() or None) if reason else None
    if chosen is Decision.READY:
        _guard_ready(db, evaluation_id, written)
    adviser = require_adviser(db)
    with db.session() as session:
        _client_evaluation(session, evaluation_id)
        review = _own_review(session, evaluation_id, adviser)
        review.decision, review.decided_at = chosen.value, utc_now()
        review.decision_reason = written
        if chosen is Decision.NOT_YET:
            review.mark_granted_on = None
        session.execute(
            delete(ReviewCondition).where(ReviewCondition.evaluation_id == evaluation_id)
        )
        for position, (text, deadline) in enumerate(cleaned):
            session.add(
                ReviewCondition(
                    evaluation_id=evaluation_id, position=position, text=text, deadline=deadline
                )
            )


def load_readiness(db: Database, evaluation_id: str) -> Readiness:
    """The guard's view of an evaluation and its review (``review_guard.assess_readiness``)."""
    from goedgeregeld.store.evaluations import load_state

    return assess_readiness(load_state(db, evaluation_id), load_review(db, evaluation_id))


def _guard_ready(db: Database, evaluation_id: str, reason: str | None) -> None:
    readiness = load_readiness(db, evaluation_id)
    if readiness.ready or reason:
        return
    raise StoreError(
        "'klaar voor keurmerk' volgt nog niet uit uw beoordeling: "
        + readiness.reasons_text()
        + ". Besluit u toch 'klaar voor keurmerk', schrijf dan op waarom (een reden)"
    )


def mark_review_sent(db: Database, evaluation_id: str) -> None:
    """Remember that the review file of this evaluation was just written."""
    with db.session() as session:
        review = session.get(Review, evaluation_id)
        if review is not None:
            review.exported_at = utc_now()


def record_quality_mark(db: Database, evaluation_id: str, granted_on: date | None) -> None:
    """Record the date the quality mark was granted (None clears it)."""
    adviser = require_adviser(db)
    with db.session() as session:
        _client_evaluation(session, evaluation_id)
        review = _own_review(session, evaluation_id, adviser)
        if granted_on is not None and review.decision not in (
            Decision.READY.value,
            Decision.CONDITIONS.value,
        ):
            raise StoreError(
                "leg eerst het besluit 'klaar voor keurmerk' of 'klaar met voorwaarden' vast"
            )
        review.mark_granted_on = granted_on


def load_review(db: Database, evaluation_id: str) -> ReviewRecord | None:
    """The review of an evaluation (own or received), or None when there is none."""
    with db.session() as session:
        review = session.get(Review, evaluation_id)
        if review is None:
            return None
        statements = {
            row.statement_id: StatementReviewRecord(
                row.statement_id,
                Verdict(row.verdict),
                row.proposed_score,
                row.comment,
                row.changed,
                row.updated_at,
            )
            for row in session.scalars(
                select(StatementReview).where(StatementReview.evaluation_id == evaluation_id)
            )
        }
        themes = {
            row.theme_id: row.comment
            for row in session.scalars(
                select(ThemeComment).where(ThemeComment.evaluation_id == evaluation_id)
            )
        }
        conditions = tuple(
            ConditionRecord(row.text, row.deadline)
            for row in session.scalars(
                select(ReviewCondition)
                .where(ReviewCondition.evaluation_id == evaluation_id)
                .order_by(ReviewCondition.position)
            )
        )
        return ReviewRecord(
            evaluation_id=evaluation_id,
            origin=review.origin,
            adviser_id=review.adviser_id,
            adviser_name=review.adviser_name,
            adviser_region=review.adviser_region,
            decision=Decision(review.decision) if review.decision else None,
            decided_at=review.decided_at,
            conditions=conditions,
            quality_mark=QualityMark(review.mark_granted_on) if review.mark_granted_on else None,
            statements=statements,
            theme_comments=themes,
            updated_at=review.updated_at,
            decision_reason=review.decision_reason,
            sent_at=review.exported_at,
            adviser_recognised=review.origin == "own" or review.adviser_recognised,
            recognition_problem=review.recognition_problem,
        )
