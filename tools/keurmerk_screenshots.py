"""Screenshots of the keurmerk chain: NOV's assessor screen and register, the organisation's home.

Usage: python tools/keurmerk_screenshots.py NOV_DIR ORG_DIR EVALUATION_ID OUTPUT_DIR
(data folders as the command line leaves them after ``nov assess import`` and, for the
organisation, ``import`` of its keurmerk certificate). Run under Xvfb for real window chrome.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from goedgeregeld.ui.core.settings import AppSettings, Role
from goedgeregeld.ui.shell.app_setup import configure_application
from goedgeregeld.ui.shell.launch import build_app

SIZE = tuple(int(n) for n in os.environ.get("SHOT_SIZE", "1366x768").split("x"))


def wait_until(app: QApplication, condition, timeout: float = 30.0) -> None:
    """Process events until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def _open(folder: Path, role: Role):
    settings = AppSettings.in_folder(folder)
    settings.welcome_done = True
    settings.role = role
    built = build_app(folder, settings)
    built.window.resize(*SIZE)
    built.window.show()
    return built


def _shoot(app: QApplication, window, target: Path) -> None:
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(target))
    print(target)


def main(nov: Path, org: Path, evaluation_id: str, output: Path) -> None:
    """The assessor's screen with ``evaluation_id`` chosen, the register, the organisation's home."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    output.mkdir(parents=True, exist_ok=True)
    built = _open(nov, Role.NOV)
    flow = built.flow
    wait_until(app, lambda: type(flow.page).__name__ == "NovPage")
    flow.show_assess()
    page = flow.page
    wait_until(app, lambda: page.assessments.rowCount() > 0)
    ids = [r.package.evaluation_id for r in page.assessments.rows()]
    page.list_view.selectRow(ids.index(evaluation_id))
    wait_until(
        app,
        lambda: page.view is not None and page.view.record.package.evaluation_id == evaluation_id,
    )
    _shoot(app, built.window, output / "keurmerk-eindbeoordeling.png")
    page.tabs.setCurrentIndex(1)
    _shoot(app, built.window, output / "keurmerk-register.png")
    built.context.close()
    built.window.close()
    built = _open(org, Role.ORGANISATION)
    wait_until(app, lambda: type(built.flow.page).__name__ == "HomePage")
    home = built.flow.page
    wait_until(app, lambda: home.mark_label.isVisible())
    _shoot(app, built.window, output / "keurmerk-start-organisatie.png")
    built.context.close()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print(__doc__)
        raise SystemExit(2)
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
