"""The running app as one object: its window, flow, services, menus and start-up checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from goedgeregeld.ui.shell.context import AppContext
    from goedgeregeld.ui.shell.flow import AppFlow
    from goedgeregeld.ui.shell.main_window import MainWindow
    from goedgeregeld.ui.shell.startup_checks import StartupChecks


@dataclass(frozen=True)
class App:
    """What ``build_app`` made; the window itself carries none of it."""

    window: MainWindow
    flow: AppFlow
    context: AppContext
    actions_by_name: dict[str, QAction]
    """The menu actions by name (tests trigger them)."""
    startup_checks: StartupChecks

    def close(self) -> None:
        """Finish queued work and close the databases, then the exit backup if data changed."""
        self.context.close()
        self.startup_checks.at_exit()
