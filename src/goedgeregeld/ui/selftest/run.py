"""``goedgeregeld --self-test``: prove an installation works, offscreen, in a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def run_self_test(data_dir: Path | None = None, keep: Path | None = None) -> int:
    """Run every self-test step and print what each did; 0 only when all of them worked.

    ``data_dir`` is ignored on purpose: the test never touches the user's own data. With
    ``keep`` the temporary folder's report and screenshot are copied there for inspection.
    """
    del data_dir
    # Offscreen unless the caller chose a platform (CI also runs it on Xvfb with xcb).
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from goedgeregeld import __version__
    from goedgeregeld.app.selftest import SelfTestState, core_steps, run_steps

    def say(line: str) -> None:
        print(line, flush=True)

    say(f"Goed Geregeld {__version__} zelftest ({sys.platform}, {os.environ['QT_QPA_PLATFORM']})")
    with tempfile.TemporaryDirectory(prefix="goedgeregeld-zelftest-") as temp:
        folder = Path(temp)
        say(f"tijdelijke gegevensmap: {folder}")
        state = SelfTestState(folder)
        try:
            passed = run_steps(core_steps(state), say)
        finally:
            state.close()
        if passed:
            passed = run_steps(_qt_steps(folder), say)
        if keep is not None:
            _copy_results(folder, keep)
    say("zelftest geslaagd" if passed else "zelftest mislukt")
    return 0 if passed else 1


def _qt_steps(folder: Path) -> list[tuple[str, Callable[[], str]]]:
    def start_qt() -> str:
        from PySide6.QtWidgets import QApplication

        from goedgeregeld.ui.shell.app_setup import configure_application

        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
        configure_application(app)
        return f"Qt-platform {app.platformName()}, lettertype {app.font().family()}"

    def single_window() -> str:
        # What the window does right after its first paint (ui/shell/launch.py): the lock and
        # the local server a second start knocks on. QtNetwork loads here, so a bundle without
        # it fails this step instead of opening an empty window.
        from PySide6.QtNetwork import QLocalSocket

        from goedgeregeld.ui.shell.single_instance import SingleInstance

        instance = SingleInstance(folder)
        if not instance.acquire():
            raise RuntimeError("de gegevensmap is al vergrendeld")
        try:
            instance.listen()
            socket = QLocalSocket()
            socket.connectToServer(instance.name)
            if not socket.waitForConnected(2000):
                raise RuntimeError(f"de lokale server is niet bereikbaar: {socket.errorString()}")
            socket.abort()
        finally:
            instance.release()
        return "gegevensmap vergrendeld, lokale server bereikbaar"

    def render() -> str:
        from goedgeregeld.ui.selftest.render import render_main_window

        return render_main_window(folder, folder / "venster.png")

    return [
        ("Qt starten", start_qt),
        ("één venster per gegevensmap", single_window),
        ("hoofdvenster tekenen", render),
    ]


def _copy_results(folder: Path, keep: Path) -> None:
    import shutil

    keep.mkdir(parents=True, exist_ok=True)
    for name in ("venster.png", "adviesrapport-zelftest.pdf"):
        if (folder / name).exists():
            shutil.copy2(folder / name, keep / name)
