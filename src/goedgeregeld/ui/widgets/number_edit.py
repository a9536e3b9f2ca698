"""A spin box for decimal numbers that takes "1,5" and "1.5" alike as one and a half."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget


class DecimalSpinBox(QDoubleSpinBox):
    """``QDoubleSpinBox`` that reads a typed point as the decimal comma, never as thousands.

    In Dutch the point groups thousands, so a plain spin box turns "1.5" into 15. Nobody
    types thousands in this field; a point is the decimal separator written the English way.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGroupSeparatorShown(False)

    def _local(self, text: str) -> str:
        point = self.locale().decimalPoint()
        return text.replace(".", point).replace(",", point)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state = super().validate(self._local(text), pos)[0]
        return state, self._local(text), pos

    def valueFromText(self, text: str) -> float:
        return float(super().valueFromText(self._local(text)))

    def fixup(self, text: str) -> str:
        return self._local(text)
