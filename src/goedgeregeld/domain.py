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
