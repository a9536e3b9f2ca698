"""What pages share: data folder, settings, dialogs and the database behind a serial worker."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from goedgeregeld.base.paths import database_path, sample_database_path
from goedgeregeld.ui.shell.dialogs import DialogService
from goedgeregeld.ui.shell.i18n import tr
from goedgeregeld.ui.shell.settings import AppSettings
from goedgeregeld.ui.shell.tasks import TaskRunner


class AppContext(QObject):
    """The narrow services pages use; the database is opened lazily in the worker thread."""

    sample_mode_changed = Signal(bool)

    def __init__(
        self, data_dir: Path, settings: AppSettings, dialogs: DialogService, parent=None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.settings = settings
        self.dialogs = dialogs
        self.db_tasks = TaskRunner(self, serial=True)
        self.long_tasks = TaskRunner(self)
        self.db_tasks.on_unhandled_error = self.report_error
        self.long_tasks.on_unhandled_error = self.report_error
        self.sample_mode = False
        self._databases: dict[bool, Any] = {}
        self._edition = None

    # -- database -------------------------------------------------------------------------
    def _database(self):
        """The open database of the current mode; runs in the worker thread only."""
        sample = self.sample_mode
        if sample not in self._databases:
            if sample:
                from goedgeregeld.store.sample import ensure_sample_database

                self._databases[sample] = ensure_sample_database(
                    sample_database_path(self.data_dir), self._load_edition()
                )
            else:
                from goedgeregeld.store.db.health import open_checked_database

                self._databases[sample] = open_checked_database(
                    self.data_dir, database_path(self.data_dir)
                )
        return self._databases[sample]

    def with_db(
        self,
        func: Callable[[Any], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``func(db)`` on the database worker; callbacks come back on the GUI thread."""
        self.db_tasks.run(lambda: func(self._database()), on_success, on_failure)

    def with_db_progress(self, func, on_success=None, on_failure=None, on_progress=None) -> None:
        """Like ``with_db`` for long work: ``func(db, progress)`` reports (done, total, text)."""
        self.db_tasks.run(
            lambda progress: func(self._database(), progress),
            on_success,
            on_failure,
            on_progress or (lambda *_: None),
        )

    def set_sample_mode(self, sample: bool) -> None:
        """Switch between the real data and the sample organisation."""
        if sample != self.sample_mode:
            self.db_tasks.wait()
            self.sample_mode = sample
            self.sample_mode_changed.emit(sample)

    # -- questionnaire ---------------------------------------------------------------------
    def _load_edition(self):
        if self._edition is None:
            from goedgeregeld.questionnaire.catalog import find_edition

            self._edition = find_edition()
        return self._edition

    def with_edition(self, callback: Callable[[Any], None]) -> None:
        """Call back with the newest shipped edition, loading it off the GUI thread once."""
        if self._edition is not None:
            callback(self._edition)
        else:
            self.long_tasks.run(self._load_edition, callback)

    # -- errors -----------------------------------------------------------------------------
    def report_error(self, exc: Exception) -> None:
        """Show a store error as its Dutch line; log anything else and say where."""
        from goedgeregeld.base.errors import UserFacingError

        if isinstance(exc, UserFacingError):
            self.dialogs.error(str(exc))
            return
        log = self.data_dir / "logs" / "goedgeregeld.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle:
                handle.write(
                    getattr(exc, "__traceback_text__", "")
                    or "".join(traceback.format_exception(exc))
                )
        except OSError:
            pass
        self.dialogs.error(
            tr("Er ging iets onverwachts mis ({name}). De details staan in {log}.").format(
                name=exc.__class__.__name__, log=log
            )
        )

    def close_databases(self) -> None:
        """Close the open databases; the next database task opens them again."""
        for db in self._databases.values():
            db.close()
        self._databases.clear()

    def close(self) -> None:
        """Finish queued work and close the databases."""
        self.db_tasks.wait()
        self.long_tasks.wait()
        self.close_databases()
