"""The members of respondent files and answer files, as strict pydantic models.

A respondent file invites one person to answer on their own computer: who they are, which
evaluation, and the frozen edition. The answer file brings back only that person's answers,
addressed by ids; it never carries a name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from goedgeregeld.exchange.container.archive import ArchiveKind, Sha256
from goedgeregeld.exchange.container.moments import Moment
from goedgeregeld.exchange.container.text_fields import Note, OrganisationName, RespondentName
from goedgeregeld.exchange.evaluation.format import MAX_LIST, StatementRef, Uuid

RESPONDENT_FORMAT = "goedgeregeld-respondent"
ANSWERS_FORMAT = "goedgeregeld-antwoorden"
FORMAT_VERSION = 1
RESPONDENT_SUFFIX = ".ggresp"
ANSWERS_SUFFIX = ".ggantw"
INVITATION_MEMBER = "invitation.json"
EDITION_MEMBER = "edition.json"
ANSWERS_MEMBER = "answers.json"
MAX_JSON_BYTES = 4 * 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InvitationPart(_Strict):
    """``invitation.json``: who is asked to answer which evaluation, against which edition."""

    evaluation_id: Uuid
    respondent_id: Uuid
    respondent_name: RespondentName
    role: Literal["bestuur", "coordinator", "vrijwilliger", "beroepskracht"]
    organisation_name: OrganisationName
    variant: Literal["full", "small"]
    edition_hash: Sha256
    issued_at: Moment


class GivenAnswer(_Strict):
    """One answer of the respondent; the scale is checked on import with its own message."""

    statement_id: StatementRef
    value: Annotated[int, Field(ge=-1000, le=1000)] | None
    not_applicable: bool
    note: Note


class AnswersPart(_Strict):
    """``answers.json``: one respondent's answers to one evaluation, and whether they are done."""

    evaluation_id: Uuid
    respondent_id: Uuid
    edition_hash: Sha256
    made_at: Moment
    done: bool
    answers: Annotated[list[GivenAnswer], Field(max_length=MAX_LIST)]


def _limit(names: frozenset[str]) -> Callable[[str], int | None]:
    def member_limit(name: str) -> int | None:
        return MAX_JSON_BYTES if name in names else None

    return member_limit


RESPONDENT_KIND = ArchiveKind(
    format_name=RESPONDENT_FORMAT,
    format_version=FORMAT_VERSION,
    label="respondentbestand",
    required_members=frozenset({INVITATION_MEMBER, EDITION_MEMBER}),
    member_limit=_limit(frozenset({INVITATION_MEMBER, EDITION_MEMBER})),
)
ANSWERS_KIND = ArchiveKind(
    format_name=ANSWERS_FORMAT,
    format_version=FORMAT_VERSION,
    label="antwoordbestand",
    required_members=frozenset({ANSWERS_MEMBER}),
    member_limit=_limit(frozenset({ANSWERS_MEMBER})),
)
