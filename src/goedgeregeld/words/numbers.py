"""Numbers and percentages the Dutch way (7,5 and 72,5%), through Babel's CLDR patterns.

Values are rounded to one decimal with Python's ``round`` first, the same rounding the
scores themselves get in ``scoring``; Babel then writes the decimal comma and drops a
trailing ``,0``. No digit grouping: today's texts write 1250, not 1.250.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from goedgeregeld.words.locale import dutch

NO_VALUE = "–"
"""What a percentage reads when it cannot be computed (nothing applicable answered)."""

_NUMBER = "0.#"
_PERCENT = "0.#%"


def _one_decimal(value: float) -> Decimal:
    # str() of a float rounded to one decimal is its shortest form ("72.5"), so Babel has
    # nothing left to round and the result matches round() exactly.
    return Decimal(str(round(float(value), 1)))


# Scores have one decimal between 0 and 100, so a few thousand texts cover every table;
# the cache keeps a 10,000-row list as fast as the hand-written formatter was.
@lru_cache(maxsize=4096)
def format_number(value: float) -> str:
    """A number the Dutch way: 7,5 and 7 (no trailing ,0)."""
    from babel.numbers import format_decimal  # on first use, like words.locale.dutch

    return format_decimal(_one_decimal(value), format=_NUMBER, locale=dutch())


@lru_cache(maxsize=4096)
def format_percentage(value: float | None) -> str:
    """A percentage (in points, 72.5 for 72,5%) the Dutch way, or a dash when there is none."""
    from babel.numbers import format_percent

    if value is None:
        return NO_VALUE
    return format_percent(_one_decimal(value) / 100, format=_PERCENT, locale=dutch())
