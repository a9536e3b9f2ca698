"""The member of a review file (adviser to organisation), as strict pydantic models."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from goedgeregeld.exchange.container.archive import ArchiveKind
from goedgeregeld.exchange.container.moments import Day, Moment
from goedgeregeld.exchange.container.text_fields import (
    AdviserName,
    AdviserRegion,
    Comment,
    Condition,
)
from goedgeregeld.exchange.evaluation.format import (
    MAX_JSON_BYTES,
    MAX_LIST,
    StatementRef,
    Uuid,
)

REVIEW_FORMAT = "goedgeregeld-beoordeling"
REVIEW_FORMAT_VERSION = 1
REVIEW_SUFFIX = ".ggreview"
REVIEW_MEMBER = "review.json"
CERTIFICATE_MEMBER = "adviser-certificate.json"
"""The adviser's NOV certificate, as NOV wrote it (optional: an uncertified adviser has none)."""
MAX_CERTIFICATE_BYTES = 16 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AdviserPart(_Strict):
    """Who reviewed: the adviser's id, name and region."""

    id: Uuid
    name: AdviserName
    region: AdviserRegion | None


class StatementVerdictPart(_Strict):
    """The verdict on one statement."""

    statement_id: StatementRef
    verdict: Literal["agree", "lower", "higher"]
    proposed_score: Annotated[int, Field(ge=0, le=3)] | None
    comment: Comment
    changed: bool


class ThemeCommentPart(_Strict):
    """The comment on one theme."""

    theme_id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
    comment: Comment


class ConditionPart(_Strict):
    """One condition of a "klaar met voorwaarden" decision."""

    text: Condition
    deadline: Day


class ReviewPart(_Strict):
    """``review.json``: the whole review of one evaluation."""

    evaluation_id: Uuid
    organisation_id: Uuid
    adviser: AdviserPart
    updated_at: Moment
    decision: Literal["ready", "conditions", "not_yet"] | None
    decided_at: Moment | None
    conditions: Annotated[list[ConditionPart], Field(max_length=100)]
    quality_mark_granted_on: Day | None
    statements: Annotated[list[StatementVerdictPart], Field(max_length=MAX_LIST)]
    themes: Annotated[list[ThemeCommentPart], Field(max_length=MAX_LIST)]
    decision_reason: Comment | None = None
    """The adviser's written reason, required when "ready" goes against the guard."""


REVIEW_KIND = ArchiveKind(
    format_name=REVIEW_FORMAT,
    format_version=REVIEW_FORMAT_VERSION,
    label="beoordelingsbestand",
    required_members=frozenset({REVIEW_MEMBER}),
    member_limit=lambda name: {
        REVIEW_MEMBER: MAX_JSON_BYTES,
        CERTIFICATE_MEMBER: MAX_CERTIFICATE_BYTES,
    }.get(name),
)
