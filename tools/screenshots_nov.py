"""Screenshots of NOV's pages: the dashboard (top, provinces, size and variant) and the PDF.

Run under Xvfb for the real thing, once per screen size and scale, for example:
  Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 python tools/screenshots_nov.py docs/screenshots
  DISPLAY=:7 QT_SCALE_FACTOR=1.5 python tools/screenshots_nov.py docs/screenshots --tag groot
Without a display it runs offscreen. The window fills the screen, as a maximised one does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from benchmarks.synthetic_nov import write_pile  # noqa: E402
from goedgeregeld.ui.core.settings import AppSettings, Role  # noqa: E402
from goedgeregeld.ui.shell.app_setup import configure_application  # noqa: E402
from goedgeregeld.ui.shell.launch import build_app  # noqa: E402


def wait_until(app: QApplication, condition, timeout: float = 60.0) -> None:
    """Process events until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def _write_implausible(folder: Path, count: int) -> None:
    """``count`` sync files of organisation installations that each name 40 organisations."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        organisations = [
            {"id": str(uuid.uuid4()), "year": 2024, "province": "Zeeland", "size": "klein"}
            for _ in range(40 + n)
        ]
        document = {
            "format": "goedgeregeld-sync",
            "version": 1,
            "installation_id": str(uuid.uuid4()),
            "sequence": 1,
            "created_at": "2026-11-30T09:00:00Z",
            "organisations": organisations,
            "evaluations_completed": [],
            "advisers": [],
            "quality_marks": [],
        }
        name = f"statistiek-{n + 1:02d}.json"
        (folder / name).write_text(json.dumps(document), encoding="utf-8")


def main(output: Path, tag: str) -> None:
    """Import a synthetic pile of sync files in NOV mode and save each part of the page."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    output.mkdir(parents=True, exist_ok=True)
    suffix = f"-{tag}" if tag else ""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "nov"
        pile = Path(folder) / "stapel"
        write_pile(pile, organisations=400, advisers=30, clients_per_adviser=4, seed=18)
        (pile / "lees-mij.txt").write_text("Bestanden van december\n", encoding="utf-8")
        settings = AppSettings.in_folder(data)
        settings.welcome_done, settings.role = True, Role.NOV
        settings.sync()
        built = build_app(data, settings)
        window, flow = built.window, built.flow
        screen = app.primaryScreen().availableGeometry()
        window.resize(screen.width(), screen.height())
        window.move(screen.topLeft())
        window.show()
        wait_until(app, lambda: type(flow.page).__name__ == "NovPage")
        page = flow.page
        wait_until(app, lambda: page.dashboard is not None)
        done: list[bool] = []
        page.import_finished.connect(lambda: done.append(True))
        page.import_folder(pile)
        wait_until(app, lambda: bool(done))
        pdf = Path(folder) / "jaaroverzicht.pdf"
        page.export_to("pdf", pdf)
        page.wait()
        wait_until(app, lambda: "jaaroverzicht.pdf" in page.saved_label.text())
        scroll = page.findChild(QScrollArea)
        bar = scroll.verticalScrollBar()

        def shoot(name: str) -> None:
            for _ in range(10):
                app.processEvents()
                time.sleep(0.02)
            path = output / f"{name}{suffix}.png"
            window.grab().save(str(path))
            print(path)

        shoot("nov-dashboard")
        # The page scrolls: the charts half way, the tables at the end.
        bar.setValue(
            page.years_chart.mapTo(scroll.widget(), page.years_chart.rect().topLeft()).y() - 80
        )
        shoot("nov-grafieken")
        bar.setValue(bar.maximum())
        shoot("nov-tabellen")
        # Twelve files that name more organisations than one installation can hold.
        flood = Path(folder) / "vreemd"
        _write_implausible(flood, 12)
        done.clear()
        page.import_folder(flood)
        wait_until(app, lambda: bool(done))
        bar.setValue(0)
        shoot("nov-quarantaine")
        window.close()
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-singlefile",
                str(pdf),
                str(output / "nov-jaaroverzicht"),
            ],
            check=True,
        )
        print(output / "nov-jaaroverzicht.png")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--tag")]
    tags = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--tag=")]
    main(Path(arguments[0]) if arguments else Path("docs/screenshots"), tags[0] if tags else "")
