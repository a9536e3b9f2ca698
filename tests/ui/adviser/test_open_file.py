"""``--open FILE``: the command line reaches the app, which asks first and then imports."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.exchange.exchange_helpers import filled_evaluation
from tests.ui.conftest import wait_for_page

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import _app_only_arguments
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.ui.core.settings import Role


def test_open_option_takes_the_fast_app_path() -> None:
    args = _app_only_arguments(["--data-dir", "map", "--open", "klant.ggeval"])
    assert args is not None and args.open == "klant.ggeval"


def test_open_file_asks_then_imports(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    source = tmp_path / "org"
    source.mkdir()
    shutil.copyfile(template_database, database_path(source))
    db = open_database(database_path(source))
    evaluation_id, _ = filled_evaluation(db, edition, tmp_path)
    file = export_evaluation(db, evaluation_id, tmp_path / "klant.ggeval")
    db.close()
    adviser_db = open_database(database_path(data_dir))
    register_adviser(adviser_db, "Bas")
    adviser_db.close()

    app = start_in(data_dir, Role.ADVISER)
    wait_for_page(qtbot, app, "ClientListPage", lambda p: p.data is not None)
    app.dialogs.answer_yes = False
    app.flow.open_file(file)
    assert app.dialogs.shown[-1][1].startswith("Dit bestand inlezen?")
    app.context.operations.wait()
    assert app.flow.page.model.rowCount() == 0

    app.dialogs.answer_yes = True
    app.flow.open_file(file)
    qtbot.waitUntil(lambda: bool(app.flow.opened_outcomes), timeout=20_000)
    assert app.flow.opened_outcomes[0].ok
    assert app.dialogs.shown[-1][0] == "Bestand ingelezen"
    wait_for_page(qtbot, app, "ClientListPage", lambda p: p.model.rowCount() == 1)
