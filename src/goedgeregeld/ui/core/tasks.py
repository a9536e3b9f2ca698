"""The one helper for background work: run plain functions off the GUI thread.

The worker gets plain data (and the database), returns plain data and never touches a
widget; the callbacks run on the GUI thread. A serial runner keeps database work in order.

Lifetimes, so that no Qt object is used or freed on a worker thread:

- each job's relay is a child of its runner and lives on the GUI thread; the worker only
  emits its signals, and they reach the callbacks through queued connections;
- the runner holds the function and the callbacks until the result is delivered, so their
  last reference (and whatever Qt object they keep alive) is dropped on the GUI thread;
- a callback whose page has been deleted meanwhile is dropped, not called;
- a runner that is deleted first waits for its running jobs (its pool is its first child).
"""

from __future__ import annotations

import traceback
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


@dataclass
class _Pending:
    """What the runner keeps of a job until its result is delivered on the GUI thread."""

    func: Callable[..., Any]
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[Exception], None] | None
    on_progress: Callable[[int, int, str], None] | None


def _owner_gone(callback: Callable[..., Any] | None) -> bool:
    """The callback is a method of a Qt object that has been deleted."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


class _Job(QRunnable):
    def __init__(self, func: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._func: Callable[..., Any] | None = func
        self._relay, self._with_progress = relay, with_progress

    def _emit(self, signal_name: str, *args: Any) -> None:
        try:
            getattr(self._relay, signal_name).emit(*args)
        except RuntimeError:
            # Only when the runner (and so its relay) is gone: nobody is left to tell.
            if shiboken6.isValid(self._relay):
                raise

    def _progress(self, done: int, total: int, text: str) -> None:
        self._emit("progressed", done, total, text)

    def run(self) -> None:
        func, self._func = self._func, None  # the runner keeps it until delivery
        assert func is not None
        try:
            result = func(self._progress) if self._with_progress else func()
        except Exception as exc:  # noqa: BLE001 - handed to the failure callback
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit("failed", exc)
        else:
            self._emit("succeeded", result)


class TaskRunner(QObject):
    """Runs functions in a thread pool and reports back on the GUI thread."""

    _live: weakref.WeakSet[TaskRunner] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None, *, serial: bool = False) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # the first child: deleted (and waited for) first
        self._pool.setMaxThreadCount(1 if serial else 2)
        self._pending: dict[_Relay, _Pending] = {}
        self.on_unhandled_error: Callable[[Exception], None] | None = None
        TaskRunner._live.add(self)

    @classmethod
    def live(cls) -> Iterator[TaskRunner]:
        """The runners whose Qt object still exists (for tests that wait for all work)."""
        return (runner for runner in list(cls._live) if shiboken6.isValid(runner))

    def run(
        self,
        func: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """Run ``func`` in the background; with ``on_progress`` it gets a ``progress`` argument."""
        relay = _Relay(self)
        self._pending[relay] = _Pending(func, on_success, on_failure, on_progress)
        # The relay's slots reach the runner through a weak reference: were they to hold
        # the last reference to a parentless runner, deleting the relay would delete the
        # runner, which deletes its children, the relay among them, a second time.
        runner = weakref.ref(self)

        def finish(value: Any, failed: bool) -> None:
            alive = runner()
            if alive is not None and shiboken6.isValid(alive):
                alive._finish(relay, value, failed=failed)

        def progress(done: int, total: int, text: str) -> None:
            alive = runner()
            if alive is not None and shiboken6.isValid(alive):
                alive._progress(relay, done, total, text)

        queued = Qt.ConnectionType.QueuedConnection
        relay.succeeded.connect(lambda value: finish(value, False), queued)
        relay.failed.connect(lambda exc: finish(exc, True), queued)
        if on_progress is not None:
            relay.progressed.connect(progress, queued)
        self._pool.start(_Job(func, relay, on_progress is not None))

    def _progress(self, relay: _Relay, done: int, total: int, text: str) -> None:
        pending = self._pending.get(relay)
        callback = pending.on_progress if pending is not None else None
        if callback is not None and not _owner_gone(callback):
            callback(done, total, text)

    def _finish(self, relay: _Relay, value: Any, *, failed: bool) -> None:
        pending = self._pending.pop(relay, None)
        relay.deleteLater()
        if pending is None:
            return
        callback = pending.on_failure if failed else pending.on_success
        if callback is not None:
            if _owner_gone(callback):
                return  # the page that asked has been closed meanwhile; nobody reads it
            try:
                callback(value)
            except RuntimeError as exc:
                # A widget the callback reaches was deleted meanwhile; its result has no reader.
                if "already deleted" not in str(exc):
                    raise
        elif isinstance(value, Exception) and self.on_unhandled_error is not None:
            self.on_unhandled_error(value)

    @property
    def busy(self) -> bool:
        """Work is queued or running, or its result has not been delivered yet."""
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (for closing the app and for tests)."""
        return self._pool.waitForDone(msecs)
