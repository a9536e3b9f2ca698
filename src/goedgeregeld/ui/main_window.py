"""The main window: a sample-mode banner above a stack of pages; the flow lives in ``flow``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.i18n import tr
from goedgeregeld.ui.widgets.common import button

DEFAULT_SIZE = (1280, 720)


class MainWindow(QMainWindow):
    first_paint = Signal()

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self._painted = False
        self.setWindowTitle(tr("Goed Geregeld – zelfevaluatie vrijwillige inzet"))
        self.setMinimumSize(960, 600)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = QFrame(central)
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(
            "QFrame#banner { background: #fff4d6; border-bottom: 1px solid #c9a227; }"
        )
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 6, 16, 6)
        banner_text = QLabel(
            tr("U kijkt rond in de voorbeeldorganisatie. Uw eigen gegevens blijven apart."),
            self.banner,
        )
        banner_layout.addWidget(banner_text, 1)
        self.leave_sample_button = button(tr("Terug naar mijn eigen gegevens"), self.banner)
        banner_layout.addWidget(self.leave_sample_button)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        central.installEventFilter(self)
        geometry = context.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        context.sample_mode_changed.connect(self.banner.setVisible)

    def show_page(self, page: QWidget) -> None:
        """Put ``page`` on top, dropping the pages that are not kept."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        previous = self.stack.currentWidget()
        if previous is not None and previous is not page and hasattr(previous, "leave"):
            previous.leave()
        self.stack.setCurrentWidget(page)
        for index in reversed(range(self.stack.count())):
            other = self.stack.widget(index)
            if other is not page:
                self.stack.removeWidget(other)
                other.deleteLater()
        page.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            # Painting has started; the queued call runs once this frame is done and flushed.
            self._painted = True
            self.centralWidget().removeEventFilter(self)
            QTimer.singleShot(0, self.first_paint.emit)
        return False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    def closeEvent(self, event) -> None:
        page = self.stack.currentWidget()
        if page is not None and hasattr(page, "leave"):
            page.leave()
        self.context.settings.window_geometry = self.saveGeometry()
        self.context.settings.sync()
        super().closeEvent(event)
