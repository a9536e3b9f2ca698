"""The one locale the app writes in: Dutch as written in the Netherlands."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

LOCALE = "nl_NL"


@cache
def dutch() -> Locale:
    """The Babel locale, parsed once (its CLDR data loads on first use).

    Babel is imported here, not at the top: its 20 ms would otherwise come before the
    window's first paint, and nothing is formatted until there is data to show.
    """
    from babel import Locale

    return Locale.parse(LOCALE)
