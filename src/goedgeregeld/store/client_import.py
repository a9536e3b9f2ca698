"""An adviser records a client's checked evaluation file: all of it in one transaction.

The exchange layer parses and checks the file and hands over a ``ReceivedEvaluation``
of plain records; this module decides whether it is new, newer, the same or older than
what is here, stores the evidence files, replaces the evaluation with its answers, plan
and evidence, and flags reviewed statements the organisation changed since.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from goedgeregeld.base.provinces import normalise_province
from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import NOT_APPLICABLE, AnswerValue, Variant, score_evaluation
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.evidence import (
    blob_path,
    ensure_evidence_row,
    remove_unused_blobs,
    store_blob_bytes,
)
from goedgeregeld.store.import_signer import ImportSigner, pin_signer
from goedgeregeld.store.models.adviser import ClientImport, StatementReview
from goedgeregeld.store.models.core import Action, Answer, Evaluation, Organisation
from goedgeregeld.store.models.evidence import Attachment
from goedgeregeld.store.records import (
    ActionRecord,
    AnswerRecord,
    EvidenceRef,
    ImportStatus,
    OrganisationRecord,
)
from goedgeregeld.store.shared_spread import SpreadEntry, record_shared_spread

StatementState = tuple[int | None, bool, str, frozenset[str]]
"""What a review's verdict was about: value, not applicable, note and evidence hashes."""


@dataclass(frozen=True)
class ReceivedEvaluation:
    """A client's evaluation file, checked completely, as plain records."""

    organisation: OrganisationRecord
    evaluation_id: str
    variant: str
    status: EvaluationStatus
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    edition: Edition
    """The questionnaire the file carries (its hash already checked)."""
    answers: tuple[AnswerRecord, ...]
    actions: tuple[ActionRecord, ...]
    evidence: tuple[EvidenceRef, ...]
    evidence_files: Mapping[str, bytes]
    """The bytes of every evidence file, by SHA-256."""
    file_digest: str
    """The file's digest: the same file read again changes nothing."""
    exported_at: datetime
    spread: tuple[SpreadEntry, ...] = ()
    """The spread per statement, when the organisation chose to share it (issue 19)."""


@dataclass(frozen=True)
class ClientImportResult:
    """How the import ended, and which reviewed statements the organisation changed since."""

    status: ImportStatus
    changed_statements: tuple[str, ...] = ()


def import_client_evaluation(
    db: Database, received: ReceivedEvaluation, signer: ImportSigner | None = None
) -> ClientImportResult:
    """Add or update the client's evaluation; raises ImportRefusedError when it does not fit.

    A signed file's ``signer`` is pinned in the same transaction as the evaluation (or, when
    nothing changes, on its own).
    """
    with db.session() as session:
        status = _status(session, received)
        if status in (ImportStatus.UNCHANGED, ImportStatus.OLDER):
            pin_signer(session, signer)
            return ClientImportResult(status)
    files = received.evidence_files
    placed = [sha for sha in files if not blob_path(db, sha).exists()]
    for data in files.values():
        store_blob_bytes(db, data)
    try:
        with db.session() as session:
            changed, dropped = _apply(session, received)
            record_shared_spread(session, received.evaluation_id, received.spread)
            pin_signer(session, signer)
    except BaseException:
        remove_unused_blobs(db, placed)
        raise
    remove_unused_blobs(db, dropped)
    return ClientImportResult(status, tuple(changed))


def _status(session: Session, received: ReceivedEvaluation) -> ImportStatus:
    organisation = session.get(Organisation, received.organisation.id)
    if organisation is not None and organisation.origin == "own":
        raise ImportRefusedError(
            "dit evaluatiebestand komt van deze installatie zelf; inlezen is niet nodig"
        )
    existing = session.get(Evaluation, received.evaluation_id)
    if existing is None:
        return ImportStatus.IMPORTED
    if existing.organisation_id != received.organisation.id:
        raise ImportRefusedError("deze zelfevaluatie staat hier al bij een andere organisatie")
    previous = session.get(ClientImport, received.evaluation_id)
    if previous is None:
        raise ImportRefusedError("deze zelfevaluatie bestaat hier al als eigen zelfevaluatie")
    if previous.file_digest == received.file_digest:
        return ImportStatus.UNCHANGED
    if received.updated_at < existing.updated_at:
        return ImportStatus.OLDER
    return ImportStatus.UPDATED


def _statement_states(session: Session, evaluation_id: str) -> dict[str, StatementState]:
    evidence: dict[str, set[str]] = {}
    for statement_id, sha in session.execute(
        select(Attachment.statement_id, Attachment.sha256).where(
            Attachment.evaluation_id == evaluation_id
        )
    ):
        evidence.setdefault(statement_id, set()).add(sha)
    states: dict[str, StatementState] = {}
    for answer in session.scalars(select(Answer).where(Answer.evaluation_id == evaluation_id)):
        states[answer.statement_id] = (
            answer.value,
            answer.not_applicable,
            answer.note,
            frozenset(evidence.get(answer.statement_id, ())),
        )
    for statement_id, shas in evidence.items():
        states.setdefault(statement_id, (None, False, "", frozenset(shas)))
    return states


