"""The results page's table: every theme's score against its minimum, with the verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.models.base import Column, RowTableModel
from goedgeregeld.words import (
    THEME_ALL_NOT_APPLICABLE,
    THEME_MET,
    THEME_MUST_BELOW,
    THEME_NOT_ASSESSABLE,
    format_percentage,
    shortfall_text,
)
from goedgeregeld.words.nouns import STATEMENT

if TYPE_CHECKING:
    from goedgeregeld.scoring import ThemeScore

RIGHT = Qt.AlignmentFlag.AlignRight


def theme_verdict(theme: ThemeScore) -> str:
    """Plain Dutch verdict for one ``scoring.ThemeScore``."""
    if theme.answered < theme.required:
        open_count = theme.required - theme.answered
        return tr("nog {n} open").format(n=STATEMENT(open_count))
    if not theme.assessable:
        return tr(THEME_NOT_ASSESSABLE)
    if theme.score is None:
        return tr(THEME_ALL_NOT_APPLICABLE)
    if theme.meets_minimum:
        return tr(THEME_MUST_BELOW) if theme.must_failures else tr(THEME_MET)
    if theme.must_failures:
        return f"{tr(shortfall_text(theme.shortfall))}; {tr(THEME_MUST_BELOW)}"
    return tr(shortfall_text(theme.shortfall))


class ThemeResultsModel(RowTableModel):
    """Rows of ``scoring.ThemeScore``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Thema"), lambda t: t.title),
                Column(tr("Score"), lambda t: format_percentage(t.score), RIGHT),
                Column(tr("Minimum"), lambda t: f"{t.minimum}%", RIGHT),
                Column(tr("Oordeel"), theme_verdict),
            ],
            parent,
        )
