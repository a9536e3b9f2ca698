"""Review files (adviser to organisation): writing one, and importing one in one transaction."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.orm import Session

from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, parse_model
from goedgeregeld.exchange.evaluation.format import MAX_JSON_BYTES
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.exchange.review.format import (
    REVIEW_KIND,
    REVIEW_MEMBER,
    AdviserPart,
    ConditionPart,
    ReviewPart,
    StatementVerdictPart,
    ThemeCommentPart,
)
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError
from goedgeregeld.store.models.adviser import Review, ReviewCondition, StatementReview, ThemeComment
from goedgeregeld.store.models.core import Evaluation, Organisation
from goedgeregeld.store.reviews import load_review
from goedgeregeld.store.snapshots import edition_from_snapshot


def export_review(db: Database, evaluation_id: str, path: Path) -> Path:
    """Write the review file of a client evaluation reviewed on this installation."""
    review = load_review(db, evaluation_id)
    if review is None:
        raise StoreError(
            "deze zelfevaluatie heeft nog geen beoordeling; gebruik eerst 'review set'"
        )
    if review.origin != "own":
        raise StoreError("deze beoordeling kwam van een adviseur; alleen die kan haar delen")
    with db.session() as session:
        evaluation = session.get(Evaluation, evaluation_id)
        if evaluation is None:
            raise NotFoundError("zelfevaluatie", evaluation_id)
        organisation_id = evaluation.organisation_id
    part = ReviewPart(
        evaluation_id=evaluation_id,
        organisation_id=organisation_id,
        adviser=AdviserPart(
            id=review.adviser_id, name=review.adviser_name, region=review.adviser_region
        ),
        updated_at=review.updated_at,
        decision=review.decision.value if review.decision else None,
        decided_at=review.decided_at,
        conditions=[ConditionPart(text=c.text, deadline=c.deadline) for c in review.conditions],
        quality_mark_granted_on=review.quality_mark.granted_on if review.quality_mark else None,
        statements=[
            StatementVerdictPart(
                statement_id=s.statement_id,
                verdict=s.verdict.value,
                proposed_score=s.proposed_score,
                comment=s.comment,
                changed=s.changed,
            )
            for s in sorted(review.statements.values(), key=lambda s: s.statement_id)
        ],
        themes=[
            ThemeCommentPart(theme_id=theme_id, comment=comment)
            for theme_id, comment in sorted(review.theme_comments.items())
        ],
    )
    data = json.dumps(part.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True)
    identity = own_identity(db)
    write_signed_archive(
        path,
        REVIEW_KIND,
        {REVIEW_MEMBER: data.encode("utf-8")},
        identity.key,
        identity.installation_id,
    )
    return path


def import_review_archive(db: Database, archive: Archive) -> ImportOutcome:
    """Check a review file against this installation's evaluation and store the verdicts."""
    path = archive.path
    try:
        part = parse_model(ReviewPart, archive.members[REVIEW_MEMBER], MAX_JSON_BYTES)
    except JsonProblemError as exc:
        raise ExchangeFileError(path, f"{REVIEW_MEMBER}: {exc}") from None
    if part.decision != "conditions" and part.conditions:
        raise ExchangeFileError(path, "voorwaarden horen alleen bij 'klaar met voorwaarden'")
    with db.session() as session:
        evaluation = session.get(Evaluation, part.evaluation_id)
        if evaluation is None:
            raise ExchangeFileError(
                path,
                f"deze beoordeling hoort bij een zelfevaluatie die hier niet bestaat "
                f"({part.evaluation_id}); lees haar in op de computer van de organisatie",
            )
        organisation = session.get(Organisation, evaluation.organisation_id)
        if evaluation.organisation_id != part.organisation_id or organisation is None:
            raise ExchangeFileError(path, "deze beoordeling hoort bij een andere organisatie")
        if organisation.origin != "own":
            raise ExchangeFileError(
                path, "dit is een beoordeling van een klant; die leest de organisatie zelf in"
            )
        edition = edition_from_snapshot(evaluation.edition_snapshot, evaluation.edition_hash)
        for verdict in part.statements:
            if verdict.statement_id not in edition.statements_by_id:
                raise ExchangeFileError(
                    path, f"oordeel over onbekende stelling '{verdict.statement_id}'"
                )
        if len({v.statement_id for v in part.statements}) != len(part.statements):
            raise ExchangeFileError(path, "een stelling heeft twee oordelen")
        theme_ids = {t.id for t in edition.themes}
        for theme in part.themes:
            if theme.theme_id not in theme_ids:
                raise ExchangeFileError(path, f"opmerking bij onbekend thema '{theme.theme_id}'")
        if len({t.theme_id for t in part.themes}) != len(part.themes):
            raise ExchangeFileError(path, "een thema heeft twee opmerkingen")
        existing = session.get(Review, part.evaluation_id)
        if existing is not None and existing.origin == "own":
            raise ExchangeFileError(path, "deze beoordeling is op deze installatie zelf gemaakt")
        if existing is not None and existing.received_digest == archive.digest:
            return ImportOutcome(
                path,
                ImportStatus.UNCHANGED,
                f"{path.name}: al ingelezen; niets veranderd",
                "review",
                part.evaluation_id,
            )
        if existing is not None and part.updated_at < existing.updated_at:
            return ImportOutcome(
                path,
                ImportStatus.OLDER,
                f"{path.name}: ouder dan de beoordeling die er al is; niets veranderd",
                "review",
                part.evaluation_id,
            )
        status = ImportStatus.IMPORTED if existing is None else ImportStatus.UPDATED
        _store(session, part, existing, archive.digest)
    return ImportOutcome(
        path,
        status,
        f"{path.name}: beoordeling van {part.adviser.name} ingelezen",
        "review",
        part.evaluation_id,
    )


def _store(session: Session, part: ReviewPart, existing: Review | None, digest: str) -> None:
    if existing is not None:
        for table in (StatementReview, ThemeComment, ReviewCondition):
            session.execute(delete(table).where(table.evaluation_id == part.evaluation_id))
        session.delete(existing)
        session.flush()
    session.add(
        Review(
            evaluation_id=part.evaluation_id,
            origin="received",
            adviser_id=part.adviser.id,
            adviser_name=part.adviser.name,
            adviser_region=part.adviser.region,
            decision=part.decision,
            decided_at=part.decided_at,
            mark_granted_on=part.quality_mark_granted_on,
            updated_at=part.updated_at,
            received_digest=digest,
        )
    )
    session.flush()
    now = utc_now()
    session.add_all(
        StatementReview(
            evaluation_id=part.evaluation_id,
            statement_id=v.statement_id,
            verdict=v.verdict,
            proposed_score=v.proposed_score,
            comment=v.comment,
            changed=v.changed,
            updated_at=now,
        )
        for v in part.statements
    )
    session.add_all(
        ThemeComment(
            evaluation_id=part.evaluation_id, theme_id=t.theme_id, comment=t.comment, updated_at=now
        )
        for t in part.themes
    )
    session.add_all(
        ReviewCondition(
            evaluation_id=part.evaluation_id, position=i, text=c.text, deadline=c.deadline
        )
        for i, c in enumerate(part.conditions)
    )