def _new_states(received: ReceivedEvaluation) -> dict[str, StatementState]:
    evidence: dict[str, set[str]] = {}
    for item in received.evidence:
        evidence.setdefault(item.statement_id, set()).add(item.sha256)
    states: dict[str, StatementState] = {
        a.statement_id: (
            a.value,
            a.not_applicable,
            a.note,
            frozenset(evidence.get(a.statement_id, ())),
        )
        for a in received.answers
    }
    for statement_id, shas in evidence.items():
        states.setdefault(statement_id, (None, False, "", frozenset(shas)))
    return states


def _apply(session: Session, received: ReceivedEvaluation) -> tuple[list[str], list[str]]:
    """Write everything; returns (reviewed statements that changed, hashes no longer used)."""
    org, evaluation_id, edition = received.organisation, received.evaluation_id, received.edition
    now = utc_now()
    organisation = session.get(Organisation, org.id)
    if organisation is None:
        organisation = Organisation(id=org.id, origin="client", created_at=org.created_at)
        session.add(organisation)
    organisation.name = " ".join(org.name.split()) or org.name
    organisation.city = org.city
    organisation.province = normalise_province(org.province) if org.province else None
    organisation.volunteers, organisation.paid_fte = org.volunteers, org.paid_fte

    old_states = _statement_states(session, evaluation_id)
    old_shas = set(
        session.scalars(select(Attachment.sha256).where(Attachment.evaluation_id == evaluation_id))
    )
    values: dict[str, AnswerValue] = {}
    for answer in received.answers:
        if answer.not_applicable:
            values[answer.statement_id] = NOT_APPLICABLE
        elif answer.value is not None:
            values[answer.statement_id] = answer.value
    result = score_evaluation(edition, values, Variant(received.variant))
    evaluation = session.get(Evaluation, evaluation_id)
    if evaluation is None:
        evaluation = Evaluation(id=evaluation_id, organisation_id=org.id)
        session.add(evaluation)
    evaluation.edition_id, evaluation.edition_version = edition.id, edition.version
    evaluation.edition_hash = edition.content_hash
    evaluation.edition_snapshot = edition.canonical_json()
    evaluation.variant, evaluation.status = received.variant, received.status
    evaluation.created_at, evaluation.updated_at = received.created_at, received.updated_at
    evaluation.completed_at = received.completed_at
    evaluation.answered_count, evaluation.required_count = result.answered, result.required
    evaluation.total_score = result.total
    session.flush()

    for table in (Answer, Action, Attachment):
        session.execute(delete(table).where(table.evaluation_id == evaluation_id))
    session.add_all(
        Answer(
            evaluation_id=evaluation_id,
            statement_id=a.statement_id,
            value=a.value,
            not_applicable=a.not_applicable,
            note=a.note,
            updated_at=a.updated_at,
        )
        for a in received.answers
    )
    session.add_all(
        Action(
            id=a.id,
            evaluation_id=evaluation_id,
            statement_id=a.statement_id,
            description=a.description,
            owner=a.owner,
            deadline=a.deadline,
            status=a.status,
            position=a.position,
            created_at=now,
            updated_at=now,
        )
        for a in received.actions
    )
    for sha, data in received.evidence_files.items():
        ensure_evidence_row(session, sha, len(data))
    session.add_all(
        Attachment(
            id=str(uuid.uuid4()),
            evaluation_id=evaluation_id,
            statement_id=item.statement_id,
            sha256=item.sha256,
            file_name=item.file_name,
            added_at=now,
        )
        for item in received.evidence
    )
    changed = _flag_changes(session, evaluation_id, old_states, _new_states(received))
    previous = session.get(ClientImport, evaluation_id)
    if previous is None:
        previous = ClientImport(evaluation_id=evaluation_id)
        session.add(previous)
    previous.file_digest = received.file_digest
    previous.exported_at, previous.imported_at = received.exported_at, now
    return changed, sorted(old_shas - set(received.evidence_files))


def _flag_changes(
    session: Session,
    evaluation_id: str,
    old: dict[str, StatementState],
    new: dict[str, StatementState],
) -> list[str]:
    empty: StatementState = (None, False, "", frozenset())
    flagged: list[str] = []
    for review in session.scalars(
        select(StatementReview)
        .where(StatementReview.evaluation_id == evaluation_id)
        .order_by(StatementReview.statement_id)
    ):
        sid = review.statement_id
        if old.get(sid, empty) != new.get(sid, empty):
            review.changed = True
            flagged.append(sid)
    return flagged
