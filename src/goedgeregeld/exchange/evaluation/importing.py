"""Importing a checked evaluation file on the adviser's installation, in one transaction.

This module turns the file's parts into the store's plain records and the store's answer
into the Dutch line the user sees; ``store.client_import`` does the recording.
"""

from __future__ import annotations

from goedgeregeld.domain import ActionStatus, EvaluationStatus
from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.evaluation.file import EvaluationContent, check_evaluation_archive
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.store.client_import import ReceivedEvaluation, import_client_evaluation
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.import_signer import ImportSigner
from goedgeregeld.store.records import ActionRecord, AnswerRecord, EvidenceRef, OrganisationRecord
from goedgeregeld.store.shared_spread import SpreadEntry


def received_evaluation(content: EvaluationContent) -> ReceivedEvaluation:
    """The checked file as the store's records."""
    org, part = content.organisation, content.evaluation
    return ReceivedEvaluation(
        organisation=OrganisationRecord(
            id=org.id,
            name=org.name,
            city=org.city,
            province=org.province,
            volunteers=org.volunteers,
            paid_fte=org.paid_fte,
            created_at=org.created_at,
            origin="client",
        ),
        evaluation_id=part.id,
        variant=part.variant,
        status=EvaluationStatus(part.status),
        created_at=part.created_at,
        updated_at=part.updated_at,
        completed_at=part.completed_at,
        edition=content.edition,
        answers=tuple(
            AnswerRecord(a.statement_id, a.value, a.not_applicable, a.note, a.updated_at)
            for a in part.answers
        ),
        actions=tuple(
            ActionRecord(
                id=a.id,
                evaluation_id=part.id,
                statement_id=a.statement_id,
                description=a.description,
                owner=a.owner,
                deadline=a.deadline,
                status=ActionStatus(a.status),
                position=a.position,
            )
            for a in part.actions
        ),
        evidence=tuple(EvidenceRef(e.statement_id, e.sha256, e.file_name) for e in part.evidence),
        evidence_files=content.evidence,
        file_digest=content.archive.digest,
        exported_at=content.archive.manifest.created_at,
        spread=tuple(
            SpreadEntry(e.statement_id, e.spread, e.flagged)
            for e in (content.spread.statements if content.spread else ())
        ),
    )


def import_evaluation_archive(
    db: Database, archive: Archive, signer: ImportSigner | None = None
) -> ImportOutcome:
    """Check an evaluation archive and add or update the client's evaluation.

    A signed file's ``signer`` is pinned in the same transaction.
    """
    content = check_evaluation_archive(archive)
    path, evaluation_id = archive.path, content.evaluation.id
    try:
        result = import_client_evaluation(db, received_evaluation(content), signer)
    except ImportRefusedError as exc:
        raise ExchangeFileError(path, exc.problem) from None
    status, changed = result.status, result.changed_statements
    name = content.organisation.name
    if status is ImportStatus.UNCHANGED:
        message = f"{path.name}: al ingelezen; niets veranderd"
    elif status is ImportStatus.OLDER:
        message = f"{path.name}: ouder dan de versie die er al is; niets veranderd"
    elif status is ImportStatus.IMPORTED:
        message = f"{path.name}: zelfevaluatie van {name} ingelezen"
    else:
        message = f"{path.name}: zelfevaluatie van {name} bijgewerkt"
        if changed:
            message += f"; {len(changed)} beoordeelde stelling(en) gewijzigd: " + ", ".join(changed)
    return ImportOutcome(path, status, message, "evaluation", evaluation_id, changed)
