"""Self-test step: build the real main window, wait until it shows its data, save it as a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    from goedgeregeld.ui.shell.flow import AppFlow
    from goedgeregeld.ui.shell.main_window import MainWindow

READY_TIMEOUT_MS = 20_000
# At least this share of the sampled pixels must differ from the background colour.
MIN_DRAWN_SHARE = 0.02
_SAMPLE_STEP = 4


def drawn_share(image: QImage) -> float:
    """Share of sampled pixels that differ from the most common colour (the background)."""
    counts: dict[int, int] = {}
    total = 0
    for y in range(0, image.height(), _SAMPLE_STEP):
        for x in range(0, image.width(), _SAMPLE_STEP):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
            total += 1
    if total == 0:
        return 0.0
    return 1.0 - max(counts.values()) / total


def _wait_until_ready(window: MainWindow, flow: AppFlow) -> bool:
    """Run the event loop until the home screen shows its data; False on timeout."""
    loop = QEventLoop()
    ready = {"home": False}

    def done() -> None:
        ready["home"] = True
        loop.quit()

    flow.home_ready.connect(done)
    QTimer.singleShot(READY_TIMEOUT_MS, loop.quit)
    window.show()
    if not ready["home"]:
        loop.exec()
    return ready["home"]


def render_main_window(folder: Path, target: Path) -> str:
    """Open the app on ``folder`` as an organisation user, then grab the window into ``target``.

    ``target`` is a ``.png`` file: Qt picks the format from the suffix.
    ``folder`` must hold a database with at least one organisation, or the app asks for a
    profile instead of showing the home screen.

    Needs a QApplication configured like the real app. Raises when the home screen does not
    get its data or the picture is (nearly) empty.
    """
    from goedgeregeld.ui.core.settings import AppSettings, Role
    from goedgeregeld.ui.shell.launch import build_app
    from goedgeregeld.ui.shell.main_window import DEFAULT_SIZE

    settings = AppSettings.in_folder(folder)
    settings.welcome_done = True
    settings.role = Role.ORGANISATION
    settings.sync()
    built = build_app(folder, settings)
    window, flow, context = built.window, built.flow, built.context
    # The default size, whatever the screen: the offscreen one is only 800x600, and the window
    # no longer grows past a small screen (issue 18).
    window.resize(*DEFAULT_SIZE)
    try:
        if not _wait_until_ready(window, flow):
            raise RuntimeError(
                f"het startscherm kreeg binnen {READY_TIMEOUT_MS // 1000} s geen gegevens"
            )
        image = window.grab().toImage()
        if image.isNull() or not image.save(str(target)):
            raise RuntimeError(f"kon het venster niet opslaan als {target}")
        share = drawn_share(image)
        if share < MIN_DRAWN_SHARE:
            raise RuntimeError(f"het venster is leeg ({share:.1%} getekende pixels)")
        return f"{image.width()}×{image.height()} px, {share:.0%} getekend, opgeslagen als {target.name}"
    finally:
        window.close()
        context.close()
        window.deleteLater()
