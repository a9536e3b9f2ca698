"""An organisation records a review file from its adviser: checked and stored in one transaction.

The exchange layer parses the file and hands over a ``ReceivedReview`` of plain records;
this module checks it against the evaluation it is about (the organisation's own, with
its frozen questionnaire) and replaces any earlier received review with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.import_signer import ImportSigner, pin_signer
from goedgeregeld.store.models.adviser import Review, ReviewCondition, StatementReview, ThemeComment
from goedgeregeld.store.models.core import Evaluation, Organisation
from goedgeregeld.store.records import ImportStatus
from goedgeregeld.store.review_records import ConditionRecord, Decision, StatementReviewRecord
from goedgeregeld.store.snapshots import edition_from_snapshot


@dataclass(frozen=True)
class ReceivedReview:
    """A review file's content as plain records, in the file's order (duplicates kept)."""

    evaluation_id: str
    organisation_id: str
    adviser_id: str
    adviser_name: str
    adviser_region: str | None
    updated_at: datetime
    decision: Decision | None
    decided_at: datetime | None
    conditions: tuple[ConditionRecord, ...]
    mark_granted_on: date | None
    statements: tuple[StatementReviewRecord, ...]
    """Each verdict's ``updated_at`` is ``received_at``: when this installation got it."""
    theme_comments: tuple[tuple[str, str], ...]
    """(theme id, comment) pairs."""
    file_digest: str
    """The file's digest: the same file read again changes nothing."""
    received_at: datetime
    """When the file was read here; the comments are stamped with it."""
    decision_reason: str | None = None
    """The adviser's reason for the decision, when the file gives one."""
    recognised: bool = False
    """The adviser's NOV certificate verified and named the key that signed the file."""
    certificate_number: str | None = None
    signer_fingerprint: str | None = None
    recognition_problem: str | None = None


def import_received_review(
    db: Database, received: ReceivedReview, signer: ImportSigner | None = None
) -> ImportStatus:
    """Store the adviser's review; raises ImportRefusedError when it does not fit here.

    A signed file's ``signer`` is pinned in the same transaction.
    """
    with db.session() as session:
        evaluation = session.get(Evaluation, received.evaluation_id)
        if evaluation is None:
            raise ImportRefusedError(
                f"deze beoordeling hoort bij een zelfevaluatie die hier niet bestaat "
                f"({received.evaluation_id}); lees haar in op de computer van de organisatie"
            )
        organisation = session.get(Organisation, evaluation.organisation_id)
        if evaluation.organisation_id != received.organisation_id or organisation is None:
            raise ImportRefusedError("deze beoordeling hoort bij een andere organisatie")
        if organisation.origin != "own":
            raise ImportRefusedError(
                "dit is een beoordeling van een klant; die leest de organisatie zelf in"
            )
        _check_against(received, evaluation)
        existing = session.get(Review, received.evaluation_id)
        if existing is not None and existing.origin == "own":
            raise ImportRefusedError("deze beoordeling is op deze installatie zelf gemaakt")
        if existing is not None and existing.received_digest == received.file_digest:
            status = ImportStatus.UNCHANGED
        elif existing is not None and received.updated_at < existing.updated_at:
            status = ImportStatus.OLDER
        else:
            status = ImportStatus.IMPORTED if existing is None else ImportStatus.UPDATED
            _store(session, received, existing)
        pin_signer(session, signer)
    return status


def _check_against(received: ReceivedReview, evaluation: Evaluation) -> None:
    """Every verdict and comment names a statement or theme of the evaluation, once."""
    edition = edition_from_snapshot(evaluation.edition_snapshot, evaluation.edition_hash)
    for verdict in received.statements:
        if verdict.statement_id not in edition.statements_by_id:
            raise ImportRefusedError(f"oordeel over onbekende stelling '{verdict.statement_id}'")
    if len({v.statement_id for v in received.statements}) != len(received.statements):
        raise ImportRefusedError("een stelling heeft twee oordelen")
    theme_ids = {t.id for t in edition.themes}
    for theme_id, _comment in received.theme_comments:
        if theme_id not in theme_ids:
            raise ImportRefusedError(f"opmerking bij onbekend thema '{theme_id}'")
    if len({t for t, _c in received.theme_comments}) != len(received.theme_comments):
        raise ImportRefusedError("een thema heeft twee opmerkingen")


def _store(session: Session, received: ReceivedReview, existing: Review | None) -> None:
    evaluation_id = received.evaluation_id
    if existing is not None:
        for table in (StatementReview, ThemeComment, ReviewCondition):
            session.execute(delete(table).where(table.evaluation_id == evaluation_id))
        session.delete(existing)
        session.flush()
    session.add(
        Review(
            evaluation_id=evaluation_id,
            origin="received",
            adviser_id=received.adviser_id,
            adviser_name=received.adviser_name,
            adviser_region=received.adviser_region,
            decision=received.decision.value if received.decision else None,
            decided_at=received.decided_at,
            mark_granted_on=received.mark_granted_on,
            updated_at=received.updated_at,
            received_digest=received.file_digest,
            decision_reason=received.decision_reason,
            adviser_recognised=received.recognised,
            adviser_certificate=received.certificate_number,
            adviser_fingerprint=received.signer_fingerprint,
            recognition_problem=received.recognition_problem,
        )
    )
    session.flush()
    session.add_all(
        StatementReview(
            evaluation_id=evaluation_id,
            statement_id=v.statement_id,
            verdict=v.verdict.value,
            proposed_score=v.proposed_score,
            comment=v.comment,
            changed=v.changed,
            updated_at=v.updated_at,
        )
        for v in received.statements
    )
    session.add_all(
        ThemeComment(
            evaluation_id=evaluation_id,
            theme_id=theme_id,
            comment=comment,
            updated_at=received.received_at,
        )
        for theme_id, comment in received.theme_comments
    )
    session.add_all(
        ReviewCondition(evaluation_id=evaluation_id, position=i, text=c.text, deadline=c.deadline)
        for i, c in enumerate(received.conditions)
    )
