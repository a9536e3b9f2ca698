"""Background tasks: results come back on the GUI thread, and nothing Qt is freed off it."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from goedgeregeld.ui.core.tasks import TaskRunner


def _deliver(runner: TaskRunner) -> None:
    assert runner.wait(10_000)
    QCoreApplication.sendPostedEvents()
    assert not runner.busy


def test_what_the_job_kept_is_freed_on_the_gui_thread(qapp) -> None:
    """A page captured by the work must not lose its last reference in the worker thread."""
    freed_in: list[int] = []

    class Probe:
        def __del__(self) -> None:
            freed_in.append(threading.get_ident())

    def make_work():
        probe = Probe()
        return lambda: probe is not None

    runner = TaskRunner()
    results: list[object] = []
    runner.run(make_work(), results.append)
    _deliver(runner)
    assert results == [True]
    assert freed_in == [threading.get_ident()]


def test_results_arrive_on_the_gui_thread(qapp) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, int]] = []
    runner.run(
        lambda progress: progress(1, 2, "half") or 42,
        lambda value: seen.append(("done", threading.get_ident())),
        on_progress=lambda *_: seen.append(("progress", threading.get_ident())),
    )
    _deliver(runner)
    gui = threading.get_ident()
    assert seen == [("progress", gui), ("done", gui)]


def test_a_page_deleted_while_its_job_runs_gets_no_result(qapp) -> None:
    received: list[object] = []

    class Page(QWidget):
        def show_result(self, value: object) -> None:
            received.append(value)  # touches no Qt part, so only the runner can stop it

    page = Page()
    release = threading.Event()
    runner = TaskRunner()
    runner.run(lambda: release.wait(10) and "data", page.show_result, page.show_result)
    shiboken6.delete(page)
    release.set()
    _deliver(runner)
    assert received == []


def test_a_runner_deleted_while_its_job_runs_waits_for_it(qapp) -> None:
    release = threading.Event()
    finished = threading.Event()

    def work() -> str:
        release.wait(10)
        finished.set()
        return "data"

    runner = TaskRunner()
    runner.run(work, lambda value: None)
    threading.Timer(0.2, release.set).start()
    shiboken6.delete(runner)  # its pool goes first and waits; the late result is dropped
    assert finished.is_set()
    QCoreApplication.sendPostedEvents()


def test_a_runner_only_the_caller_holds_is_freed_cleanly(qapp) -> None:
    """Deleting a delivered job's relay must not drop the last reference to its runner."""
    results: list[object] = []

    def use_and_drop() -> None:
        runner = TaskRunner()
        runner.run(lambda: 7, results.append)
        _deliver(runner)

    use_and_drop()
    QCoreApplication.processEvents()  # the relay's deferred delete; used to delete it twice
    assert results == [7]
