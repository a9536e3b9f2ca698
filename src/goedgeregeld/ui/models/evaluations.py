"""The home screen's table of evaluations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.ui.core.formatting import status_label, variant_label
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.models.base import Column, RowTableModel
from goedgeregeld.words import dutch_date, format_percentage

if TYPE_CHECKING:
    from goedgeregeld.store.records import EvaluationRecord

RIGHT = Qt.AlignmentFlag.AlignRight


def _progress(row: EvaluationRecord) -> str:
    if not row.required_count:
        return "–"
    share = round(100 * row.answered_count / row.required_count)
    return tr("{answered} van {required} ({share}%)").format(
        answered=row.answered_count, required=row.required_count, share=share
    )


def _score(row: EvaluationRecord) -> str:
    # A draft's score covers only what is answered so far: say so, so nobody reads it as final.
    if row.status != EvaluationStatus.COMPLETED and row.total_score is not None:
        return tr("{score} (tot nu toe)").format(score=format_percentage(row.total_score))
    return format_percentage(row.total_score)


class EvaluationsModel(RowTableModel):
    """Evaluations (``store.records.EvaluationRecord``), newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._reviews: dict[str, str] = {}
        super().__init__(
            [
                Column(tr("Gestart op"), lambda r: dutch_date(r.created_at)),
                Column(tr("Status"), lambda r: status_label(r.status)),
                Column(tr("Voortgang"), _progress),
                Column(tr("Score"), _score, RIGHT),
                Column(
                    tr("Vragenlijst"),
                    lambda r: tr("{version}, {variant}").format(
                        version=r.edition_version, variant=variant_label(r.variant)
                    ),
                ),
                Column(tr("Adviseur"), lambda r: self._reviews.get(r.id, "–")),
            ],
            parent,
        )

    def set_reviews(self, decisions: dict[str, str]) -> None:
        """The adviser's decision per evaluation id, for the last column (read after the rows)."""
        self._reviews = dict(decisions)
        if self.rowCount():
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, last), self.index(self.rowCount() - 1, last))
