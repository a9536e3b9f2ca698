"""Dates the Dutch way ("3 maart 2026", "31-12-2026") through Babel, not the system locale."""

from __future__ import annotations

import re
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


_NUMERIC = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_WRITTEN = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})")
_COMPACT = re.compile(r"(\d{2})(\d{2})(\d{4})")


def parse_dutch_date(text: str) -> date | None:
    """The date a user typed the Dutch way, day first, or None when it is not one.

    Accepts "1-3-2027", "01-03-2027", "1/3/2027", "1.3.2027", "01032027", "1 maart 2027"
    and "1 mrt 2027". A year has four digits; nothing is guessed, so "31-2-2027" is None.
    """
    cleaned = " ".join(text.split()).casefold()
    if match := (_NUMERIC.fullmatch(cleaned) or _COMPACT.fullmatch(cleaned)):
        day, month, year = (int(part) for part in match.groups())
    elif match := _WRITTEN.fullmatch(cleaned):
        found = _month_numbers().get(match.group(2))
        if found is None:
            return None
        day, month, year = int(match.group(1)), found, int(match.group(3))
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Dutch month names, written out and abbreviated ("maart", "mrt"), to their number."""
    locale = dutch()
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in locale.months[context][width].items():
                names[name.casefold().rstrip(".")] = number
    return names
