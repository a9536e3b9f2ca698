"""Start the app window: paint first, then open the database and fill the window.

``launch_app`` is what ``goedgeregeld`` runs. Its two halves, ``prepare_window`` and
``run_window``, are public so that a script can start the app the same way and watch it
(the start-up benchmark and the crash test's autopilot in ``benchmarks/``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from goedgeregeld.ui.core.services import Dialogs
    from goedgeregeld.ui.core.settings import AppSettings
    from goedgeregeld.ui.shell.app import App
    from goedgeregeld.ui.shell.flow import AppFlow
    from goedgeregeld.ui.shell.main_window import MainWindow


def _settings_for(data_dir: Path) -> AppSettings:
    """Settings inside the data folder when it was chosen explicitly, else the user's own."""
    import goedgeregeld.base.paths as paths
    from goedgeregeld.ui.core.settings import AppSettings

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
    from goedgeregeld.ui.core.dialogs import DialogService
    from goedgeregeld.ui.shell.app import App
    from goedgeregeld.ui.shell.context import AppContext
    from goedgeregeld.ui.shell.flow import AppFlow
    from goedgeregeld.ui.shell.main_window import MainWindow
    from goedgeregeld.ui.shell.menu_actions import install_menus
    from goedgeregeld.ui.shell.startup_checks import StartupChecks

    settings = settings or _settings_for(data_dir)
    dialogs = dialogs or DialogService(settings=settings)
    context = AppContext(data_dir, settings, dialogs)
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


def launch_app(data_dir: Path, open_file: str | None = None) -> int:
    """Paint an empty window at once, then build the pages and load the data into it.

    With ``open_file`` (``--open FILE``), once the window is filled the user is asked
    whether to import that file.
    """
    app, window, settings = prepare_window(data_dir)
    return run_window(app, window, data_dir, settings, open_file=open_file)


def prepare_window(data_dir: Path) -> tuple[QApplication, MainWindow, AppSettings]:
    """The application and its empty main window at the saved size, not shown yet.

    A script that watches the start connects to ``window.first_paint`` before ``run_window``.
    """
    from PySide6.QtWidgets import QApplication

    from goedgeregeld.ui.shell.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    settings = _settings_for(data_dir)
    window = MainWindow()
    window.restore_geometry(settings.window_geometry)
    return app, window, settings


def run_window(
    app: QApplication,
    window: MainWindow,
    data_dir: Path,
    settings: AppSettings,
    open_file: str | None = None,
    when_filled: Callable[[AppFlow], None] | None = None,
) -> int:
    """Show ``window``, fill it after its first paint, run until the app quits; the exit code.

    Only one window per data folder: a second start brings the first forward and exits.

    ``when_filled(flow)`` is called once the pages and menus are built (their data still
    loading), for a script that drives or watches the app.
    """
    from goedgeregeld.ui.shell.single_instance import (
        SingleInstance,
        came_forward_text,
        refuse_second_start,
    )

    instance = SingleInstance(data_dir)
    if not instance.acquire():
        return refuse_second_start(instance)
    instance.raise_requested.connect(lambda: window.come_forward(came_forward_text()))
    built: dict[str, App] = {}

    def fill_window() -> None:
        from goedgeregeld.ui.shell.app_setup import configure_application

        instance.listen()

        configure_application(app)
        built["app"] = build_app(data_dir, settings, window=window)
        flow = built["app"].flow
        if open_file:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: flow.open_file(Path(open_file)))
        if when_filled is not None:
            when_filled(flow)

    window.first_paint.connect(fill_window)
    window.show()
    code = int(app.exec())
    if "app" in built:
        built["app"].close()
    instance.release()
    return code
