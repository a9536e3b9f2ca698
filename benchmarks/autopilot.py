"""Answer statements through the real UI by key presses, printing an ack per saved answer.

Run as ``python -m benchmarks.autopilot DATA_DIR N [notes]`` (offscreen): starts the app
through ``ui.shell.launch`` as ``goedgeregeld`` does and answers N statements of the first
draft. With ``notes`` it also types a note on each answered card and, once the card shows it
as saved, prints ``note STATEMENT TEXT``. The crash test kills the process mid-way and then
checks that every acknowledged answer and note is in the database.
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

    def __init__(self, flow, count: int, notes: bool = False) -> None:
        super().__init__(flow)
        self.flow = flow
        self.remaining = count
        self.notes = notes
        self.step = 0
        self.page = None
        flow.home_ready.connect(self._open_draft)
        flow.window.notice_shown.connect(lambda text: print(f"notice {text}", flush=True))

    def _open_draft(self) -> None:
        print("ready", flush=True)
        overview = self.flow.page.overview
        draft = next(e for e in overview.evaluations if not e.is_completed)
        self.flow.show_fill_in(draft.id)
        self.page = self.flow.page
        self.page.loaded.connect(self._press)
        self.page.answer_saved.connect(self._saved)
        self.page.note_saved.connect(self._note_saved)

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
        card = self.page._card(statement_id) if self.notes else None
        if card is None:
            QTimer.singleShot(0, self._press)
            return
        # Typed key by key into the field, which keeps the focus: only the pause saves it.
        card.note_edit.setFocus()
        for char in note_text(self.step):
            QApplication.sendEvent(
                card.note_edit,
                QKeyEvent(
                    QKeyEvent.Type.KeyPress,
                    Qt.Key.Key_unknown,
                    Qt.KeyboardModifier.NoModifier,
                    char,
                ),
            )

    def _note_saved(self, statement_id: str, text: str) -> None:
        card = self.page._card(statement_id)
        if card is not None and card.note_is_saved:
            print(f"note {statement_id} {text.replace(' ', '_')}", flush=True)
            cards = self.page.cards
            cards[min(cards.index(card) + 1, len(cards) - 1)].setFocus()
        QTimer.singleShot(0, self._press)


def note_text(step: int) -> str:
    """A note that differs per answer, with a non-ASCII letter as users type them."""
    return f"Notitie {step} bij de coördinator"


def main(argv: list[str]) -> int:
    """Start the app on ``DATA_DIR`` and answer ``N`` statements; runs until killed or closed."""
    from goedgeregeld.base.paths import data_dir
    from goedgeregeld.ui.shell.launch import prepare_window, run_window

    folder, count = data_dir(argv[0]), int(argv[1])
    notes = argv[2:3] == ["notes"]
    app, window, settings = prepare_window(folder)
    pilots: list[Autopilot] = []
    return run_window(
        app,
        window,
        folder,
        settings,
        when_filled=lambda flow: pilots.append(Autopilot(flow, count, notes)),
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
