"""Plain, immutable records the store hands out: no ORM objects leave the store.

These are the one set of records for organisations, evaluations, answers, actions,
advisers and evidence: the home screen's light read (``store.overview``) returns them
too, filled from the cached columns only. Reviews have theirs in ``store.review_records``;
``store.rows`` turns an ORM row into its record. One screen's view that joins several
tables lives with its query (``store.clients.ClientRow``, the adviser's client list), and
a received file comes in as one input record beside its use case
(``client_import.ReceivedEvaluation``, ``review_import.ReceivedReview``). The module
imports nothing heavier than the standard library and the domain enums, so the home
screen stays light.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from goedgeregeld.domain import ActionStatus, EvaluationStatus

if TYPE_CHECKING:
    from goedgeregeld.scoring import AnswerValue


@dataclass(frozen=True)
class OrganisationRecord:
    """An organisation profile."""

    id: str
    name: str
    city: str | None
    province: str | None
    volunteers: int | None
    paid_fte: float | None
    created_at: datetime
    # "own" or "client" (read from an evaluation file on an adviser's installation).
    origin: str = "own"


@dataclass(frozen=True)
class AdviserRecord:
    """An adviser registered on this installation."""

    id: str
    name: str
    region: str | None
    registered_at: datetime


@dataclass(frozen=True)
class EvaluationRecord:
    """An evaluation's header with its cached progress and score (no snapshot)."""

    id: str
    organisation_id: str
    edition_id: str
    edition_version: str
    edition_hash: str
    variant: str
    status: EvaluationStatus
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    last_statement_id: str | None
    answered_count: int
    required_count: int
    total_score: float | None
    carried_from: str | None = None
    """A re-assessment: the evaluation it took answers, evidence and open actions from."""

    @property
    def is_completed(self) -> bool:
        """The evaluation was finished and is read-only."""
        return self.status == EvaluationStatus.COMPLETED


@dataclass(frozen=True)
class AnswerRecord:
    """A stored answer; ``value`` is None for not applicable or a note without a score."""

    statement_id: str
    value: int | None
    not_applicable: bool
    note: str
    updated_at: datetime
    carried_from: tuple[str, ...] = ()
    """Taken over in a re-assessment: the previous evaluation's statements it came from."""
    confirmed: bool = True

    @property
    def to_confirm(self) -> bool:
        """Taken over with a score or n.v.t. that the user has not confirmed yet."""
        return not self.confirmed and self.is_answered

    @property
    def is_answered(self) -> bool:
        """A score or 'not applicable' was chosen."""
        return self.not_applicable or self.value is not None

    @property
    def answer_value(self) -> AnswerValue | None:
        """The value as scoring sees it, or None when only a note exists."""
        if self.not_applicable:
            return "na"
        return self.value


@dataclass(frozen=True)
class ActionRecord:
    """One action of an action plan."""

    id: str
    evaluation_id: str
    statement_id: str | None
    description: str
    owner: str
    deadline: date | None
    status: ActionStatus
    position: int
    carried_from: str | None = None
    """Taken over, still open, from this previous evaluation in a re-assessment."""


@dataclass(frozen=True)
class AttachmentRecord:
    """A file attached to a statement."""

    id: str
    evaluation_id: str
    statement_id: str
    sha256: str
    file_name: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class EvidenceRef:
    """Which file belongs to which statement; its bytes are stored once by their SHA-256."""

    statement_id: str
    sha256: str
    file_name: str


class ImportStatus(StrEnum):
    """How recording a received file ended (``FAILED``: it never reached the store)."""

    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OLDER = "older"
    FAILED = "failed"
