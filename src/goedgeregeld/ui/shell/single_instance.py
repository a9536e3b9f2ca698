"""One window per data folder: a lock file in the folder, and a local socket to reach the first.

The first start takes ``goedgeregeld.lock`` (a ``QLockFile``) and listens on a local
server named after the folder. A second start on the same folder cannot take the lock: it
asks the first window to come to the front, says so in Dutch and exits. A lock left by a
crash (its process is gone) is stale and simply taken over.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from goedgeregeld.base.paths import LOCK_FILE
from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

LOCK_NAME = LOCK_FILE
_REQUEST = b"raise\n"
_REPLY = b"ok\n"
_CONNECT_FOR_S = 5.0
"""How long a second start keeps trying to reach the first (that may itself be starting)."""


def server_name(data_dir: Path) -> str:
    """The local server's name for ``data_dir``: the same folder gives the same name."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8", "surrogateescape"))
    return f"goedgeregeld-{digest.hexdigest()[:24]}"


def already_open_text(data_dir: Path) -> str:
    """What a second start on ``data_dir`` says (on stderr, or in a dialog)."""
    return tr(
        "Goed Geregeld is al geopend met deze gegevens ({folder}). U werkt verder in dat "
        "venster; een tweede venster op dezelfde gegevens zou elkaars werk kunnen overschrijven."
    ).format(folder=data_dir)


def came_forward_text() -> str:
    """What the first window says when a second start brought it to the front."""
    return tr(
        "U opende Goed Geregeld nog een keer, maar het was al open. U werkt verder in dit "
        "venster: zo gaat er niets verloren."
    )


class SingleInstance(QObject):
    """The data folder's lock and the server a second start knocks on."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        # Stale only when its process is gone: an app left open for days keeps its lock.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None  # made by ``listen``

    def acquire(self) -> bool:
        """Take the lock (a crashed start's stale lock included); False if another window has it.

        Only the lock, before the first paint; the server a second start knocks on follows
        with ``listen`` once the window is painted (QtNetwork loads after the paint).
        """
        return bool(self._lock.tryLock(200))

    def listen(self) -> None:
        """Listen for a second start; call once the lock is held."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a crash; we hold the lock, so it is not in use.
            QLocalServer.removeServer(self.name)
            server.listen(self.name)
        server.newConnection.connect(self._knocked)
        self._server = server

    def _knocked(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.write(_REPLY)
            socket.flush()
            socket.disconnectFromServer()
            socket.disconnected.connect(socket.deleteLater)
            self.raise_requested.emit()

    def ask_first_to_come_forward(self) -> bool:
        """From a second start: ask the running window to come forward; True once it said so."""
        deadline = time.monotonic() + _CONNECT_FOR_S
        from PySide6.QtNetwork import QLocalSocket

        while time.monotonic() < deadline:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(_REQUEST)
                socket.waitForBytesWritten(1000)
                answered = socket.waitForReadyRead(2000) and socket.readAll().data() == _REPLY
                socket.abort()
                if answered:
                    return True
            time.sleep(0.2)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()


def refuse_second_start(instance: SingleInstance) -> int:
    """A second start: bring the first window forward, say so, exit (0: the app is open)."""
    text = already_open_text(instance.data_dir)
    print(f"goedgeregeld: {text}", file=sys.stderr)
    if instance.ask_first_to_come_forward():
        return 0
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        None,
        tr("Goed Geregeld is al geopend"),
        text
        + "\n\n"
        + tr(
            "Dat venster reageert nu niet. Wacht even of sluit het, en open Goed Geregeld "
            "daarna opnieuw."
        ),
    )
    return 1
