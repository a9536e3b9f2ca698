"""The app's services, made once at start: data folder, settings, dialogs, database, tasks."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import DatabaseOperations
from goedgeregeld.ui.core.services import Dialogs
from goedgeregeld.ui.core.settings import AppSettings
from goedgeregeld.ui.core.tasks import TaskRunner

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition


class Editions:
    """The newest shipped questionnaire edition, loaded once and off the GUI thread."""

    def __init__(self, tasks: TaskRunner) -> None:
        self._tasks = tasks
        self._edition: Edition | None = None
        self._lock = threading.Lock()

    def load(self) -> Edition:
        """The edition; loads it on first use (on any thread but the GUI thread)."""
        with self._lock:
            if self._edition is None:
                from goedgeregeld.questionnaire.catalog import find_edition

                self._edition = find_edition()
            return self._edition

    def with_edition(self, callback: Callable[[Edition], None]) -> None:
        """Call back with the edition, loading it off the GUI thread the first time."""
        if self._edition is not None:
            callback(self._edition)
        else:
            self._tasks.run(self.load, callback)


class ErrorReport:
    """Show an error meant for the user as its Dutch line; log anything else and say where."""

    def __init__(self, data_dir: Path, dialogs: Dialogs) -> None:
        self.log = data_dir / "logs" / "goedgeregeld.log"
        self._dialogs = dialogs

    def __call__(self, exc: Exception) -> None:
        from goedgeregeld.base.errors import UserFacingError

        if isinstance(exc, UserFacingError):
            self._dialogs.error(str(exc))
            return
        try:
            self.log.parent.mkdir(parents=True, exist_ok=True)
            with self.log.open("a", encoding="utf-8") as handle:
                handle.write(
                    getattr(exc, "__traceback_text__", "")
                    or "".join(traceback.format_exception(exc))
                )
        except OSError:
            pass
        self._dialogs.error(
            tr("Er ging iets onverwachts mis ({name}). De details staan in {log}.").format(
                name=exc.__class__.__name__, log=self.log
            )
        )


class AppContext(QObject):
    """Where the services live; each page is handed only the ones it uses."""

    def __init__(
        self,
        data_dir: Path,
        settings: AppSettings,
        dialogs: Dialogs,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from goedgeregeld.base.outputs import protect_data_folder

        protect_data_folder(data_dir)  # no save dialog or writer may replace the app's files
        self.data_dir = data_dir
        self.settings = settings
        self.dialogs = dialogs
        self.report_error = ErrorReport(data_dir, dialogs)
        self.long_tasks = TaskRunner(self)
        self.long_tasks.on_unhandled_error = self.report_error
        self.editions = Editions(self.long_tasks)
        self.operations = DatabaseOperations(data_dir, self.editions.load, self.report_error, self)

    @property
    def sample_mode(self) -> bool:
        """The sample organisation is open instead of the user's own data."""
        return self.operations.sample_mode

    def close(self) -> None:
        """Finish queued work and close the databases."""
        self.operations.wait()
        self.long_tasks.wait()
        self.operations.close()
