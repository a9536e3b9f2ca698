"""Answer statements through the real UI by key presses, printing an ack per saved answer.

Run as ``python -m benchmarks.autopilot DATA_DIR N`` (offscreen): starts the app through
``ui.shell.launch`` as ``goedgeregeld`` does and answers N statements of the first draft.
The crash test kills the process mid-way and then checks that every acknowledged answer is
in the database.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

KEYS = (Qt.Key.Key_0, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_N)
VALUES = ("0", "1", "2", "3", "na")


class Autopilot(QObject):
    """Opens the first draft and presses answer keys, one answer at a time."""

    def __init__(self, flow, count: int) -> None:
        super().__init__(flow)
        self.flow = flow
        self.remaining = count
        self.step = 0
        self.page = None
        flow.home_ready.connect(self._open_draft)

    def _open_draft(self) -> None:
        overview = self.flow.page.overview
        draft = next(e for e in overview.evaluations if not e.is_completed)
        self.flow.show_fill_in(draft.id)
        self.page = self.flow.page
        self.page.loaded.connect(self._press)
        self.page.answer_saved.connect(self._saved)

    def _press(self) -> None:
        if self.remaining <= 0:
            return
        card = next((c for c in self.page.cards if c.hasFocus()), None) or self.page.cards[0]
        key = KEYS[self.step % len(KEYS)]
        text = VALUES[self.step % len(VALUES)][0].lower()
        self.step += 1
        QApplication.sendEvent(
            card, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
        )

    def _saved(self, statement_id: str, value) -> None:
        print(f"saved {statement_id} {value}", flush=True)
        self.remaining -= 1
        QTimer.singleShot(0, self._press)


def main(argv: list[str]) -> int:
    """Start the app on ``DATA_DIR`` and answer ``N`` statements; runs until killed or closed."""
    from goedgeregeld.base.paths import data_dir
    from goedgeregeld.ui.shell.launch import prepare_window, run_window

    folder, count = data_dir(argv[0]), int(argv[1])
    app, window, settings = prepare_window(folder)
    pilots: list[Autopilot] = []
    return run_window(
        app,
        window,
        folder,
        settings,
        when_filled=lambda flow: pilots.append(Autopilot(flow, count)),
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
