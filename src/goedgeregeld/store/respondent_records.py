"""Plain records of respondents and their own answers (several voices on one evaluation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from goedgeregeld.domain import RespondentRole


@dataclass(frozen=True)
class RespondentRecord:
    """One respondent of an evaluation."""

    id: str
    evaluation_id: str
    name: str
    role: RespondentRole
    position: int
    created_at: datetime
    removed_at: datetime | None = None
    done_at: datetime | None = None
    file_moment: datetime | None = None
    """When the newest answer file read for this respondent was made."""

    @property
    def removed(self) -> bool:
        """Removed after being invited; their answers stay visible, marked as removed."""
        return self.removed_at is not None

    @property
    def done(self) -> bool:
        """The respondent said they have answered everything."""
        return self.done_at is not None


@dataclass(frozen=True)
class RespondentAnswerRecord:
    """One respondent's answer; ``value`` is None for n.v.t. or a note without a score."""

    respondent_id: str
    statement_id: str
    value: int | None
    not_applicable: bool
    note: str
    updated_at: datetime

    @property
    def answer_value(self) -> int | str | None:
        """0-3, "na", or None when only a note exists."""
        return "na" if self.not_applicable else self.value


@dataclass(frozen=True)
class ReceivedAnswer:
    """One answer as an answer file carries it, checked for shape by the exchange layer."""

    statement_id: str
    value: int | None
    not_applicable: bool
    note: str


@dataclass(frozen=True)
class ReceivedAnswers:
    """A respondent's answer file, read and verified, ready to record."""

    evaluation_id: str
    respondent_id: str
    edition_hash: str
    made_at: datetime
    digest: str
    """SHA-256 of the file's content: with ``made_at`` it orders files of one respondent."""
    done: bool
    answers: tuple[ReceivedAnswer, ...]
