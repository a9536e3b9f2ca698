"""A date editor that takes dates typed the Dutch way ("1-3-2027", "1 maart 2027"), with a calendar.

No input mask and no section-by-section typing: the whole text is read by
``words.parse_dutch_date``. Text that is not a date is never replaced by a guess; the
editor remembers what was typed so its delegate can refuse it and say so.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.words import parse_dutch_date

EDIT_FORMAT = "d-M-yyyy"
_MAY_BECOME_DATE = re.compile(r"[\w\s./-]{0,30}")
"""Partial input that typing on could still turn into a date (digits, letters, separators)."""


class DutchDateEdit(QDateEdit):
    """``QDateEdit`` with a calendar popup that reads the whole typed text as one Dutch date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(EDIT_FORMAT)
        self.setCorrectionMode(QDateEdit.CorrectionMode.CorrectToPreviousValue)
        self.setAccessibleName(tr("Uiterlijk"))
        self.setToolTip(tr("Typ bijvoorbeeld 1-3-2027 of 1 maart 2027, of kies in de kalender."))
        self.typed: str | None = None
        """The text the user typed since the editor was filled, or None (calendar, arrows)."""
        self.touched = False
        """The user typed, picked or stepped: without that, an empty date stays empty."""
        self.lineEdit().textEdited.connect(self._typed)
        self.calendarWidget().clicked.connect(self._picked)

    def _typed(self, text: str) -> None:
        self.typed, self.touched = text, True

    def _picked(self, _day: QDate) -> None:
        self.typed, self.touched = None, True

    def stepBy(self, steps: int) -> None:
        # Arrow keys change the date: what was typed before no longer counts.
        self.typed, self.touched = None, True
        super().stepBy(steps)

    def typed_is_refused(self) -> bool:
        """The user typed something that is not a date (the old value stays)."""
        return self.typed is not None and typed_date(self.typed) is None

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if typed_date(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _MAY_BECOME_DATE.fullmatch(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return text  # never a silent substitute

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = typed_date(text)
        return QDateTime(day, QTime(0, 0)) if day is not None else self.dateTime()


def typed_date(text: str) -> QDate | None:
    """``text`` as a QDate when it is a Dutch date, else None."""
    day = parse_dutch_date(text)
    return None if day is None else QDate(day.year, day.month, day.day)
