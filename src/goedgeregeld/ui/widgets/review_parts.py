"""The adviser's review as the organisation sees it: its frame and its lines of text."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from goedgeregeld.ui.core.formatting import verdict_label
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.common import title_label
from goedgeregeld.words import dutch_date

if TYPE_CHECKING:
    from goedgeregeld.store.review_records import QualityMark, StatementReviewRecord


def verdict_line(record: StatementReviewRecord) -> str:
    """The Adviseur: score moet lager (voorstel 1) – comment."""
    text = tr("Adviseur: {v}").format(v=verdict_label(record.verdict))
    if record.proposed_score is not None:
        text += tr(" (voorstel {s})").format(s=record.proposed_score)
    if record.comment:
        text += f" – {record.comment}"
    return text


def mark_line(mark: QualityMark, today: date | None = None) -> str:
    """Granted and expiry dates of the quality mark, with the reminder when due."""
    today = today or date.today()
    text = tr("Keurmerk toegekend op {g}, geldig tot en met {e}.").format(
        g=dutch_date(mark.granted_on), e=dutch_date(mark.expires_on)
    )
    if mark.is_expired(today):
        text += " " + tr("⚠ Het keurmerk is verlopen.")
    elif mark.needs_reminder(today):
        text += " " + tr("⚠ Vraag op tijd een nieuwe beoordeling aan.")
    return text


def adviser_frame(parent: QWidget, title: str) -> tuple[QFrame, QVBoxLayout]:
    """A frame in the adviser's colour, so it never looks like the organisation's own score."""
    frame = QFrame(parent)
    frame.setObjectName("adviserReview")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 10)
    layout.setSpacing(4)
    layout.addWidget(title_label(title, frame, section=True))
    return frame, layout
