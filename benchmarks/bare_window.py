"""The floor of the start-up benchmark: a bare PySide6 window, optionally plus one ORM query.

Run as a script by ``benchmarks.startup`` (never imported by the app): prints
``painted`` after the first paint and, given a database path, ``home-ready`` after
importing ``sqlalchemy.orm`` and running one query.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    """Calls back once, after the first paint event has been handled."""

    def __init__(self, callback) -> None:
        super().__init__()
        self.callback = callback
        self.done = False

    def eventFilter(self, watched, event) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.callback)
        return False


def main() -> None:
    """Show a bare window; report the first paint (and the query) on stdout; quit."""
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 720)

    def after_paint() -> None:
        print("painted", flush=True)
        if len(sys.argv) > 1:
            import sqlalchemy.orm
            from sqlalchemy import create_engine, text

            engine = create_engine("sqlite:///" + sys.argv[1])
            with sqlalchemy.orm.Session(engine) as session:
                session.execute(text("SELECT id, name FROM organisation ORDER BY name")).all()
            print("home-ready", flush=True)
        app.quit()

    watcher = _FirstPaint(after_paint)
    window.installEventFilter(watcher)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
