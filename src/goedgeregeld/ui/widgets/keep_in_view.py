"""Keep one widget of a scroll area in view, also once the layout and the window settle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QScrollArea, QWidget

SETTLE_MS = 1000
"""How long after ``reveal`` a change in the content's size still counts as settling."""


class KeepInView(QObject):
    """Scrolls ``scroll`` so that its target widget shows whole, now and after resizes.

    Scrolling at once is not enough: cards added a moment ago get their final height only
    when their text is wrapped at the final width, and a window that is maximised after it
    is shown changes the viewport again. So the target (the card being worked on) is shown
    again whenever the viewport changes size, and, for a moment after ``reveal``, whenever
    the content does. After that moment the content may grow (an explanation opened on
    another card) without the view jumping back.
    """

    def __init__(self, scroll: QScrollArea, margin: int = 24) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        self.margin = margin
        self.target: QWidget | None = None
        self._settling = QTimer(self)
        self._settling.setSingleShot(True)
        self._settling.setInterval(SETTLE_MS)
        scroll.viewport().installEventFilter(self)
        content = scroll.widget()
        if content is not None:
            content.installEventFilter(self)

    def reveal(self, widget: QWidget) -> None:
        """Make ``widget`` the target and scroll to it, again while the layout settles."""
        self.target = widget
        self._settling.start()
        QTimer.singleShot(0, self._reveal)

    def follow(self, widget: QWidget | None) -> None:
        """Make ``widget`` the target without scrolling (the user went there), or forget it."""
        self.target = widget

    def _reveal(self) -> None:
        if self.target is not None:
            self.scroll.ensureWidgetVisible(self.target, 0, self.margin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and self.target is not None
            and (watched is self.scroll.viewport() or self._settling.isActive())
        ):
            QTimer.singleShot(0, self._reveal)
        return False
