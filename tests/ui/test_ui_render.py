"""Pages draw real text with the bundled font (no empty-box glyphs), at 1366x768."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontInfo, QFontMetrics
from tests.ui.conftest import wait_for_page


def dark_share(image) -> float:
    """Share of pixels that are clearly darker than the light background."""
    dark = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            total += 1
            if QColor(image.pixel(x, y)).lightness() < 120:
                dark += 1
    return dark / max(total, 1)


def test_welcome_page_renders_text_in_dejavu(start_app, qtbot) -> None:
    app = start_app(first_run=True)
    page = wait_for_page(qtbot, app, "WelcomePage")
    assert QFontInfo(page.font()).family() == "DejaVu Sans"
    metrics = QFontMetrics(page.font())
    for char in "ëé★✓‹›–…":
        assert metrics.inFontUcs4(ord(char)), char
    image = app.window.grab().toImage()
    assert image.width() == 1366
    assert dark_share(image) > 0.01
    # A title label on its own: glyphs, not boxes; boxes would give the same ink for any text.
    from goedgeregeld.ui.widgets.common import title_label

    inks = []
    for text in ("Welkom", "Zelfevaluatie"):
        label = title_label(text)
        label.resize(label.sizeHint())
        qtbot.addWidget(label)
        inks.append(dark_share(label.grab().toImage()))
    assert all(ink > 0.02 for ink in inks)
    assert abs(inks[0] - inks[1]) > 0.001
