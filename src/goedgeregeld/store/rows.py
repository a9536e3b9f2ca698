"""ORM rows to plain records: the one place inside the store where a row becomes a record."""

from __future__ import annotations

from goedgeregeld.store.models.adviser import Adviser
from goedgeregeld.store.models.core import Action, Answer, Evaluation, Organisation
from goedgeregeld.store.models.evidence import Attachment
from goedgeregeld.store.records import (
    ActionRecord,
    AdviserRecord,
    AnswerRecord,
    AttachmentRecord,
    EvaluationRecord,
    OrganisationRecord,
)


def organisation_record(row: Organisation) -> OrganisationRecord:
    """An organisation row as its record."""
    return OrganisationRecord(
        id=row.id,
        name=row.name,
        city=row.city,
        province=row.province,
        volunteers=row.volunteers,
        paid_fte=row.paid_fte,
        created_at=row.created_at,
        origin=row.origin,
    )


def evaluation_record(row: Evaluation) -> EvaluationRecord:
    """An evaluation row as its header record (never the questionnaire snapshot)."""
    return EvaluationRecord(
        id=row.id,
        organisation_id=row.organisation_id,
        edition_id=row.edition_id,
        edition_version=row.edition_version,
        edition_hash=row.edition_hash,
        variant=row.variant,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        completed_at=row.completed_at,
        last_statement_id=row.last_statement_id,
        answered_count=row.answered_count,
        required_count=row.required_count,
        total_score=row.total_score,
        carried_from=row.carried_from,
    )


def answer_record(row: Answer) -> AnswerRecord:
    """An answer row as its record."""
    return AnswerRecord(
        row.statement_id,
        row.value,
        row.not_applicable,
        row.note,
        row.updated_at,
        tuple(row.carried_from.split(",")) if row.carried_from else (),
        row.confirmed,
    )


def action_record(row: Action) -> ActionRecord:
    """An action row as its record."""
    return ActionRecord(
        id=row.id,
        evaluation_id=row.evaluation_id,
        statement_id=row.statement_id,
        description=row.description,
        owner=row.owner,
        deadline=row.deadline,
        status=row.status,
        position=row.position,
        carried_from=row.carried_from,
    )


def attachment_record(row: Attachment, size: int) -> AttachmentRecord:
    """An attachment row with the size of its stored file."""
    return AttachmentRecord(
        id=row.id,
        evaluation_id=row.evaluation_id,
        statement_id=row.statement_id,
        sha256=row.sha256,
        file_name=row.file_name,
        size=size,
        added_at=row.added_at,
    )


def adviser_record(row: Adviser) -> AdviserRecord:
    """An adviser row as its record."""
    return AdviserRecord(row.id, row.name, row.region, row.registered_at)
