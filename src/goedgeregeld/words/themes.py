"""How a theme stands against its minimum, in the words ui, report and cli all use."""

from __future__ import annotations

from goedgeregeld.words.nouns import points_text

THEME_NOT_STARTED = "nog niet ingevuld"
"""No applicable statement of the theme is answered yet."""
THEME_ALL_NOT_APPLICABLE = "alle stellingen n.v.t."
"""Every statement of the theme is answered "niet van toepassing"."""
THEME_MET = "gehaald"
"""The theme is at or above its minimum."""


def shortfall_text(points: float) -> str:
    """Percentage points below the minimum: "12,5 procentpunten tekort"."""
    return f"{points_text(points)} tekort"
