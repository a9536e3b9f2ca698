"""Adviser UI tests: the app on its own data folder with dialogs that also choose files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tests.ui.conftest import FakeDialogs, RunningApp

from goedgeregeld.ui.core.settings import AppSettings, Role


@dataclass
class FileDialogs(FakeDialogs):
    """Also answers "choose files to open" with ``open_paths``."""

    open_paths: list[Path] = field(default_factory=list)

    def choose_open_paths(self, title, name_filter, on_chosen) -> None:
        self.shown.append((title, name_filter))
        if self.open_paths:
            on_chosen(list(self.open_paths))


@pytest.fixture
def start_in(qtbot):
    """Build the app on a given folder in a given role."""
    from goedgeregeld.ui.shell.launch import build_app

    running: list[RunningApp] = []

    def start(folder: Path, role: Role) -> RunningApp:
        settings = AppSettings.in_folder(folder)
        settings.welcome_done = True
        settings.role = role
        dialogs = FileDialogs()
        built = build_app(folder, settings, dialogs)
        window, flow, context = built.window, built.flow, built.context
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        app = RunningApp(window, flow, context, dialogs, built.actions_by_name)
        running.append(app)
        return app

    yield start
    for app in running:
        app.context.close()
