"""Start the app window; Qt is imported here and not before."""

from __future__ import annotations

import sys
from pathlib import Path


def launch_app(data_dir: Path, self_test: bool = False) -> int:
    """Open the main window on ``data_dir`` and run the event loop."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Goed Geregeld")
    window.setCentralWidget(QLabel(f"Goed Geregeld\nGegevens in {data_dir}"))
    window.resize(1024, 700)
    window.show()
    return int(app.exec())
