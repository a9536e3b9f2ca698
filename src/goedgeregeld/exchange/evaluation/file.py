"""Evaluation files (organisation to adviser): writing one, and checking one completely."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from goedgeregeld.base.provinces import normalise_province
from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.container.jsonlimits import (
    JsonProblemError,
    ModelT,
    export_problem,
    parse_model,
)
from goedgeregeld.exchange.evaluation.format import (
    EDITION_MEMBER,
    EVALUATION_KIND,
    EVALUATION_MEMBER,
    EVIDENCE_PREFIX,
    MAX_JSON_BYTES,
    ORGANISATION_MEMBER,
    ActionPart,
    AnswerPart,
    EditionRef,
    EvaluationPart,
    EvidencePart,
    OrganisationPart,
    SpreadPart,
    StatementSpread,
)
from goedgeregeld.exchange.evaluation.spread import SPREAD_MEMBER, check_spread
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluation_export import OwnEvaluation, load_own_evaluation
from goedgeregeld.store.evidence import check_file_name, read_blob
from goedgeregeld.words.nouns import STATEMENT
from goedgeregeld.words.plurals import plural


@dataclass(frozen=True)
class EvaluationContent:
    """A checked evaluation file: every member parsed and cross-checked."""

    archive: Archive
    organisation: OrganisationPart
    evaluation: EvaluationPart
    edition: Edition
    evidence: dict[str, bytes]
    spread: SpreadPart | None = None
    """The spread per statement, when the organisation chose to share it."""


def _dump(model: BaseModel) -> bytes:
    return json.dumps(
        model.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=1, sort_keys=True
    ).encode("utf-8")


def export_evaluation(
    db: Database,
    evaluation_id: str,
    path: Path,
    passphrase: str | None = None,
    share_spread: bool = False,
) -> Path:
    """Write the signed evaluation file of one of this installation's own evaluations.

    With a ``passphrase`` the content is locked (AES-256-GCM); the database is not changed.
    With ``share_spread`` an evaluation answered by several respondents also carries how far
    they were apart per statement (never their answers or names).
    """
    from goedgeregeld.base.outputs import check_output

    check_output(path)  # before the key is made or anything is read
    own = load_own_evaluation(db, evaluation_id)
    try:
        members = _members(db, own)
        if share_spread:
            members.update(_spread_member(db, evaluation_id))
    except ValidationError as exc:
        raise StoreError(export_problem(exc)) from None
    identity = own_identity(db)
    write_signed_archive(
        path,
        EVALUATION_KIND,
        members,
        identity.key,
        identity.installation_id,
        passphrase,
        link=identity.link(),
    )
    return path


def _members(db: Database, own: OwnEvaluation) -> dict[str, bytes]:
    """The members of the file, checked by the same models the reader uses."""
    evaluation = own.evaluation
    # The parts name their fields as the records do: read them straight off the records.
    evidence = [
        EvidencePart(statement_id=e.statement_id, sha256=e.sha256, file_name=e.file_name)
        for e in own.evidence
    ]
    evaluation_part = EvaluationPart(
        id=evaluation.id,
        organisation_id=evaluation.organisation_id,
        edition=EditionRef(
            id=evaluation.edition_id,
            version=evaluation.edition_version,
            hash=evaluation.edition_hash,
        ),
        variant=evaluation.variant,
        status=evaluation.status.value,
        created_at=evaluation.created_at,
        updated_at=evaluation.updated_at,
        completed_at=evaluation.completed_at,
        answers=[AnswerPart.model_validate(a, from_attributes=True) for a in own.answers],
        actions=[ActionPart.model_validate(a, from_attributes=True) for a in own.actions],
        evidence=evidence,
    )
    organisation_part = OrganisationPart.model_validate(own.organisation, from_attributes=True)
    snapshot = own.edition_snapshot
    members = {
        ORGANISATION_MEMBER: _dump(organisation_part),
        EVALUATION_MEMBER: _dump(evaluation_part),
        EDITION_MEMBER: snapshot.encode("utf-8"),
    }
    for sha in {e.sha256 for e in evidence}:
        members[EVIDENCE_PREFIX + sha] = read_blob(db, sha)
    return members


def _spread_member(db: Database, evaluation_id: str) -> dict[str, bytes]:
    from goedgeregeld.store.shared_spread import spread_to_share

    entries = spread_to_share(db, evaluation_id)
    if not entries:
        return {}
    part = SpreadPart(
        statements=[
            StatementSpread(statement_id=e.statement_id, spread=e.spread, flagged=e.flagged)
            for e in entries
        ]
    )
    return {SPREAD_MEMBER: _dump(part)}


def _member(archive: Archive, model: type[ModelT], name: str) -> ModelT:
    try:
        return parse_model(model, archive.members[name], MAX_JSON_BYTES)
    except JsonProblemError as exc:
        raise ExchangeFileError(archive.path, f"{name}: {exc}") from None


def check_evaluation_archive(archive: Archive) -> EvaluationContent:
    """Parse and cross-check every member; raises ExchangeFileError naming the problem."""
    path = archive.path
    organisation = _member(archive, OrganisationPart, ORGANISATION_MEMBER)
    evaluation = _member(archive, EvaluationPart, EVALUATION_MEMBER)
    edition = _member(archive, Edition, EDITION_MEMBER)
    if edition.content_hash != evaluation.edition.hash:
        raise ExchangeFileError(
            path, "de vragenlijst in het bestand past niet bij haar controlegetal (gewijzigd?)"
        )
    if (edition.id, edition.version) != (evaluation.edition.id, evaluation.edition.version):
        raise ExchangeFileError(path, "de vragenlijst in het bestand is een andere dan genoemd")
    if evaluation.organisation_id != organisation.id:
        raise ExchangeFileError(
            path, "de zelfevaluatie hoort niet bij de organisatie in het bestand"
        )
    if organisation.province is not None and normalise_province(organisation.province) is None:
        raise ExchangeFileError(path, f"onbekende provincie '{organisation.province}'")
    _check_answers(path, evaluation, edition)
    evidence = _check_evidence(archive, evaluation, edition)
    spread = None
    if SPREAD_MEMBER in archive.members:
        spread = check_spread(path, _member(archive, SpreadPart, SPREAD_MEMBER), edition)
    return EvaluationContent(archive, organisation, evaluation, edition, evidence, spread)


def _check_answers(path: Path, evaluation: EvaluationPart, edition: Edition) -> None:
    seen: set[str] = set()
    for answer in evaluation.answers:
        if answer.statement_id not in edition.statements_by_id:
            raise ExchangeFileError(path, f"antwoord op onbekende stelling '{answer.statement_id}'")
        if answer.statement_id in seen:
            raise ExchangeFileError(path, f"stelling '{answer.statement_id}' staat er twee keer in")
        if answer.not_applicable and answer.value is not None:
            raise ExchangeFileError(
                path, f"stelling '{answer.statement_id}' is zowel n.v.t. als gescoord"
            )
        seen.add(answer.statement_id)
    if evaluation.status == "completed":
        _check_complete(path, evaluation, edition)
    action_ids: set[str] = set()
    for action in evaluation.actions:
        if action.id in action_ids:
            raise ExchangeFileError(path, f"actiepunt '{action.id}' staat er twee keer in")
        action_ids.add(action.id)
        if action.statement_id is not None and action.statement_id not in edition.statements_by_id:
            raise ExchangeFileError(
                path, f"actiepunt bij onbekende stelling '{action.statement_id}'"
            )


def _check_complete(path: Path, evaluation: EvaluationPart, edition: Edition) -> None:
    """A file marked completed holds an answer for every statement its variant asks."""
    from goedgeregeld.scoring import Variant, all_required

    given = {a.statement_id for a in evaluation.answers if a.not_applicable or a.value is not None}
    if not given:
        raise ExchangeFileError(
            path, "de zelfevaluatie heet afgerond, maar het bestand bevat geen enkel antwoord"
        )
    missing = [
        s.id for s in all_required(edition, Variant(evaluation.variant)) if s.id not in given
    ]
    if missing:
        raise ExchangeFileError(
            path,
            f"de zelfevaluatie heet afgerond, maar {STATEMENT(len(missing))} "
            f"{plural(len(missing), 'is', 'zijn')} niet beantwoord, bijvoorbeeld '{missing[0]}'",
        )


def _check_evidence(
    archive: Archive, evaluation: EvaluationPart, edition: Edition
) -> dict[str, bytes]:
    path = archive.path
    stored = {
        name[len(EVIDENCE_PREFIX) :]: content
        for name, content in archive.members.items()
        if name.startswith(EVIDENCE_PREFIX)
    }
    used: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for item in evaluation.evidence:
        if item.statement_id not in edition.statements_by_id:
            raise ExchangeFileError(
                path, f"bewijsstuk bij onbekende stelling '{item.statement_id}'"
            )
        if item.sha256 not in stored:
            raise ExchangeFileError(path, f"bewijsstuk '{item.file_name}' ontbreekt in het bestand")
        if (item.statement_id, item.sha256) in pairs:
            raise ExchangeFileError(path, f"bewijsstuk '{item.file_name}' staat er twee keer in")
        try:
            check_file_name(item.file_name)
        except StoreError as exc:
            raise ExchangeFileError(path, str(exc)) from None
        pairs.add((item.statement_id, item.sha256))
        used.add(item.sha256)
    for sha in sorted(set(stored) - used):
        raise ExchangeFileError(
            path, f"onverwacht onderdeel '{EVIDENCE_PREFIX}{sha}' (niet gebruikt)"
        )
    for sha, content in stored.items():
        if not content:
            raise ExchangeFileError(path, f"bewijsstuk '{EVIDENCE_PREFIX}{sha}' is leeg")
        if hashlib.sha256(content).hexdigest() != sha:
            raise ExchangeFileError(
                path, f"bewijsstuk '{EVIDENCE_PREFIX}{sha}' past niet bij zijn naam (veranderd?)"
            )
    return stored
