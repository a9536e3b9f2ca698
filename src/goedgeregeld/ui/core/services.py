"""The narrow services a page is handed, as protocols: tests pass fakes of the same shape."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.ui.core.operations import Change, Changes, Progress

T = TypeVar("T")


class Dialogs(Protocol):
    """Message boxes and file choosers that never block; answers come to callbacks."""

    parent: Any
    """The window the dialogs belong to (None in tests)."""

    def inform(self, title: str, text: str) -> None: ...

    def error(self, text: str) -> None: ...

    def confirm(self, title: str, text: str, on_yes: Callable[[], None]) -> None: ...

    def choose_save_path(
        self, title: str, suggested: Path, name_filter: str, on_chosen: Callable[[Path], None]
    ) -> None: ...

    def choose_open_paths(
        self, title: str, name_filter: str, on_chosen: Callable[[list[Path]], None]
    ) -> None: ...

    def open_file(self, path: Path) -> None: ...


class Operations(Protocol):
    """The one path to the database (``DatabaseOperations``): reads, and writes that announce."""

    @property
    def sample_mode(self) -> bool: ...

    def read(
        self,
        func: Callable[[Database], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None: ...

    def write(
        self,
        changes: Iterable[Change],
        func: Callable[[Database], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None: ...

    def write_with_progress(
        self,
        changes: Iterable[Change],
        func: Callable[[Database, Progress], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None: ...

    def read_with_progress(
        self,
        func: Callable[[Database, Progress], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None: ...

    def when_changed(self, handler: Callable[[Changes], None]) -> None: ...

    def report_error(self, exc: Exception) -> None: ...


class EditionSource(Protocol):
    """The newest shipped questionnaire edition, loaded off the GUI thread."""

    def with_edition(self, callback: Callable[[Edition], None]) -> None: ...


class BackgroundTasks(Protocol):
    """Long work that does not touch the database (``TaskRunner``)."""

    def run(
        self,
        func: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None: ...

    def wait(self, msecs: int = 30_000) -> bool: ...


@runtime_checkable
class KeepsUnsavedText(Protocol):
    """A page with text still being typed: ``leave`` stores it before another page shows."""

    def leave(self) -> None: ...


@runtime_checkable
class SharesEvaluation(Protocol):
    """A page that shows one evaluation the menu's "Delen met adviseur…" can share."""

    def evaluation_to_share(self) -> tuple[str, str] | None:
        """The evaluation's id and the organisation's name, or None when none is chosen."""
        ...
