"""The adviser's desk: search, sent and deadline columns, the deadlines list, folders, viewers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.ui.adviser.test_review_keys import _client
from tests.ui.conftest import wait_for_page

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.reviews import decide
from goedgeregeld.ui.adviser.client_models import DEADLINE, SENT
from goedgeregeld.ui.core.dialogs import DialogService, no_viewer_text
from goedgeregeld.ui.core.settings import AppSettings, Role


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on a dialog
def test_client_list_search_columns_and_deadlines(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    evaluation_id = _client(tmp_path, template_database, edition, data_dir)
    due = date.today() + timedelta(days=30)
    db = open_database(database_path(data_dir))
    try:
        decide(
            db,
            evaluation_id,
            "conditions",
            [("VOG regelen", due), ("Beleid", due + timedelta(days=9))],
        )
    finally:
        db.close()
    app = start_in(data_dir, Role.ADVISER)
    page = wait_for_page(qtbot, app, "ClientListPage", lambda p: p.model.rowCount() == 1)
    assert page.proxy.index(0, SENT).data() == "nee"
    assert page.proxy.index(0, DEADLINE).data() and "⚠" not in page.proxy.index(0, DEADLINE).data()
    assert "1 zelfevaluatie van een klant" in page.subtitle.text()

    page.search_edit.setText("xyz")
    assert page.proxy.rowCount() == 0
    page.search_edit.setText("voedsel")  # "Voedselbank Oost", any case
    assert page.proxy.rowCount() == 1

    page.deadlines_button.click()
    qtbot.waitUntil(lambda: getattr(page, "deadlines_dialog", None) is not None, timeout=10_000)
    dialog = page.deadlines_dialog
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 2).data() == "VOG regelen"
    assert "over 30 dagen" in dialog.model.index(0, 0).data()
    assert "2 voorwaarden bij 1 klant" in dialog.intro.text()
    dialog.table.activated.emit(dialog.model.index(0, 0))
    wait_for_page(qtbot, app, "ReviewPage", lambda p: p.data is not None)

    # Once the review file is written, the list says when.
    db = open_database(database_path(data_dir))
    try:
        export_review(db, evaluation_id, tmp_path / "r.ggreview")
    finally:
        db.close()
    app.flow.show_adviser()
    page = wait_for_page(qtbot, app, "ClientListPage", lambda p: p.model.rowCount() == 1)
    assert page.proxy.index(0, SENT).data() != "nee"


def test_import_menu_item_opens_the_file_dialog(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    _client(tmp_path, template_database, edition, data_dir)
    app = start_in(data_dir, Role.ADVISER)
    wait_for_page(qtbot, app, "ClientListPage", lambda p: p.data is not None)
    action = app.actions_by_name["import_clients"]
    assert action.shortcut().toString() == "Ctrl+I" and action.isVisible()
    assert app.actions_by_name["review_keys"].isVisible()
    action.trigger()
    assert app.dialogs.shown and "inlezen" in app.dialogs.shown[-1][0].lower()


def test_file_dialogs_remember_their_folder(tmp_path: Path, qtbot) -> None:
    settings = AppSettings.in_folder(tmp_path / "instellingen")
    dialogs = DialogService(settings=settings)
    assert dialogs._folder("open", Path.home()) == Path.home()
    chosen = tmp_path / "klanten" / "a.ggeval"
    chosen.parent.mkdir()
    dialogs._remember("open", chosen)
    assert DialogService(settings=settings)._folder("open", Path.home()) == chosen.parent


def test_no_viewer_is_said_in_dutch(monkeypatch, tmp_path: Path, qtbot) -> None:
    from PySide6.QtGui import QDesktopServices

    shown: list[str] = []
    dialogs = DialogService()
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    monkeypatch.setattr(dialogs, "error", shown.append)
    dialogs.open_file(tmp_path / "Beleidsplan.pdf")
    assert shown == [no_viewer_text(tmp_path / "Beleidsplan.pdf")]
    assert "geen programma gevonden" in shown[0] and "Beleidsplan.pdf" in shown[0]
