"""The one helper for background work: run plain functions off the GUI thread.

The worker gets plain data (and the database), returns plain data and never touches a
widget; the callbacks run on the GUI thread. A serial runner keeps database work in order.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, func: Callable[..., Any], relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._func, self._relay, self._with_progress = func, relay, with_progress

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._func(self._relay.progressed.emit)
            else:
                result = self._func()
        except Exception as exc:  # noqa: BLE001 - handed to the failure callback
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs functions in a thread pool and reports back on the GUI thread."""

    def __init__(self, parent: QObject | None = None, *, serial: bool = False) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1 if serial else 2)
        self._relays: set[_Relay] = set()
        self.on_unhandled_error: Callable[[Exception], None] | None = None

    def run(
        self,
        func: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """Run ``func`` in the background; with ``on_progress`` it gets a ``progress`` argument."""
        relay = _Relay(self)
        self._relays.add(relay)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if callback is not None:
                try:
                    callback(value)
                except RuntimeError as exc:
                    # The page that asked has been closed meanwhile; its result has no reader.
                    if "already deleted" not in str(exc):
                        raise
            elif isinstance(value, Exception) and self.on_unhandled_error is not None:
                self.on_unhandled_error(value)

        relay.succeeded.connect(lambda value: finish(on_success, value))
        relay.failed.connect(lambda exc: finish(on_failure, exc))
        if on_progress is not None:
            relay.progressed.connect(on_progress)
        self._pool.start(_Job(func, relay, on_progress is not None))

    @property
    def busy(self) -> bool:
        """Work is queued or running, or its result has not been delivered yet."""
        return bool(self._relays)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (for closing the app and for tests)."""
        return self._pool.waitForDone(msecs)
