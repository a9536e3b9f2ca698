"""Dates and times in exchange files, bounded to years the app can have written."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator

FIRST_YEAR = 1900
LAST_YEAR = 2999


def _plausible(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}")
    return value


def _plausible_moment(value: datetime) -> datetime:
    _plausible(value.date())
    return value


def _plausible_day(value: date) -> date:
    return _plausible(value)


Moment = Annotated[datetime, AfterValidator(_plausible_moment)]
Day = Annotated[date, AfterValidator(_plausible_day)]
