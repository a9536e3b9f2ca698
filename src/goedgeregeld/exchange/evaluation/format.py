"""The members of an evaluation file (organisation to adviser), as strict pydantic models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from goedgeregeld.exchange.container.archive import ArchiveKind, Sha256
from goedgeregeld.exchange.container.moments import Day, Moment
from goedgeregeld.exchange.container.text_fields import (
    ActionDescription,
    ActionOwner,
    City,
    FileName,
    Note,
    OrganisationName,
)

EVALUATION_FORMAT = "goedgeregeld-evaluatie"
EVALUATION_FORMAT_VERSION = 1
EVALUATION_SUFFIX = ".ggeval"
ORGANISATION_MEMBER = "organisation.json"
EVALUATION_MEMBER = "evaluation.json"
EDITION_MEMBER = "edition.json"
EVIDENCE_PREFIX = "evidence/"
SPREAD_MEMBER = "spread.json"
"""Optional: the spread per statement over several respondents, if the organisation shares it."""
MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
MAX_LIST = 5000

Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
StatementRef = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*\.[0-9]+$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OrganisationPart(_Strict):
    """``organisation.json``: the organisation profile, with its own id and account date."""

    id: Uuid
    name: OrganisationName
    city: City | None
    province: Annotated[str, StringConstraints(max_length=40)] | None
    volunteers: Annotated[int, Field(ge=0, le=1_000_000)] | None
    paid_fte: Annotated[float, Field(ge=0, le=100_000)] | None
    created_at: Moment


class EditionRef(_Strict):
    """Which questionnaire edition the evaluation was answered against."""

    id: Annotated[str, StringConstraints(max_length=64)]
    version: Annotated[str, StringConstraints(max_length=32)]
    hash: Sha256


class AnswerPart(_Strict):
    """One answer: a value 0-3, not applicable, or only a note."""

    statement_id: StatementRef
    value: Annotated[int, Field(ge=0, le=3)] | None
    not_applicable: bool
    note: Note
    updated_at: Moment


class ActionPart(_Strict):
    """One action of the action plan."""

    id: Uuid
    statement_id: StatementRef | None
    description: ActionDescription
    owner: ActionOwner
    deadline: Day | None
    status: Literal["open", "in_progress", "done"]
    position: Annotated[int, Field(ge=0, le=1_000_000)]


class EvidencePart(_Strict):
    """A file attached to a statement; its bytes are the member ``evidence/<sha256>``."""

    statement_id: StatementRef
    sha256: Sha256
    file_name: FileName


class EvaluationPart(_Strict):
    """``evaluation.json``: the evaluation, its answers, action plan and evidence list."""

    id: Uuid
    organisation_id: Uuid
    edition: EditionRef
    variant: Literal["full", "small"]
    status: Literal["draft", "completed"]
    created_at: Moment
    updated_at: Moment
    completed_at: Moment | None
    answers: Annotated[list[AnswerPart], Field(max_length=MAX_LIST)]
    actions: Annotated[list[ActionPart], Field(max_length=MAX_LIST)]
    evidence: Annotated[list[EvidencePart], Field(max_length=MAX_LIST)]


class StatementSpread(_Strict):
    """How far the respondents were apart on one statement: no answers and no names."""

    statement_id: StatementRef
    spread: Annotated[int, Field(ge=0, le=3)] | None
    flagged: bool


class SpreadPart(_Strict):
    """``spread.json``: the spread per statement, shared by the organisation's choice."""

    statements: Annotated[list[StatementSpread], Field(max_length=MAX_LIST)]


def _member_limit(name: str) -> int | None:
    if name in (ORGANISATION_MEMBER, EVALUATION_MEMBER, EDITION_MEMBER, SPREAD_MEMBER):
        return MAX_JSON_BYTES
    if name.startswith(EVIDENCE_PREFIX) and len(name) == len(EVIDENCE_PREFIX) + 64:
        digest = name[len(EVIDENCE_PREFIX) :]
        if all(c in "0123456789abcdef" for c in digest):
            return MAX_EVIDENCE_BYTES
    return None


EVALUATION_KIND = ArchiveKind(
    format_name=EVALUATION_FORMAT,
    format_version=EVALUATION_FORMAT_VERSION,
    label="evaluatiebestand",
    required_members=frozenset({ORGANISATION_MEMBER, EVALUATION_MEMBER, EDITION_MEMBER}),
    member_limit=_member_limit,
)
