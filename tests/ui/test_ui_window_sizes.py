"""Every organisation page fits the smallest window: 1366x768 at 150% text, and 1024x600."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QLabel
from tests.ui.conftest import wait_for_page

from goedgeregeld.store.actions import create_actions_for, weakest_statements
from goedgeregeld.store.evaluations import (
    complete_evaluation,
    load_state,
    save_answer,
    start_evaluation,
)
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.shell.main_window import MINIMUM_SIZE

LARGE_TEXT = (1366 * 2 // 3, 768 * 2 // 3)
"""1366x768 at QT_SCALE_FACTOR=1.5, in the pixels the window works in."""


def test_the_smallest_window_fits_large_text_and_a_small_screen() -> None:
    assert MINIMUM_SIZE[0] <= LARGE_TEXT[0] - 24 and MINIMUM_SIZE[1] <= LARGE_TEXT[1] - 32
    assert MINIMUM_SIZE[0] <= 1024 and MINIMUM_SIZE[1] <= 600 - 40 - 48  # taskbar, title bar


def _evaluation(db, organisation_id: str, edition, value: int) -> str:
    evaluation = start_evaluation(db, organisation_id, edition)
    for n, sid in enumerate(load_state(db, evaluation.id).score().open_statements):
        save_answer(db, evaluation.id, sid, (value + n) % 4)
    complete_evaluation(db, evaluation.id)
    return evaluation.id


@pytest.fixture
def small_app(db, edition, start_app, qtbot):
    organisation = create_organisation(
        db, "Vereniging Vrijwilligerswerk Noord-Oost", volunteers=300, paid_fte=5
    )
    _evaluation(db, organisation.id, edition, 1)
    newest = _evaluation(db, organisation.id, edition, 2)
    weak = weakest_statements(load_state(db, newest))
    create_actions_for(db, newest, [w.statement_id for w in weak[:3]])
    start_evaluation(db, organisation.id, edition)  # a draft to fill in
    app = start_app(first_run=False)
    app.window.resize(*MINIMUM_SIZE)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    return app, newest


def _fits(page, qtbot) -> None:
    qtbot.wait(50)
    hint = page.minimumSizeHint()
    assert hint.width() <= MINIMUM_SIZE[0], (type(page).__name__, hint)
    assert page.width() <= MINIMUM_SIZE[0]
    for area in page.findChildren(QAbstractScrollArea):
        if area.isVisibleTo(page):
            bar = area.horizontalScrollBar()
            assert not bar.isVisible() or bar.maximum() == 0, (type(page).__name__, area)


def _one_line(label: QLabel) -> bool:
    return label.height() < 2 * label.fontMetrics().lineSpacing()


def test_every_organisation_page_fits_the_smallest_window(small_app, qtbot) -> None:
    app, newest = small_app
    flow = app.flow
    _fits(flow.page, qtbot)
    flow.show_profile(flow.page.overview.current)
    _fits(wait_for_page(qtbot, app, "ProfilePage"), qtbot)
    flow.show_results(newest)
    results = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    _fits(results, qtbot)
    assert _one_line(results.title), results.title.height()
    header = results.table.horizontalHeader()
    assert header.sectionSize(0) >= results.table.sizeHintForColumn(0)  # no theme name cut
    corner = results.home_button.mapTo(app.window, results.home_button.rect().bottomRight())
    assert corner.x() <= app.window.width()
    flow.show_action_plan(newest)
    _fits(wait_for_page(qtbot, app, "ActionPlanPage", lambda p: p.actions_model.rowCount()), qtbot)
    flow.show_compare(newest)
    _fits(wait_for_page(qtbot, app, "ComparePage", lambda p: p.comparison is not None), qtbot)
    flow.show_home()
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    home.continue_button.click()
    page = wait_for_page(qtbot, app, "FillInPage", lambda p: p.state is not None)
    _fits(page, qtbot)
    card = page.cards[0]
    assert card.minimumSizeHint().width() <= page.card_scroll.viewport().width()
    finish = page.finish_button
    corner = finish.mapTo(app.window, finish.rect().bottomRight())
    assert corner.x() <= app.window.width() and corner.y() <= app.window.height()
