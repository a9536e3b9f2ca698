"""A database that is not the app's own: the app says so, offers a verified backup, changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from tests.ui.conftest import stop
from tests.ui.test_ui_backup import _names, _start

from goedgeregeld.base.paths import database_path
from goedgeregeld.store.db.backups import make_backup
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.organisations import create_organisation


def _foreign(data_dir: Path) -> str:
    database = database_path(data_dir)
    database.unlink()
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('stamppot')")
    connection.commit()
    connection.close()
    return hashlib.sha256(database.read_bytes()).hexdigest()


def test_foreign_database_is_named_and_left_alone(data_dir: Path, qtbot) -> None:
    digest = _foreign(data_dir)
    app = _start(data_dir, qtbot, answer_yes=False)
    qtbot.waitUntil(lambda: bool(app.dialogs.shown))
    app.context.long_tasks.wait()
    app.context.operations.wait()
    text = " ".join(str(item) for item in app.dialogs.shown)
    assert "geen gegevensbestand van Goed Geregeld" in text and "geen goede reservekopie" in text
    stop(app)
    assert hashlib.sha256(database_path(data_dir).read_bytes()).hexdigest() == digest
    connection = sqlite3.connect(database_path(data_dir))
    tables = [n for (n,) in connection.execute("SELECT name FROM sqlite_master")]
    connection.close()
    assert tables == ["recipes"]


def test_foreign_database_offers_the_verified_backup(data_dir: Path, qtbot) -> None:
    db = open_database(database_path(data_dir))
    create_organisation(db, "Bewaard")
    db.close()
    make_backup(data_dir, database_path(data_dir), datetime.now() - timedelta(days=1))
    digest = _foreign(data_dir)
    app = _start(data_dir, qtbot, answer_yes=True)
    qtbot.waitUntil(lambda: any(t == "Reservekopie teruggezet" for t, _ in app.dialogs.shown))
    assert any(
        t == "Gegevensbestand niet herkend" and "geen gegevensbestand van Goed Geregeld" in x
        for t, x in app.dialogs.shown
    )
    stop(app)
    assert _names(database_path(data_dir)) == ["Bewaard"]
    (kept,) = (data_dir / "backups").glob("beschadigd-*.sqlite3")
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == digest


def test_zero_byte_database_is_named_and_left_empty(data_dir: Path, qtbot) -> None:
    database_path(data_dir).write_bytes(b"")
    app = _start(data_dir, qtbot, answer_yes=True)
    qtbot.waitUntil(lambda: bool(app.dialogs.shown))
    app.context.long_tasks.wait()
    app.context.operations.wait()
    text = " ".join(str(item) for item in app.dialogs.shown)
    assert "leeg (0 bytes)" in text and "verplaats het lege bestand" in text.lower()
    stop(app)
    assert database_path(data_dir).read_bytes() == b""
