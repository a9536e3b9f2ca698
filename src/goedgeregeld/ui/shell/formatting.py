"""Dutch dates, numbers and statuses for display (QLocale for dates, scoring for numbers)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QLocale

from goedgeregeld.ui.shell.i18n import tr
from goedgeregeld.ui.shell.numbers import format_percentage

STATUS_LABELS = {"draft": "concept", "completed": "afgerond"}
ACTION_STATUS_LABELS = {"open": "nog te doen", "in_progress": "bezig", "done": "klaar"}
VARIANT_LABELS = {"small": "korte versie", "full": "volledige versie"}


def dutch_date(value: datetime | date | None) -> str:
    """A date as Dutch people write it, e.g. 3 maart 2026."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone().date()
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def status_label(status: str) -> str:
    """The Dutch word for an evaluation status."""
    return tr(STATUS_LABELS.get(status, status))


def action_status_label(status: str) -> str:
    """The Dutch words for an action status."""
    return tr(ACTION_STATUS_LABELS.get(status, status))


def variant_label(variant: str) -> str:
    """The Dutch name of a questionnaire variant."""
    return tr(VARIANT_LABELS.get(variant, variant))


def percentage(value: float | None) -> str:
    """A percentage the Dutch way (72,5%), or a dash."""
    return format_percentage(value)
