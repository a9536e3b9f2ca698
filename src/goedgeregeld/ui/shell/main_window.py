"""The main window: a sample-mode banner above a stack of pages; the flow lives in ``flow``."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import KeepsUnsavedText
from goedgeregeld.ui.core.settings import AppSettings

DEFAULT_SIZE = (1280, 720)
MINIMUM_SIZE = (880, 480)
"""Every page fits this: a 1024x600 screen with a taskbar, and 1366x768 at 150% text (910x512)."""
_DECORATION = 48
"""Room left on the screen for the title bar and frame the window system adds."""


def _fitting(size: tuple[int, int]) -> tuple[int, int]:
    """``size``, made smaller where the screen's free area is smaller (an old laptop)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return size
    free = screen.availableGeometry()
    smallest = _minimum()
    return (
        max(smallest[0], min(size[0], free.width() - _DECORATION // 4)),
        max(smallest[1], min(size[1], free.height() - _DECORATION)),
    )


def _minimum() -> tuple[int, int]:
    """``MINIMUM_SIZE``, or the screen's free area where that is smaller."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return MINIMUM_SIZE
    free = screen.availableGeometry()
    return (
        min(MINIMUM_SIZE[0], free.width() - _DECORATION // 4),
        min(MINIMUM_SIZE[1], free.height() - _DECORATION),
    )


class MainWindow(QMainWindow):
    """Painted first with nothing in it; ``attach`` fills in the services after that paint."""

    first_paint = Signal()
    leave_sample_requested = Signal()
    notice_shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings: AppSettings | None = None
        self._painted = False
        self.banner: QFrame | None = None
        self.notice: QFrame | None = None
        self.notice_label: QLabel | None = None
        self.setWindowTitle(tr("Goed Geregeld – zelfevaluatie vrijwillige inzet"))
        # Lists scroll within it; a screen smaller still lowers it, so nothing is off screen.
        self.setMinimumSize(*_minimum())
        central = QWidget(self)
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.stack = QStackedWidget(central)
        self._layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        central.installEventFilter(self)
        self.resize(*_fitting(DEFAULT_SIZE))

    def restore_geometry(self, geometry: QByteArray | None) -> None:
        """Put the window where the user left it (before it is shown)."""
        if geometry is not None:
            self.restoreGeometry(geometry)

    def attach(self, settings: AppSettings) -> None:
        """Hand the window its settings once they exist (it keeps its geometry there)."""
        self.settings = settings
        if not self.isVisible():
            self.restore_geometry(settings.window_geometry)

    def set_sample_banner(self, visible: bool) -> None:
        """Show or hide the banner that says the sample organisation is open."""
        if visible and self.banner is None:
            self.banner = self._make_banner()
            self._layout.insertWidget(0, self.banner)
        if self.banner is not None:
            self.banner.setVisible(visible)

    def _make_banner(self) -> QFrame:
        from goedgeregeld.ui.widgets.common import button

        banner = QFrame(self.centralWidget())
        banner.setObjectName("banner")
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(16, 6, 16, 6)
        text = QLabel(
            tr("U kijkt rond in de voorbeeldorganisatie. Uw eigen gegevens blijven apart."),
            banner,
        )
        layout.addWidget(text, 1)
        self.leave_sample_button = button(tr("Terug naar mijn eigen gegevens"), banner)
        self.leave_sample_button.clicked.connect(self.leave_sample_requested)
        layout.addWidget(self.leave_sample_button)
        return banner

    def come_forward(self, notice: str) -> None:
        """Another start wanted this window: bring it to the front and say why."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        QApplication.alert(self)
        if self.notice is None:
            from goedgeregeld.ui.widgets.common import button

            self.notice = QFrame(self.centralWidget())
            self.notice.setObjectName("banner")
            layout = QHBoxLayout(self.notice)
            layout.setContentsMargins(16, 6, 16, 6)
            self.notice_label = QLabel("", self.notice)
            self.notice_label.setWordWrap(True)
            layout.addWidget(self.notice_label, 1)
            close = button(tr("Sluiten"), self.notice)
            close.clicked.connect(self.notice.hide)
            layout.addWidget(close)
            self._layout.insertWidget(0, self.notice)
        assert self.notice_label is not None
        self.notice_label.setText(notice)
        self.notice_label.setAccessibleName(notice)
        self.notice.show()
        self.notice_shown.emit(notice)

    def show_page(self, page: QWidget) -> None:
        """Put ``page`` on top, dropping the pages that are not kept."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        previous = self.stack.currentWidget()
        if previous is not page and isinstance(previous, KeepsUnsavedText):
            previous.leave()
        self.stack.setCurrentWidget(page)
        for index in reversed(range(self.stack.count())):
            other = self.stack.widget(index)
            if other is not None and other is not page:
                self.stack.removeWidget(other)
                other.deleteLater()
        page.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            # Painting has started; the queued call runs once this frame is done and flushed.
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.first_paint.emit)
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, KeepsUnsavedText):
            page.leave()
        if self.settings is not None:
            self.settings.window_geometry = self.saveGeometry()
            self.settings.sync()
        super().closeEvent(event)
