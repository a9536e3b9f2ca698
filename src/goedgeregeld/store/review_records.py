"""Plain records of an adviser's review, handed out by the review use cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# Re-exported: the store's callers name the verdict and decision from here.
from goedgeregeld.domain import Decision as Decision
from goedgeregeld.domain import Verdict as Verdict

MARK_VALID_YEARS = 4
REMINDER_YEARS = 1


@dataclass(frozen=True)
class StatementReviewRecord:
    """The verdict on one statement; ``changed`` means the organisation changed it since."""

    statement_id: str
    verdict: Verdict
    proposed_score: int | None
    comment: str
    changed: bool
    updated_at: datetime


@dataclass(frozen=True)
class ConditionRecord:
    """One condition with its deadline."""

    text: str
    deadline: date


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class QualityMark:
    """When the mark was granted, when it expires (4 years later) and from when to remind."""

    granted_on: date

    @property
    def expires_on(self) -> date:
        """The last day the mark is valid."""
        return _add_years(self.granted_on, MARK_VALID_YEARS)

    @property
    def remind_from(self) -> date:
        """From this day on the home screen and client list show a reminder."""
        return _add_years(self.expires_on, -REMINDER_YEARS)

    def needs_reminder(self, today: date) -> bool:
        """True within the last 12 months before expiry, and after it expired."""
        return today >= self.remind_from

    def is_expired(self, today: date) -> bool:
        """True after the expiry date."""
        return today > self.expires_on


@dataclass(frozen=True)
class ReviewRecord:
    """The whole review of one evaluation."""

    evaluation_id: str
    origin: str
    adviser_id: str
    adviser_name: str
    adviser_region: str | None
    decision: Decision | None
    decided_at: datetime | None
    conditions: tuple[ConditionRecord, ...]
    quality_mark: QualityMark | None
    statements: dict[str, StatementReviewRecord]
    theme_comments: dict[str, str]
    updated_at: datetime
    decision_reason: str | None = None
    """Why the adviser decided so (required for "klaar" against the guard)."""
    sent_at: datetime | None = None
    """When this installation last wrote the review file."""
    adviser_recognised: bool = True
    """False for a received review without a valid NOV adviser certificate."""
    recognition_problem: str | None = None
    """Why the adviser was not recognised (Dutch), or None."""

    @property
    def reviewed_on(self) -> date:
        """The day of the decision, or of the last change while there is no decision yet."""
        return (self.decided_at or self.updated_at).date()

    @property
    def changed_statements(self) -> list[str]:
        """Statements the organisation changed after the adviser's verdict."""
        return sorted(s for s, r in self.statements.items() if r.changed)
