"""The plain enums of the domain, below every layer so that each can name them.

The values are what the database and the exchange files store: they never change.
The Dutch words for them live in ``goedgeregeld.words``.
"""

from __future__ import annotations

from enum import StrEnum


class Variant(StrEnum):
    """Which statements an organisation answers."""

    FULL = "full"
    SMALL = "small"


class EvaluationStatus(StrEnum):
    """Where a self-evaluation stands: still being filled in, or completed."""

    DRAFT = "draft"
    COMPLETED = "completed"


class ActionStatus(StrEnum):
    """How far an action of the action plan has come."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Verdict(StrEnum):
    """The adviser's verdict on one self-score."""

    AGREE = "agree"
    LOWER = "lower"
    HIGHER = "higher"


class Decision(StrEnum):
    """Is the organisation ready for the quality mark?"""

    READY = "ready"
    CONDITIONS = "conditions"
    NOT_YET = "not_yet"


class ReasonKind(StrEnum):
    """Why the quality mark is not (yet) within reach: one kind per scoring rule."""

    OPEN = "open"
    """Required statements still without an answer."""
    TO_CONFIRM = "to_confirm"
    """Answers taken over from the previous evaluation and not yet confirmed."""
    MUST = "must"
    """A must-have statement scores below its minimum."""
    NOT_ALLOWED = "na_not_allowed"
    """"Niet van toepassing" on a statement that applies to every organisation."""
    NOT_ASSESSABLE = "not_assessable"
    """Too few applicable statements in a theme to judge it."""
    BELOW_MINIMUM = "below_minimum"
    """A theme scores below its minimum."""
    NO_REASON = "na_without_reason"
    """"Niet van toepassing" without a note saying why."""


class MappingKind(StrEnum):
    """How a statement of a newer edition continues the statements of an older one."""

    SAME = "same"
    SPLIT = "split"
    MERGED = "merged"
    NEW = "new"


class RespondentRole(StrEnum):
    """The part a respondent plays in the organisation (several people answer one evaluation)."""

    BOARD = "bestuur"
    COORDINATOR = "coordinator"
    VOLUNTEER = "vrijwilliger"
    PROFESSIONAL = "beroepskracht"
