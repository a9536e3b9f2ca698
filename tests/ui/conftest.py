"""UI test setup: the app built on a temporary data folder, dialogs answered by a fake."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from goedgeregeld.ui.core.settings import AppSettings, Role


@dataclass
class FakeDialogs:
    """Stands in for ``DialogService``: records what was asked and says yes."""

    answer_yes: bool = True
    save_path: Path | None = None
    shown: list[tuple[str, str]] = field(default_factory=list)
    opened: list[Path] = field(default_factory=list)
    open_paths: list[Path] = field(default_factory=list)
    parent: object = None

    def inform(self, title: str, text: str) -> None:
        self.shown.append((title, text))

    def error(self, text: str) -> None:
        self.shown.append(("error", text))

    def confirm(self, title: str, text: str, on_yes) -> None:
        self.shown.append((title, text))
        if self.answer_yes:
            on_yes()

    def choose_save_path(self, title, suggested, name_filter, on_chosen) -> None:
        self.shown.append((title, str(suggested)))
        if self.save_path is not None:
            on_chosen(self.save_path)

    def choose_open_paths(self, title, name_filter, on_chosen) -> None:
        self.shown.append((title, name_filter))
        if self.open_paths:
            on_chosen(list(self.open_paths))

    def open_file(self, path: Path) -> None:
        self.opened.append(path)


@dataclass
class RunningApp:
    window: object
    flow: object
    context: object
    dialogs: FakeDialogs
    actions_by_name: dict


@pytest.fixture(scope="session", autouse=True)
def configured_qapp(qapp):
    """The QApplication with the app's fonts, translations and style sheet."""
    from goedgeregeld.ui.shell.app_setup import configure_application

    configure_application(qapp)
    return qapp


@pytest.fixture(autouse=True)
def background_work_finished(configured_qapp) -> Iterator[None]:
    """After each test: all background work done and delivered, its garbage freed here.

    A job still running when the next test starts could deliver into that test, and Qt
    objects the test left behind must be freed on the GUI thread: a garbage collection
    that a worker thread happens to trigger would otherwise delete them there and crash.
    Work that does not finish in time fails the test.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    from goedgeregeld.ui.core.tasks import TaskRunner

    yield
    for _ in range(100):
        runners = list(TaskRunner.live())
        stuck = [runner for runner in runners if not runner.wait(30_000)]
        assert not stuck, "background work was still running 30 s after the test"
        QCoreApplication.sendPostedEvents()  # deliver the results (and nothing waits on them)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if not any(runner.busy for runner in TaskRunner.live()):
            break
    else:
        pytest.fail("background work kept starting new work after the test")
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def start_app(data_dir: Path, qtbot) -> Iterator:
    """Build (and show) the app on ``data_dir``; ``first_run=False`` skips welcome and role."""
    from goedgeregeld.ui.shell.launch import build_app

    running: list[RunningApp] = []

    def start(first_run: bool = True) -> RunningApp:
        settings = AppSettings.in_folder(data_dir)
        if not first_run:
            settings.welcome_done = True
            settings.role = Role.ORGANISATION
        dialogs = FakeDialogs()
        built = build_app(data_dir, settings, dialogs)
        window, flow, context = built.window, built.flow, built.context
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        app = RunningApp(window, flow, context, dialogs, built.actions_by_name)
        running.append(app)
        return app

    yield start
    for app in running:
        app.context.close()


def wait_for_page(qtbot, app: RunningApp, name: str, ready=None):
    """Wait until the flow shows page ``name`` and ``ready(page)`` holds."""
    qtbot.waitUntil(
        lambda: (
            type(app.flow.page).__name__ == name and (ready is None or bool(ready(app.flow.page)))
        ),
        timeout=15_000,
    )
    return app.flow.page


def stop(app: RunningApp) -> None:
    """Close the window and finish its database work, as quitting the app does."""
    app.window.close()
    app.context.close()
