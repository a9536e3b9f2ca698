"""What every command gets: the data folder and a lazily opened database."""

from __future__ import annotations

import argparse
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from goedgeregeld.base.paths import data_dir, database_path

if TYPE_CHECKING:
    from goedgeregeld.store.db.backup_policy import Stamp
    from goedgeregeld.store.db.engine import Database


class CliError(Exception):
    """A problem to report on one line; exit code 1 (bad data) unless told otherwise."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class CliContext:
    """The data folder and the database of this run.

    While it is open, no output may replace the app's own files in its data folder. A
    command that changed data ends like a session of the window does: with a backup
    (``store.db.backup_policy``), rotated the same way. A command that only reads or is
    refused leaves the data folder as it was.
    """

    data_dir: Path
    _db: Database | None = field(default=None, init=False, repr=False)
    _stamp: Stamp | None = field(default=None, init=False, repr=False)
    _protected: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        from goedgeregeld.base.outputs import protect_data_folder

        protect_data_folder(self.data_dir)
        self._protected = True

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        """Resolve the data folder from ``--data-dir``, the environment or platformdirs."""
        return cls(data_dir(getattr(args, "data_dir", None)))

    @property
    def log_path(self) -> Path:
        """Where unexpected errors are written with their traceback."""
        return self.data_dir / "logs" / "goedgeregeld.log"

    def db(self) -> Database:
        """The database of this data folder, created and migrated on first use."""
        if self._db is None:
            from goedgeregeld.store.db.health import open_checked_database

            self._db = open_checked_database(self.data_dir, database_path(self.data_dir))
            self._start_session()
        return self._db

    def _start_session(self) -> None:
        from goedgeregeld.store.db.backup_policy import change_stamp

        self._stamp = change_stamp(database_path(self.data_dir))

    def log_exception(self, exc: BaseException) -> None:
        """Append a traceback to the log file; never fail while doing so."""
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write("".join(traceback.format_exception(exc)))
        except OSError:
            pass

    def close(self) -> None:
        """Close the database if it was opened, with a backup when the command changed data."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._stamp is not None:
            stamp, self._stamp = self._stamp, None
            self._end_session(stamp)

    def _end_session(self, stamp: Stamp) -> None:
        from goedgeregeld.store.db.backup_policy import backup_after_changes

        try:
            backup_after_changes(self.data_dir, database_path(self.data_dir), stamp)
        except Exception as exc:  # noqa: BLE001 - the command's own outcome comes first
            self.log_exception(exc)

    def release(self) -> None:
        """The end of the command: close, and let go of the data folder's output guard."""
        self.close()
        if self._protected:
            from goedgeregeld.base.outputs import release_data_folder

            release_data_folder(self.data_dir)
            self._protected = False
