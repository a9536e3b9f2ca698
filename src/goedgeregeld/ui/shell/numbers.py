"""Number formatting shared with the rest of the app, without importing scoring (pydantic)."""

from __future__ import annotations


def format_number(value: float) -> str:
    """A number the Dutch way: 7,5 and 7 (no trailing ,0); same rule as scoring.format_number."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_percentage(value: float | None) -> str:
    """A percentage the Dutch way, or a dash when it cannot be computed."""
    return "–" if value is None else f"{format_number(value)}%"
