"""One place for 'now', in UTC without tzinfo, as stored in SQLite."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time in UTC, naive, to the microsecond."""
    return datetime.now(UTC).replace(tzinfo=None)
