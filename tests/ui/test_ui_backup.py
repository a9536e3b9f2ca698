"""Backups from the app's menu, and the restore offer when the database is damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.conftest import stop

from goedgeregeld.base.paths import database_path
from goedgeregeld.store.db.backups import make_backup
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.organisations import create_organisation, list_organisations


def _names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    names = [n for (n,) in connection.execute("SELECT name FROM organisation ORDER BY name")]
    connection.close()
    return names


def test_backup_and_restore_through_the_menu(
    data_dir: Path, tmp_path: Path, start_app, qtbot
) -> None:
    db = open_database(database_path(data_dir))
    create_organisation(db, "Eerst")
    db.close()
    app = start_app(first_run=False)
    target = tmp_path / "reserve.sqlite3"
    app.dialogs.save_path = target
    app.actions_by_name["backup"].trigger()
    qtbot.waitUntil(lambda: any(t == "Reservekopie gemaakt" for t, _ in app.dialogs.shown))
    assert _names(target) == ["Eerst"]

    app.context.operations.write((), lambda db: create_organisation(db, "Later"))
    app.context.operations.wait()
    assert _names(database_path(data_dir)) == ["Eerst", "Later"]

    app.dialogs.open_paths = [target]
    app.actions_by_name["restore"].trigger()
    qtbot.waitUntil(lambda: any(t == "Reservekopie teruggezet" for t, _ in app.dialogs.shown))
    names: list[list[str]] = []
    app.context.operations.read(lambda db: [o.name for o in list_organisations(db)], names.append)
    qtbot.waitUntil(lambda: bool(names))
    assert names == [["Eerst"]]
    text = next(t for title, t in app.dialogs.shown if title == "Reservekopie teruggezet")
    assert "De gegevens van daarvoor staan in" in text
    stop(app)


def _damage(data_dir: Path) -> bytes:
    database = database_path(data_dir)
    db = open_database(database)
    create_organisation(db, "Bewaard")
    make_backup(data_dir, database)
    for n in range(40):
        create_organisation(db, f"Vereniging {n}")
    db.close()
    sqlite3.connect(database).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    raw = bytearray(database.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 8192] = b"\xa5" * 8192
    database.write_bytes(bytes(raw))
    return bytes(raw)


def _start(data_dir: Path, qtbot, answer_yes: bool):
    from tests.ui.conftest import FakeDialogs, RunningApp

    from goedgeregeld.ui.core.settings import AppSettings, Role
    from goedgeregeld.ui.shell.launch import build_app

    settings = AppSettings.in_folder(data_dir)
    settings.welcome_done, settings.role = True, Role.ORGANISATION
    dialogs = FakeDialogs(answer_yes=answer_yes)
    built = build_app(data_dir, settings, dialogs)
    window, flow, context = built.window, built.flow, built.context
    qtbot.addWidget(window)
    window.show()
    return RunningApp(window, flow, context, dialogs, built.actions_by_name)


def test_damaged_database_is_left_alone_when_the_user_says_no(data_dir: Path, qtbot) -> None:
    damaged = _damage(data_dir)
    app = _start(data_dir, qtbot, answer_yes=False)
    qtbot.waitUntil(lambda: any(t == "Gegevens beschadigd" for t, _ in app.dialogs.shown))
    app.context.long_tasks.wait()
    app.context.operations.wait()
    assert database_path(data_dir).read_bytes() == damaged
    stop(app)


def test_damaged_database_restore_keeps_the_damaged_file(data_dir: Path, qtbot) -> None:
    damaged = _damage(data_dir)
    app = _start(data_dir, qtbot, answer_yes=True)
    qtbot.waitUntil(lambda: any(t == "Reservekopie teruggezet" for t, _ in app.dialogs.shown))
    stop(app)
    assert _names(database_path(data_dir)) == ["Bewaard"]
    kept = list((data_dir / "backups").glob("beschadigd-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
