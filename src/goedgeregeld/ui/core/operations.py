"""All GUI database work takes one path: the serial worker; every write says what it changed.

In the spirit of Anki's ``CollectionOp`` and ``operation_did_execute``: a page calls
``read`` or ``write`` with a plain function of the database, the function runs on the one
serial worker, its callbacks come back on the GUI thread, and after a write the
``data_changed`` signal carries the kinds of data that changed, so every page decides for
itself whether to show its data again. No page reaches into another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from goedgeregeld.base.paths import database_path, sample_database_path
from goedgeregeld.ui.core.tasks import TaskRunner

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.store.db.engine import Database

T = TypeVar("T")
Progress = Callable[[int, int, str], None]


class Change(StrEnum):
    """A kind of data a write changed; pages show their data again when theirs is among them."""

    ORGANISATION = "organisation"
    EVALUATION = "evaluation"
    ANSWERS = "answers"
    ACTIONS = "actions"
    REVIEW = "review"
    EVIDENCE = "evidence"
    ADVISER = "adviser"
    TRUST = "trust"


Changes = frozenset[Change]
EVERYTHING: Changes = frozenset(Change)
"""A restored backup or another data set: all of it may differ."""


class DatabaseOperations(QObject):
    """Reads and writes on the serial database worker; the database opens lazily there."""

    data_changed = Signal(object)
    """Emitted after a write succeeded (after its own callback), with its ``Changes``."""
    sample_mode_changed = Signal(bool)

    def __init__(
        self,
        data_dir: Path,
        load_edition: Callable[[], Edition],
        report_error: Callable[[Exception], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.report_error = report_error
        self._load_edition = load_edition
        self._tasks = TaskRunner(self, serial=True)
        self._tasks.on_unhandled_error = report_error
        self.sample_mode = False
        self._databases: dict[bool, Database] = {}

    # -- the database, on the worker ---------------------------------------------------------
    def _database(self) -> Database:
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

    @property
    def database_file(self) -> Path:
        """The file of the current mode's database (for messages; never opened from here)."""
        if self.sample_mode:
            return sample_database_path(self.data_dir)
        return database_path(self.data_dir)

    # -- reads and writes --------------------------------------------------------------------
    def read(
        self,
        func: Callable[[Database], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``func(db)`` on the worker; ``on_success(result)`` comes back on the GUI thread."""
        self._tasks.run(lambda: func(self._database()), on_success, on_failure)

    def write(
        self,
        changes: Iterable[Change],
        func: Callable[[Database], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Like ``read``; once it succeeded, ``data_changed`` announces ``changes``."""
        self._tasks.run(
            lambda: func(self._database()), self._announcing(changes, on_success), on_failure
        )

    def write_with_progress(
        self,
        changes: Iterable[Change],
        func: Callable[[Database, Progress], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        """A long write: ``func(db, progress)`` reports (done, total, text) as it goes."""
        self._tasks.run(
            lambda progress: func(self._database(), progress),
            self._announcing(changes, on_success),
            on_failure,
            on_progress or (lambda *_: None),
        )

    def read_with_progress(
        self,
        func: Callable[[Database, Progress], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        """A long read (a report): ``func(db, progress)`` reports (done, total, text)."""
        self.write_with_progress((), func, on_success, on_failure, on_progress)

    def replace_database(
        self,
        func: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``func()`` on the worker with the databases closed (restoring a backup).

        Nothing else uses the database meanwhile, and the next task opens the file afresh.
        """

        def work() -> T:
            self.close_databases()
            return func()

        self._tasks.run(work, self._announcing(EVERYTHING, on_success), on_failure)

    def _announcing(
        self, changes: Iterable[Change], on_success: Callable[[T], None] | None
    ) -> Callable[[T], None]:
        changed: Changes = frozenset(changes)

        def succeeded(result: T) -> None:
            if on_success is not None:
                on_success(result)
            if changed:
                self.data_changed.emit(changed)

        return succeeded

    def when_changed(self, handler: Callable[[Changes], None]) -> None:
        """Call ``handler(changes)`` after every write.

        Pass a bound method of the page: Qt disconnects it when the page is deleted.
        """
        self.data_changed.connect(handler)

    # -- modes and closing -------------------------------------------------------------------
    def set_sample_mode(self, sample: bool) -> None:
        """Switch between the real data and the sample organisation."""
        if sample != self.sample_mode:
            self._tasks.wait()
            self.sample_mode = sample
            self.sample_mode_changed.emit(sample)

    @property
    def busy(self) -> bool:
        """Work is queued or running, or its result has not been delivered yet."""
        return self._tasks.busy

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (for closing the app and for tests)."""
        return self._tasks.wait(msecs)

    def close_databases(self) -> None:
        """Close the open databases; the next database task opens them again."""
        for db in self._databases.values():
            db.close()
        self._databases.clear()

    def close(self) -> None:
        """Finish queued work and close the databases."""
        self._tasks.wait()
        self.close_databases()
