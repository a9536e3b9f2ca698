"""Screenshots of every organisation page, as a new user meets them, on the display in use.

Run under Xvfb at 1366x768 (also with QT_SCALE_FACTOR=1.5) and at 1024x600; TAG goes into
the file names (org-<tag>-NN-page.png). The data is made through the command line (an
earlier round, a new round, the adviser's review sent back), then the window walks it.

Usage: python tools/screenshots_organisation.py TAG [OUTPUT_DIR] [--all]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from goedgeregeld.ui.core.settings import AppSettings, Role
from goedgeregeld.ui.shell.app_setup import configure_application
from goedgeregeld.ui.shell.launch import build_app

ROOT = Path(__file__).resolve().parents[1]


def gg(data: Path, *args: str) -> str:
    """Run the command line on ``data``; returns what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "goedgeregeld", "--data-dir", str(data), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def open_ids(data: Path, evaluation_id: str) -> list[str]:
    """The statements still open in an evaluation, in questionnaire order."""
    return json.loads(gg(data, "eval", "show", evaluation_id, "--json"))["open"]


def make_data(folder: Path) -> dict[str, str]:
    """An organisation with a finished round, a newer reviewed round and a draft."""
    org_dir, adviser_dir = folder / "organisatie", folder / "adviseur"
    org = gg(
        org_dir, "org", "create", "--name", "Sportvereniging De Zwaluwen", "--city", "Zwolle",
        "--province", "Overijssel", "--volunteers", "60", "--paid-fte", "1,5",
    )  # fmt: skip
    first = gg(org_dir, "eval", "start", org)
    chosen = open_ids(org_dir, first)  # every statement of this variant
    for n, sid in enumerate(chosen):
        gg(org_dir, "eval", "answer", first, sid, "1203"[n % 4])
    gg(org_dir, "eval", "complete", first)
    second = gg(org_dir, "eval", "start", org, "--from", first)
    gg(org_dir, "eval", "confirm", second)
    for n, sid in enumerate(chosen):
        value = "3" if n % 5 else "2"
        gg(org_dir, "eval", "answer", second, sid, value)
    gg(org_dir, "eval", "complete", second)
    shared = folder / "zwaluwen.ggeval"
    gg(org_dir, "export", second, "-o", str(shared))
    gg(adviser_dir, "adviser", "register", "--name", "Anna de Vries", "--region", "Overijssel")
    gg(adviser_dir, "import", str(shared))
    gg(adviser_dir, "review", "set", second, chosen[1], "--verdict", "lager", "--score", "2",
       "--comment", "Het beleid is nog niet door het bestuur vastgesteld.")  # fmt: skip
    gg(adviser_dir, "review", "set", second, chosen[11], "--verdict", "lager", "--score", "1",
       "--comment", "Er is geen vertrouwenscontactpersoon benoemd.")  # fmt: skip
    for sid in chosen:
        if sid not in (chosen[1], chosen[11]):
            gg(adviser_dir, "review", "set", second, sid, "--verdict", "eens")
    gg(adviser_dir, "review", "decide", second, "--decision", "voorwaarden", "--condition",
       "Vertrouwenscontactpersoon benoemen", "--deadline", f"{time.localtime().tm_year + 1}-06-30")  # fmt: skip
    back = folder / "terug.ggreview"
    gg(adviser_dir, "review", "export", second, "-o", str(back))
    draft = gg(org_dir, "eval", "start", org)
    for n, sid in enumerate(open_ids(org_dir, draft)[:-3]):
        gg(org_dir, "eval", "answer", draft, sid, "3210"[n % 4])
    return {"org_dir": str(org_dir), "second": second, "draft": draft, "review": str(back)}


