"""A small screen (1024x600 with a taskbar): every page fits, the card worked on stays in view."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget
from tests.ui.conftest import wait_for_page

from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.shell.main_window import MINIMUM_SIZE
from goedgeregeld.ui.widgets import keep_in_view
from goedgeregeld.ui.widgets.keep_in_view import KeepInView
from goedgeregeld.ui.widgets.statement_card import _wrapped


def _whole(scroll: QScrollArea, widget: QWidget) -> bool:
    top = widget.mapTo(scroll.viewport(), widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= scroll.viewport().height()


def _scroll_with_blocks(qtbot, count: int = 8) -> tuple[QScrollArea, list[QLabel]]:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    host = QWidget()
    layout = QVBoxLayout(host)
    blocks = []
    for n in range(count):
        block = QLabel(f"Blok {n}", host)
        block.setFixedHeight(120)
        layout.addWidget(block)
        blocks.append(block)
    scroll.setWidget(host)
    scroll.resize(400, 300)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    return scroll, blocks


def test_the_target_is_shown_again_while_the_content_settles(qtbot) -> None:
    scroll, blocks = _scroll_with_blocks(qtbot)
    keeper = KeepInView(scroll)
    keeper.reveal(blocks[5])
    qtbot.waitUntil(lambda: _whole(scroll, blocks[5]))
    # Content above the target grows while settling (text wrapped at its final width).
    blocks[1].setFixedHeight(400)
    qtbot.waitUntil(lambda: _whole(scroll, blocks[5]), timeout=2000)


def test_after_settling_growing_content_does_not_pull_the_view_back(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(keep_in_view, "SETTLE_MS", 50)
    scroll, blocks = _scroll_with_blocks(qtbot)
    keeper = KeepInView(scroll)
    keeper.reveal(blocks[5])
    qtbot.waitUntil(lambda: _whole(scroll, blocks[5]))
    qtbot.wait(200)
    scroll.verticalScrollBar().setValue(0)  # the user scrolls up to read an earlier card
    blocks[1].setFixedHeight(400)  # and opens its explanation
    qtbot.wait(100)
    assert scroll.verticalScrollBar().value() == 0


def test_a_narrower_window_keeps_the_target_in_view(qtbot) -> None:
    scroll, blocks = _scroll_with_blocks(qtbot)
    keeper = KeepInView(scroll)
    keeper.reveal(blocks[6])
    qtbot.waitUntil(lambda: _whole(scroll, blocks[6]))
    scroll.resize(400, 200)
    qtbot.waitUntil(lambda: _whole(scroll, blocks[6]), timeout=2000)


def test_long_answer_labels_take_two_balanced_lines() -> None:
    assert _wrapped("niet geregeld") == "niet geregeld"
    assert _wrapped("volledig geregeld en vastgelegd") == "volledig geregeld\nen vastgelegd"
    assert _wrapped("niet van toepassing") == "niet van\ntoepassing"
    assert _wrapped("onvoorstelbaarlangwoord") == "onvoorstelbaarlangwoord"


SMALL_SCREEN = (960, 480)
"""A 1024x600 screen with a taskbar: the smallest window until issue 18 lowered it to fit
1366x768 at 150% text too (``test_ui_window_sizes``); there a card's answers may wrap."""


def test_filling_in_fits_the_smallest_window(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Groot", volunteers=300, paid_fte=5)
    start_evaluation(db, organisation.id, edition)
    app = start_app(first_run=False)
    app.window.resize(*SMALL_SCREEN)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert home.minimumSizeHint().width() <= MINIMUM_SIZE[0]
    home.continue_button.click()
    page = wait_for_page(qtbot, app, "FillInPage", lambda p: p.state is not None)
    assert page.minimumSizeHint().width() <= MINIMUM_SIZE[0]
    assert page.minimumSizeHint().height() <= MINIMUM_SIZE[1]
    card = page.cards[-1]
    page._go_to(card.statement_id)
    qtbot.waitUntil(lambda: _whole(page.card_scroll, card), timeout=2000)
    assert card.minimumSizeHint().width() <= page.card_scroll.viewport().width()
    finish = page.finish_button
    corner = finish.mapTo(app.window, finish.rect().bottomRight())
    assert corner.x() <= app.window.width() and corner.y() <= app.window.height()
