"""Importing a checked evaluation file on the adviser's installation, in one transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from goedgeregeld.base.provinces import normalise_province
from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.evaluation.file import EvaluationContent, check_evaluation_archive
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.scoring import NOT_APPLICABLE, AnswerValue, Variant, score_evaluation
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evidence import (
    blob_path,
    ensure_evidence_row,
    remove_unused_blobs,
    store_blob_bytes,
)
from goedgeregeld.store.models.adviser import ClientImport, StatementReview
from goedgeregeld.store.models.core import Action, Answer, Evaluation, Organisation
from goedgeregeld.store.models.evidence import Attachment

StatementState = tuple[int | None, bool, str, frozenset[str]]


def import_evaluation_archive(db: Database, archive: Archive) -> ImportOutcome:
    """Check an evaluation archive and add or update the client's evaluation."""
    content = check_evaluation_archive(archive)
    path, evaluation = archive.path, content.evaluation
    with db.session() as session:
        status = _status(session, content)
    if status is ImportStatus.UNCHANGED:
        return ImportOutcome(
            path, status, f"{path.name}: al ingelezen; niets veranderd", "evaluation", evaluation.id
        )
    if status is ImportStatus.OLDER:
        return ImportOutcome(
            path,
            status,
            f"{path.name}: ouder dan de versie die er al is; niets veranderd",
            "evaluation",
            evaluation.id,
        )
    placed = [sha for sha in content.evidence if not blob_path(db, sha).exists()]
    for data in content.evidence.values():
        store_blob_bytes(db, data)
    try:
        with db.session() as session:
            changed, dropped = _apply(session, content)
    except BaseException:
        remove_unused_blobs(db, placed)
        raise
    remove_unused_blobs(db, dropped)
    name = content.organisation.name
    if status is ImportStatus.IMPORTED:
        message = f"{path.name}: zelfevaluatie van {name} ingelezen"
    else:
        message = f"{path.name}: zelfevaluatie van {name} bijgewerkt"
        if changed:
            message += f"; {len(changed)} beoordeelde stelling(en) gewijzigd: " + ", ".join(changed)
    return ImportOutcome(path, status, message, "evaluation", evaluation.id, tuple(changed))


def _status(session: Session, content: EvaluationContent) -> ImportStatus:
    path, evaluation = content.archive.path, content.evaluation
    organisation = session.get(Organisation, content.organisation.id)
    if organisation is not None and organisation.origin == "own":
        raise ExchangeFileError(
            path, "dit evaluatiebestand komt van deze installatie zelf; inlezen is niet nodig"
        )
    existing = session.get(Evaluation, evaluation.id)
    if existing is None:
        return ImportStatus.IMPORTED
    if existing.organisation_id != evaluation.organisation_id:
        raise ExchangeFileError(path, "deze zelfevaluatie staat hier al bij een andere organisatie")
    previous = session.get(ClientImport, evaluation.id)
    if previous is None:
        raise ExchangeFileError(path, "deze zelfevaluatie bestaat hier al als eigen zelfevaluatie")
    if previous.file_digest == content.archive.digest:
        return ImportStatus.UNCHANGED
    if evaluation.updated_at < existing.updated_at:
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


def _new_states(content: EvaluationContent) -> dict[str, StatementState]:
    evidence: dict[str, set[str]] = {}
    for item in content.evaluation.evidence:
        evidence.setdefault(item.statement_id, set()).add(item.sha256)
    states: dict[str, StatementState] = {
        a.statement_id: (
            a.value,
            a.not_applicable,
            a.note,
            frozenset(evidence.get(a.statement_id, ())),
        )
        for a in content.evaluation.answers
    }
    for statement_id, shas in evidence.items():
        states.setdefault(statement_id, (None, False, "", frozenset(shas)))
    return states


def _apply(session: Session, content: EvaluationContent) -> tuple[list[str], list[str]]:
    """Write everything; returns (reviewed statements that changed, hashes no longer used)."""
    org, part, edition = content.organisation, content.evaluation, content.edition
    now = utc_now()
    organisation = session.get(Organisation, org.id)
    if organisation is None:
        organisation = Organisation(id=org.id, origin="client", created_at=org.created_at)
        session.add(organisation)
    organisation.name = " ".join(org.name.split()) or org.name
    organisation.city = org.city
    organisation.province = normalise_province(org.province) if org.province else None
    organisation.volunteers, organisation.paid_fte = org.volunteers, org.paid_fte

    old_states = _statement_states(session, part.id)
    old_shas = set(
        session.scalars(select(Attachment.sha256).where(Attachment.evaluation_id == part.id))
    )
    values: dict[str, AnswerValue] = {}
    for answer in part.answers:
        if answer.not_applicable:
            values[answer.statement_id] = NOT_APPLICABLE
        elif answer.value is not None:
            values[answer.statement_id] = answer.value
    result = score_evaluation(edition, values, Variant(part.variant))
    evaluation = session.get(Evaluation, part.id)
    if evaluation is None:
        evaluation = Evaluation(id=part.id, organisation_id=org.id)
        session.add(evaluation)
    evaluation.edition_id, evaluation.edition_version = edition.id, edition.version
    evaluation.edition_hash, evaluation.edition_snapshot = (
        edition.content_hash,
        (edition.canonical_json()),
    )
    evaluation.variant, evaluation.status = part.variant, part.status
    evaluation.created_at, evaluation.updated_at = part.created_at, part.updated_at
    evaluation.completed_at = part.completed_at
    evaluation.answered_count, evaluation.required_count = result.answered, result.required
    evaluation.total_score = result.total
    session.flush()

    for table in (Answer, Action, Attachment):
        session.execute(delete(table).where(table.evaluation_id == part.id))
    session.add_all(
        Answer(
            evaluation_id=part.id,
            statement_id=a.statement_id,
            value=a.value,
            not_applicable=a.not_applicable,
            note=a.note,
            updated_at=a.updated_at,
        )
        for a in part.answers
    )
    session.add_all(
        Action(
            id=a.id,
            evaluation_id=part.id,
            statement_id=a.statement_id,
            description=a.description,
            owner=a.owner,
            deadline=a.deadline,
            status=a.status,
            position=a.position,
            created_at=now,
            updated_at=now,
        )
        for a in part.actions
    )
    for sha, data in content.evidence.items():
        ensure_evidence_row(session, sha, len(data))
    session.add_all(
        Attachment(
            id=str(uuid.uuid4()),
            evaluation_id=part.id,
            statement_id=item.statement_id,
            sha256=item.sha256,
            file_name=item.file_name,
            added_at=now,
        )
        for item in part.evidence
    )
    changed = _flag_changes(session, part.id, old_states, _new_states(content))
    previous = session.get(ClientImport, part.id)
    if previous is None:
        previous = ClientImport(evaluation_id=part.id)
        session.add(previous)
    previous.file_digest = content.archive.digest
    previous.exported_at, previous.imported_at = content.archive.manifest.created_at, now
    return changed, sorted(old_shas - set(content.evidence))


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
