"""The comparison table: each theme's score before and now, and the change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.models.base import Column, RowTableModel
from goedgeregeld.words import (
    MAPPING_KIND_SHORT,
    format_number,
    format_percentage,
    mapping_kind_label,
    previous_answer_text,
    short_answer,
)
from goedgeregeld.words.nouns import points_text

if TYPE_CHECKING:
    from goedgeregeld.store.comparison import StatementChange, ThemeChange

RIGHT = Qt.AlignmentFlag.AlignRight


def change_text(change: ThemeChange) -> str:
    """+5 procentpunten, −3,5 procentpunten, gelijk, or a dash."""
    if change.change is None:
        return "–" if change.shared_statements else tr("niet te vergelijken")
    if change.change == 0:
        return tr("gelijk")
    sign = "+" if change.change > 0 else "−"
    return sign + points_text(abs(change.change))


class ComparisonModel(RowTableModel):
    """Rows of ``store.comparison.ThemeChange``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Thema"), lambda c: c.title),
                Column(tr("Vorige keer"), lambda c: format_percentage(c.previous), RIGHT),
                Column(tr("Nu"), lambda c: format_percentage(c.current), RIGHT),
                Column(tr("Verschil"), change_text, RIGHT),
                Column(tr("Vergeleken stellingen"), lambda c: str(c.shared_statements), RIGHT),
            ],
            parent,
        )


def _statement_change_text(change: StatementChange) -> str:
    if change.change is None:
        return "–"
    if change.change == 0:
        return tr("gelijk")
    sign = "+" if change.change > 0 else "−"
    return f"{sign}{format_number(abs(change.change))}"


class StatementChangesModel(RowTableModel):
    """Rows of ``store.comparison.StatementChange``: the answer before and now, per statement."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Stelling"), lambda c: tr("Stelling {n}").format(n=c.number)),
                Column(tr("Tekst"), lambda c: c.text),
                Column(
                    tr("Vorige keer"),
                    lambda c: previous_answer_text(c.sources, c.previous, c.previous_answers),
                    RIGHT,
                ),
                Column(tr("Nu"), lambda c: short_answer(c.current), RIGHT),
                Column(tr("Verschil"), _statement_change_text, RIGHT),
                Column(
                    tr("Herkomst"),
                    lambda c: tr(MAPPING_KIND_SHORT[c.kind.value]),
                    tooltip=lambda c: mapping_kind_label(c.kind.value, c.sources, c.source_numbers),
                ),
            ],
            parent,
        )
