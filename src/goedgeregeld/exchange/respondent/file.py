"""Writing respondent and answer files, and checking received ones completely."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ValidationError

from goedgeregeld.exchange.container.archive import Archive, ArchiveKind
from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.container.jsonlimits import (
    JsonProblemError,
    ModelT,
    export_problem,
    parse_model,
)
from goedgeregeld.exchange.respondent.format import (
    ANSWERS_KIND,
    ANSWERS_MEMBER,
    EDITION_MEMBER,
    INVITATION_MEMBER,
    MAX_JSON_BYTES,
    RESPONDENT_KIND,
    AnswersPart,
    GivenAnswer,
    InvitationPart,
)
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import load_state
from goedgeregeld.store.invitations import load_invitation
from goedgeregeld.store.organisations import get_organisation
from goedgeregeld.store.respondents import get_respondent


def _dump(model: BaseModel) -> bytes:
    return json.dumps(
        model.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True
    ).encode("utf-8")


def _write(
    db: Database,
    path: Path,
    kind: ArchiveKind,
    members: dict[str, bytes],
    passphrase: str | None,
) -> Path:
    identity = own_identity(db)
    write_signed_archive(path, kind, members, identity.key, identity.installation_id, passphrase)
    return path


def export_respondent_file(
    db: Database, respondent_id: str, path: Path, passphrase: str | None = None
) -> Path:
    """Write the signed respondent file that invites one respondent to answer elsewhere."""
    from goedgeregeld.base.outputs import check_output

    check_output(path)
    person = get_respondent(db, respondent_id)
    if person.removed:
        raise StoreError(f"{person.name} is als respondent verwijderd")
    state = load_state(db, person.evaluation_id)
    if state.evaluation.is_completed:
        raise StoreError("deze zelfevaluatie is afgerond; er valt niets meer in te vullen")
    organisation = get_organisation(db, state.evaluation.organisation_id)
    try:
        invitation = InvitationPart(
            evaluation_id=person.evaluation_id,
            respondent_id=person.id,
            respondent_name=person.name,
            role=person.role.value,
            organisation_name=organisation.name,
            variant=state.evaluation.variant,
            edition_hash=state.evaluation.edition_hash,
            issued_at=utc_now(),
        )
    except ValidationError as exc:
        raise StoreError(export_problem(exc)) from None
    members = {
        INVITATION_MEMBER: _dump(invitation),
        EDITION_MEMBER: state.edition.canonical_json().encode("utf-8"),
    }
    return _write(db, path, RESPONDENT_KIND, members, passphrase)


def export_answer_file(
    db: Database, respondent_id: str, path: Path, passphrase: str | None = None
) -> Path:
    """Write the signed answer file of this computer's respondent, to send to the coordinator."""
    from goedgeregeld.base.outputs import check_output

    check_output(path)
    state = load_invitation(db, respondent_id)
    invitation = state.invitation
    try:
        part = AnswersPart(
            evaluation_id=invitation.evaluation_id,
            respondent_id=invitation.respondent_id,
            edition_hash=invitation.edition_hash,
            made_at=utc_now(),
            done=invitation.done_at is not None,
            answers=[
                GivenAnswer(
                    statement_id=a.statement_id,
                    value=a.value,
                    not_applicable=a.not_applicable,
                    note=a.note,
                )
                for a in sorted(state.answers.values(), key=lambda a: a.statement_id)
            ],
        )
    except ValidationError as exc:
        raise StoreError(export_problem(exc)) from None
    return _write(db, path, ANSWERS_KIND, {ANSWERS_MEMBER: _dump(part)}, passphrase)


def _member(archive: Archive, model: type[ModelT], name: str) -> ModelT:
    try:
        return parse_model(model, archive.members[name], MAX_JSON_BYTES)
    except JsonProblemError as exc:
        raise ExchangeFileError(archive.path, f"{name}: {exc}") from None


def check_respondent_archive(archive: Archive) -> tuple[InvitationPart, Edition]:
    """Parse and cross-check a respondent file."""
    invitation = _member(archive, InvitationPart, INVITATION_MEMBER)
    edition = _member(archive, Edition, EDITION_MEMBER)
    if edition.content_hash != invitation.edition_hash:
        raise ExchangeFileError(
            archive.path,
            "de vragenlijst in het bestand past niet bij haar controlegetal (gewijzigd?)",
        )
    return invitation, edition


def check_answers_archive(archive: Archive) -> AnswersPart:
    """Parse an answer file and check what needs no database: one answer per statement."""
    part = _member(archive, AnswersPart, ANSWERS_MEMBER)
    seen: set[str] = set()
    for answer in part.answers:
        if answer.statement_id in seen:
            raise ExchangeFileError(
                archive.path, f"stelling '{answer.statement_id}' staat er twee keer in"
            )
        if answer.not_applicable and answer.value is not None:
            raise ExchangeFileError(
                archive.path, f"stelling '{answer.statement_id}' is zowel n.v.t. als gescoord"
            )
        seen.add(answer.statement_id)
    return part


def naive_utc(moment: datetime) -> datetime:
    """A moment as the store keeps it: UTC without tzinfo."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
