"""Dates the Dutch way ("3 maart 2026", "31-12-2026") through Babel, not the system locale."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

from goedgeregeld.words.locale import dutch


def _local_day(value: date | datetime) -> date:
    """The calendar day a moment falls on here; stored moments without a zone are UTC."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone().date()
    return value


def dutch_date(value: date | datetime | None) -> str:
    """A date written out: day, month name in lower case, year ("27 november 2026").

    A datetime counts on the local calendar day; ``None`` gives an empty text.
    """
    return "" if value is None else _long(_local_day(value))


def short_date(value: date | datetime | None) -> str:
    """A compact date for table cells (31-12-2026); ``None`` gives an empty text."""
    return "" if value is None else _short(_local_day(value))


@lru_cache(maxsize=4096)
def _long(day: date) -> str:
    from babel.dates import format_date  # on first use, like words.locale.dutch

    return format_date(day, format="long", locale=dutch())


@lru_cache(maxsize=4096)
def _short(day: date) -> str:
    from babel.dates import format_date

    return format_date(day, format="dd-MM-y", locale=dutch())