def wait_until(app: QApplication, condition, timeout: float = 20.0) -> None:
    """Process events until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def fill_screen(window: QWidget) -> None:
    """The window over the whole screen, as a maximised one (Xvfb has no window manager)."""
    window.show()
    window.setGeometry(window.screen().availableGeometry())


class Camera:
    """Saves the window (or a dialog) as org-<tag>-NN-name.png."""

    def __init__(self, app: QApplication, output: Path, tag: str) -> None:
        self.app, self.output, self.tag, self.count = app, output, tag, 0

    def shoot(self, widget: QWidget, name: str) -> None:
        """Let the widget settle, then save it."""
        for _ in range(10):
            self.app.processEvents()
            time.sleep(0.02)
        self.count += 1
        target = self.output / f"org-{self.tag}-{self.count:02d}-{name}.png"
        widget.grab().save(str(target))
        print(target)


def first_run(app: QApplication, camera: Camera, folder: Path) -> None:
    """Welcome, role and the profile with its message, on an empty data folder."""
    data = folder / "nieuw"
    built = build_app(data, AppSettings.in_folder(data))
    window, flow = built.window, built.flow
    fill_screen(window)
    wait_until(app, lambda: type(flow.page).__name__ == "WelcomePage")
    camera.shoot(window, "welkom")
    flow.page.start_button.click()
    camera.shoot(window, "rol")
    flow.page.next_button.click()
    wait_until(app, lambda: type(flow.page).__name__ == "ProfilePage")
    page = flow.page
    wait_until(app, lambda: page.variant_label.text() != "")
    page.save_button.click()
    camera.shoot(window, "profiel-naam-ontbreekt")
    page.name_edit.setText("Sportvereniging De Zwaluwen")
    page.volunteers_spin.setValue(60)
    camera.shoot(window, "profiel")
    window.close()
    built.context.close()


def main(tag: str, output: Path, everything: bool) -> None:
    """The first run (with ``everything``), then every page of the prepared organisation."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    output.mkdir(parents=True, exist_ok=True)
    camera = Camera(app, output, tag)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        if everything:
            first_run(app, camera, folder)
        made = make_data(folder)
        data = Path(made["org_dir"])
        settings = AppSettings.in_folder(data)
        settings.welcome_done, settings.role = True, Role.ORGANISATION
        from tests.ui.conftest import FakeDialogs

        dialogs = FakeDialogs(open_paths=[Path(made["review"])])
        built = build_app(data, settings, dialogs)
        window, flow, actions = built.window, built.flow, built.actions_by_name
        fill_screen(window)
        wait_until(app, lambda: getattr(flow.page, "overview", None) is not None)
        camera.shoot(window, "start")
        flow.show_fill_in(made["draft"])
        wait_until(app, lambda: flow.page.state is not None)
        camera.shoot(window, "invullen")
        flow.page.switch_theme(len(flow.page.theme_statements) - 1)
        camera.shoot(window, "invullen-afronden-wacht")
        flow.show_results(made["draft"])
        wait_until(app, lambda: flow.page.data is not None)
        camera.shoot(window, "tussenstand")
        actions["import_review"].trigger()
        wait_until(app, lambda: any("ingelezen" in t for _h, t in dialogs.shown))
        flow.show_home()
        wait_until(app, lambda: getattr(flow.page, "overview", None) is not None)
        home = flow.page
        home.table.selectRow(1)
        wait_until(app, lambda: home.review_note.isVisible())
        camera.shoot(window, "start-na-beoordeling")
        flow.show_results(made["second"])
        wait_until(app, lambda: flow.page.data is not None and flow.page.review_panel.isVisible())
        camera.shoot(window, "uitkomst-na-beoordeling")
        flow.show_compare(made["second"])
        wait_until(app, lambda: flow.page.comparison is not None)
        camera.shoot(window, "vergelijken")
        if everything:
            flow.show_action_plan(made["second"])
            wait_until(app, lambda: flow.page.weak_model.rowCount() > 0)
            camera.shoot(window, "plan-van-aanpak")
            from goedgeregeld.ui.core.exchange_security import ExportLockDialog

            lock = ExportLockDialog(window)
            lock.show()
            camera.shoot(lock, "delen-met-adviseur")
            lock.close()
            flow.show_home()
            wait_until(app, lambda: getattr(flow.page, "overview", None) is not None)
            actions["help"].trigger()
            helps = [w for w in app.topLevelWidgets() if type(w).__name__ == "HelpDialog"]
            camera.shoot(helps[-1], "help-startscherm")
            helps[-1].close()
            from goedgeregeld.ui.shell.about_dialog import AboutDialog

            about = AboutDialog(data, window)
            about.show()
            camera.shoot(about, "over")
            about.close()
        window.close()
        built.context.close()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(
        arguments[0] if arguments else "1366",
        Path(arguments[1]) if len(arguments) > 1 else ROOT / "docs" / "screenshots",
        "--all" in sys.argv,
    )
