"""Dutch dates ("27 november 2026") without relying on the operating system's locale."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(value: date | datetime) -> str:
    """A date written out the Dutch way: day, month name in lower case, year."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
