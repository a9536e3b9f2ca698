"""Show an SVG drawing (the report's theme chart) on a white card, sharp on HiDPI screens."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

_CLIP_PATH = re.compile(rb"<clipPath.*?</clipPath>", re.DOTALL)
_CLIP_STYLE = re.compile(rb"clip-path:\s*url\(#[^)]*\);?")


def for_qt(svg: bytes) -> bytes:
    """Drop ``clipPath``: Qt SVG (SVG Tiny) draws its rectangle as a black shape instead."""
    return _CLIP_STYLE.sub(b"", _CLIP_PATH.sub(b"", svg))


class SvgChart(QWidget):
    """Paints an SVG over a white background, as large as fits without distorting it.

    In a layout its height follows its width, in the drawing's proportions, so text is
    never squashed and grows with the window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def load(self, svg: bytes) -> bool:
        loaded = self.renderer.load(QByteArray(for_qt(svg)))
        self.updateGeometry()
        self.update()
        return loaded

    def hasHeightForWidth(self) -> bool:
        return self.renderer.isValid()

    def heightForWidth(self, width: int) -> int:
        size = self.renderer.defaultSize()
        if size.width() <= 0:
            return super().heightForWidth(width)
        return round(width * size.height() / size.width())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.renderer.isValid():
            self.renderer.render(painter, self._target())
        painter.end()

    def _target(self) -> QRectF:
        """The largest rectangle in the drawing's proportions, centred in the widget."""
        size = self.renderer.defaultSize()
        area = QRectF(self.rect())
        if size.width() <= 0 or size.height() <= 0:
            return area
        scale = min(area.width() / size.width(), area.height() / size.height())
        width, height = size.width() * scale, size.height() * scale
        return QRectF(
            area.x() + (area.width() - width) / 2,
            area.y() + (area.height() - height) / 2,
            width,
            height,
        )
