"""Start the app window: paint first, then open the database and fill the window.

Environment switches for scripts (not for users):
``GOEDGEREGELD_STARTUP_TRACE=1`` prints ``painted <s>`` and ``home-ready <s>`` (seconds since
the process started) and, with ``GOEDGEREGELD_EXIT_WHEN_READY=1``, quits once the home screen
shows its data. ``GOEDGEREGELD_AUTOPILOT=N`` answers N statements through the real UI (see
``ui.autopilot``), used by the crash test.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goedgeregeld.ui.shell.app import App
    from goedgeregeld.ui.shell.main_window import MainWindow
    from goedgeregeld.ui.shell.services import Dialogs
    from goedgeregeld.ui.shell.settings import AppSettings

TRACE_ENV = "GOEDGEREGELD_STARTUP_TRACE"
EXIT_WHEN_READY_ENV = "GOEDGEREGELD_EXIT_WHEN_READY"
AUTOPILOT_ENV = "GOEDGEREGELD_AUTOPILOT"


def _since_start() -> float:
    """Seconds since this process started (wall clock, as a user experiences it)."""
    import time

    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


def _settings_for(data_dir: Path) -> AppSettings:
    """Settings inside the data folder when it was chosen explicitly, else the user's own."""
    import goedgeregeld.base.paths as paths
    from goedgeregeld.ui.shell.settings import AppSettings

    explicit = bool(os.environ.get(paths.DATA_DIR_ENV)) or data_dir != paths.data_dir(None)
    return AppSettings.in_folder(data_dir) if explicit else AppSettings.for_user()


def build_app(
    data_dir: Path,
    settings: AppSettings | None = None,
    dialogs: Dialogs | None = None,
    window: MainWindow | None = None,
) -> App:
    """Create (or complete) the window, its flow and menus; returns them as one ``App``.

    With ``window`` given, that already painted window is filled; otherwise a new one is
    made and the data loads after its first paint.
    """
    from goedgeregeld.ui.shell.app import App
    from goedgeregeld.ui.shell.context import AppContext
    from goedgeregeld.ui.shell.dialogs import DialogService
    from goedgeregeld.ui.shell.flow import AppFlow
    from goedgeregeld.ui.shell.main_window import MainWindow
    from goedgeregeld.ui.shell.menu_actions import install_menus
    from goedgeregeld.ui.shell.startup_checks import StartupChecks

    dialogs = dialogs or DialogService()
    context = AppContext(data_dir, settings or _settings_for(data_dir), dialogs)
    painted = window is not None
    window = window or MainWindow()
    window.attach(context.settings)
    context.operations.sample_mode_changed.connect(window.set_sample_banner)
    dialogs.parent = window
    flow = AppFlow(window, context, window)
    app = App(
        window=window,
        flow=flow,
        context=context,
        actions_by_name=install_menus(window, flow, context),
        startup_checks=StartupChecks(window.first_paint, context, painted, window),
    )
    if painted:
        flow.start()
        flow.after_first_paint()
    else:
        window.first_paint.connect(flow.after_first_paint)
        flow.start()
    return app


def launch_app(data_dir: Path, self_test: bool = False, open_file: str | None = None) -> int:
    """Paint an empty window at once, then build the pages and load the data into it.

    With ``open_file`` (``--open FILE``), once the window is filled the user is asked
    whether to import that file.
    """
    if self_test:
        from goedgeregeld.ui.shell.self_test import run_self_test

        return run_self_test()
    from PySide6.QtWidgets import QApplication

    from goedgeregeld.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    settings = _settings_for(data_dir)
    window = MainWindow()
    window.restore_geometry(settings.window_geometry)
    built: dict[str, App] = {}

    def fill_window() -> None:
        from goedgeregeld.ui.shell.app_setup import configure_application

        configure_application(app)
        built["app"] = build_app(data_dir, settings, window=window)
        flow = built["app"].flow
        if open_file:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: flow.open_file(Path(open_file)))
        if os.environ.get(TRACE_ENV):
            _trace_home(flow, app)
        if os.environ.get(AUTOPILOT_ENV):
            from benchmarks.autopilot import Autopilot

            window.autopilot = Autopilot(flow, int(os.environ[AUTOPILOT_ENV]))

    if os.environ.get(TRACE_ENV):
        window.first_paint.connect(lambda: _say("painted"))
    window.first_paint.connect(fill_window)
    window.show()
    code = int(app.exec())
    if "app" in built:
        built["app"].close()
    return code


def _say(what: str) -> None:
    print(f"{what} {_since_start():.4f}", flush=True)


def _trace_home(flow, app) -> None:
    def ready() -> None:
        _say("home-ready")
        if os.environ.get(EXIT_WHEN_READY_ENV):
            app.quit()

    flow.home_ready.connect(ready)
