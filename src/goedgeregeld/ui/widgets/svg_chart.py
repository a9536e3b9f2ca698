"""Show an SVG drawing (the report's theme chart) on a white card, sharp on HiDPI screens."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

_CLIP_PATH = re.compile(rb"<clipPath.*?</clipPath>", re.DOTALL)
_CLIP_STYLE = re.compile(rb"clip-path:\s*url\(#[^)]*\);?")


def for_qt(svg: bytes) -> bytes:
    """Drop ``clipPath``: Qt SVG (SVG Tiny) draws its rectangle as a black shape instead."""
    return _CLIP_STYLE.sub(b"", _CLIP_PATH.sub(b"", svg))


class SvgChart(QWidget):
    """Paints an SVG scaled to the widget over a white background."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)

    def load(self, svg: bytes) -> bool:
        loaded = self.renderer.load(QByteArray(for_qt(svg)))
        self.update()
        return loaded

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.renderer.isValid():
            self.renderer.render(painter, QRectF(self.rect()))
        painter.end()
