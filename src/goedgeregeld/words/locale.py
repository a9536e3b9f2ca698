"""The one locale the app writes in: Dutch as written in the Netherlands."""

from __future__ import annotations

from functools import cache

from babel import Locale

LOCALE = "nl_NL"


@cache
def dutch() -> Locale:
    """The Babel locale, parsed once (its CLDR data loads on first use)."""
    return Locale.parse(LOCALE)
