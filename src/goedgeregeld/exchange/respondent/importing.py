"""Importing respondent files (on the respondent's computer) and answer files (coordinator's)."""

from __future__ import annotations

from goedgeregeld.domain import RespondentRole
from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.exchange.respondent.file import (
    check_answers_archive,
    check_respondent_archive,
    naive_utc,
)
from goedgeregeld.store.answer_import import import_answers
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.import_signer import ImportSigner
from goedgeregeld.store.invitations import InvitationRecord, ReceivedInvitation, import_invitation
from goedgeregeld.store.respondent_records import ReceivedAnswer, ReceivedAnswers
from goedgeregeld.words import counted

UNSIGNED = "een {} moet ondertekend zijn; vraag om een nieuw bestand uit de app"


def import_respondent_archive(
    db: Database, archive: Archive, signer: ImportSigner | None
) -> ImportOutcome:
    """Record the invitation in a respondent file, so its respondent can answer here."""
    if signer is None:
        raise ExchangeFileError(archive.path, UNSIGNED.format("respondentbestand"))
    part, edition = check_respondent_archive(archive)
    record = InvitationRecord(
        respondent_id=part.respondent_id,
        evaluation_id=part.evaluation_id,
        organisation_name=part.organisation_name,
        respondent_name=part.respondent_name,
        role=RespondentRole(part.role),
        variant=part.variant,
        edition_hash=part.edition_hash,
        issued_at=naive_utc(part.issued_at),
        done_at=None,
    )
    try:
        status = import_invitation(db, ReceivedInvitation(record, edition), signer)
    except ImportRefusedError as exc:
        raise ExchangeFileError(archive.path, exc.problem) from None
    name = archive.path.name
    if status is ImportStatus.UNCHANGED:
        message = f"{name}: deze uitnodiging is er al; niets veranderd"
    else:
        message = (
            f"{name}: uitnodiging van {part.organisation_name} voor {part.respondent_name} "
            f"ingelezen; respondent-id {part.respondent_id}"
        )
    return ImportOutcome(
        archive.path,
        status,
        message,
        "respondent",
        part.evaluation_id,
        respondent_id=part.respondent_id,
    )


def import_answers_archive(
    db: Database, archive: Archive, signer: ImportSigner | None
) -> ImportOutcome:
    """Check an answer file against the respondent it names and record it, or change nothing."""
    if signer is None:
        raise ExchangeFileError(archive.path, UNSIGNED.format("antwoordbestand"))
    part = check_answers_archive(archive)
    received = ReceivedAnswers(
        evaluation_id=part.evaluation_id,
        respondent_id=part.respondent_id,
        edition_hash=part.edition_hash,
        made_at=naive_utc(part.made_at),
        digest=archive.digest,
        done=part.done,
        answers=tuple(
            ReceivedAnswer(a.statement_id, a.value, a.not_applicable, a.note) for a in part.answers
        ),
    )
    try:
        result = import_answers(db, received, signer)
    except ImportRefusedError as exc:
        raise ExchangeFileError(archive.path, exc.problem) from None
    name, who = archive.path.name, result.respondent_name
    if result.status is ImportStatus.UNCHANGED:
        message = f"{name}: antwoorden van {who} al ingelezen; niets veranderd"
    elif result.status is ImportStatus.OLDER:
        message = f"{name}: ouder dan de antwoorden van {who} die er al zijn; niets veranderd"
    else:
        verb = "ingelezen" if result.status is ImportStatus.IMPORTED else "bijgewerkt"
        message = f"{name}: {counted(result.answered, 'antwoord', 'antwoorden')} van {who} {verb}"
    return ImportOutcome(
        archive.path,
        result.status,
        message,
        "answers",
        part.evaluation_id,
        respondent_id=part.respondent_id,
    )
