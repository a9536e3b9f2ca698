"""Reviewing by keyboard: one-step proposals, Enter moves on, rest of a theme, F3, progress."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from tests.exchange.exchange_helpers import filled_evaluation
from tests.ui.conftest import wait_for_page

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_files
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.reviews import load_review
from goedgeregeld.ui.adviser.review_keys import REVIEW_KEYS, legend_html
from goedgeregeld.ui.adviser.review_row import one_step, proposal_choices
from goedgeregeld.ui.core.settings import Role


def _client(tmp_path: Path, template_database: Path, edition, data_dir: Path) -> str:
    org = tmp_path / "org"
    org.mkdir()
    shutil.copyfile(template_database, database_path(org))
    db = open_database(database_path(org))
    try:
        evaluation_id, _first = filled_evaluation(db, edition, tmp_path)
        file = export_evaluation(db, evaluation_id, tmp_path / "klant.ggeval")
    finally:
        db.close()
    db = open_database(database_path(data_dir))
    try:
        register_adviser(db, "Anna de Vries", "Gelderland")
        assert all(o.ok for o in import_files(db, [file]))
    finally:
        db.close()
    return evaluation_id


def _review_page(start_in, data_dir, evaluation_id, qtbot):
    app = start_in(data_dir, Role.ADVISER)
    wait_for_page(qtbot, app, "ClientListPage", lambda p: p.data is not None)
    app.window.activateWindow()
    app.flow.show_review(evaluation_id)
    page = wait_for_page(qtbot, app, "ReviewPage", lambda p: p.data is not None and p.rows)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.rows[0], timeout=5_000)
    return app, page


def _key(qtbot, app, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()


def test_proposals_are_one_step_and_the_list_matches() -> None:
    assert one_step("lower", 2) == 1 and one_step("higher", 2) == 3
    assert one_step("lower", 0) is None and one_step("higher", 3) is None
    assert proposal_choices("lower", 2) == [0, 1]
    assert proposal_choices("higher", 1) == [2, 3]
    assert proposal_choices("lower", None) == [0, 1, 2, 3]


def test_review_by_keyboard(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    evaluation_id = _client(tmp_path, template_database, edition, data_dir)
    app, page = _review_page(start_in, data_dir, evaluation_id, qtbot)
    first, second = page.rows[0], page.rows[1]
    # Evidence is no Tab stop; the legend is on the page.
    assert first.evidence_buttons
    assert first.evidence_buttons[0].focusPolicy() == Qt.FocusPolicy.NoFocus
    assert "F3" in page.legend.text() and "Ctrl+Enter" in page.legend.text()
    assert all(keys in legend_html() for keys, _text, _short in REVIEW_KEYS)

    # Enter agrees and moves on.
    with qtbot.waitSignal(page.verdict_saved, timeout=10_000):
        _key(qtbot, app, Qt.Key.Key_Return)
    assert first.verdict() == "agree"
    assert QApplication.focusWidget() is second
    assert page.theme_list.item(0).text().startswith("1/6")

    # "-": one below the own score (2), the list offers only lower scores, focus in the comment.
    QTest.keyClicks(second, "-")
    assert second.verdict() == "lower"
    assert second.score_box.currentData() == 1
    items = [second.score_box.itemData(i) for i in range(second.score_box.count())]
    assert items == [0, 1]
    assert QApplication.focusWidget() is second.comment_edit
    QTest.keyClicks(second.comment_edit, "verouderd")
    with qtbot.waitSignal(page.verdict_saved, timeout=10_000):
        _key(qtbot, app, Qt.Key.Key_Return)
    assert second.comment_edit.toPlainText() == "verouderd"  # Enter saved, no new line
    assert QApplication.focusWidget() is page.rows[2]

    # Enter on a statement already lowered keeps that verdict.
    second.setFocus()
    _key(qtbot, app, Qt.Key.Key_Return)
    assert second.verdict() == "lower"

    # Ctrl+Enter: the rest of the theme agrees, and the next theme opens at its top.
    page.rows[2].setFocus()
    _key(qtbot, app, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.theme_index == 1, timeout=5_000)
    assert page.row_scroll.verticalScrollBar().value() == 0
    app.context.operations.wait()
    qtbot.waitUntil(lambda: page.theme_list.item(0).text().startswith("✓"), timeout=5_000)

    # F3 from the second theme's third statement goes to its fourth (the first without verdict).
    page.rows[2].choose("agree")
    page.rows[1].setFocus()
    _key(qtbot, app, Qt.Key.Key_F3)
    assert QApplication.focusWidget() is page.rows[3]
    app.context.operations.wait()

    db = open_database(database_path(data_dir))
    try:
        review = load_review(db, evaluation_id)
    finally:
        db.close()
    stored = {
        s: (r.verdict.value, r.proposed_score, r.comment) for s, r in review.statements.items()
    }
    assert stored[first.statement_id] == ("agree", None, "")
    assert stored[second.statement_id] == ("lower", 1, "verouderd")
    assert len(stored) == 7  # six of the first theme and one of the second
