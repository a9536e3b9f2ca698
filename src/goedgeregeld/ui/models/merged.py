"""The merged view as a table: per statement every respondent's score, the spread, the flag."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.models.base import Column, Index, RowTableModel
from goedgeregeld.words import short_answer
from goedgeregeld.words.voices import AGREED, DISAGREED, DISAGREED_SHORT, REMOVED

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.store.merge import MergedStatement, MergedView

CENTRE = Qt.AlignmentFlag.AlignCenter
FLAG_BACKGROUND = QColor("#fbe3d6")


class MergedModel(RowTableModel):
    """Rows of ``store.merge.MergedStatement``, already sorted by disagreement."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)

    def show_view(self, view: MergedView, edition: Edition) -> None:
        columns = [
            Column(tr("Stelling"), lambda s: str(s.number), CENTRE),
            Column(
                tr("Tekst"),
                lambda s: edition.statements_by_id[s.id].text,
                tooltip=lambda s: edition.statements_by_id[s.id].text,
            ),
        ]
        for person in view.respondents:
            header = person.name + (f" ({tr(REMOVED)})" if person.removed else "")
            columns.append(Column(header, _score_of(person.id), CENTRE, _note_of(person.id)))
        columns += [
            Column(tr("Spreiding"), lambda s: short_answer(s.spread), CENTRE),
            Column(
                tr("Oneens?"),
                lambda s: tr(DISAGREED_SHORT) if s.flagged else "",
                CENTRE,
                lambda s: tr(DISAGREED) if s.flagged else "",
            ),
            Column(tr(AGREED.capitalize()), lambda s: short_answer(s.agreed), CENTRE),
        ]
        self.beginResetModel()
        self._columns = columns
        self._rows = list(view.statements)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if 0 <= index.row() < len(self._rows) and self._rows[index.row()].flagged:
                return FLAG_BACKGROUND
            return None
        return super().data(index, role)


def _score_of(respondent_id: str) -> Any:
    return lambda s: short_answer(s.scores.get(respondent_id))


def _note_of(respondent_id: str) -> Any:
    def note(s: MergedStatement) -> str:
        return s.notes.get(respondent_id, "")

    return note
