"""Benchmark child: review a 72-statement client with the keyboard only, counting key presses.

Run as ``python -m benchmarks.review_child DATA_DIR EVALUATION_ID STRATEGY`` (offscreen).
Every key goes to the widget that has the focus, as it would for a person; the script never
clicks or sets focus itself. Prints ``keys <presses>`` and ``reviewed <agree> <lower>``.
A chord (Ctrl+Enter) counts as two presses; a typed letter as one.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# Where the adviser disagrees (theme number, statement number in the theme, 1-based) and the
# one-word comment typed there. Spread over six of the twelve themes, first to last position.
LOWERED = {
    (1, 2): "verouderd",
    (3, 5): "ontbreekt",
    (4, 1): "concept",
    (7, 3): "onvolledig",
    (9, 6): "ongetekend",
    (11, 4): "onduidelijk",
}
STRATEGIES = ("rest", "every")
"""``rest``: Ctrl+Enter once nothing is left to lower in a theme; ``every``: Enter on each."""


def _wait(app, until, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError(what)


def main(data_dir: Path, evaluation_id: str, strategy: str) -> int:
    """Open the review page, review all 72 statements by key presses, print the count."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from goedgeregeld.ui.core.settings import AppSettings
    from goedgeregeld.ui.shell.app_setup import configure_application
    from goedgeregeld.ui.shell.launch import build_app

    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    built = build_app(data_dir, AppSettings.in_folder(data_dir))
    window, flow, context = built.window, built.flow, built.context
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    _wait(app, lambda: flow.page is not None and flow.page.data is not None, "client list")
    flow.show_review(evaluation_id)
    page = flow.page
    _wait(app, lambda: getattr(page, "data", None) is not None and page.rows, "review page")
    presses = 0

    def focused():
        target = QApplication.focusWidget()
        if target is None:
            raise RuntimeError("no widget has the keyboard focus")
        return target

    def press(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal presses
        presses += 1 if modifier == Qt.KeyboardModifier.NoModifier else 2
        QTest.keyClick(focused(), key, modifier)
        app.processEvents()

    def type_text(text: str) -> None:
        nonlocal presses
        presses += len(text)
        QTest.keyClicks(focused(), text)
        app.processEvents()

    themes = len(page.themes())
    for theme in range(1, themes + 1):
        _wait(app, lambda t=theme: page.theme_index == t - 1 and page.rows, f"theme {theme}")
        lowered = sorted(p for t, p in LOWERED if t == theme)
        count = len(page.rows)
        for position in range(1, count + 1):
            rest = count - position + 1
            if strategy == "rest" and rest > 1 and not [p for p in lowered if p >= position]:
                press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
                break
            if position in lowered:
                type_text("-")
                type_text(LOWERED[(theme, position)])
            press(Qt.Key.Key_Return)
    context.operations.wait()
    app.processEvents()
    print(f"keys {presses}", flush=True)
    print(f"themes {themes}", flush=True)
    window.close()
    context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
