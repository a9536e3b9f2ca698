"""Notes save while typing: a pause of a moment commits them, without leaving the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from tests.ui.test_ui_filling import open_draft

from goedgeregeld.store.evaluations import load_state, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.widgets.statement_card import NOTE_DEBOUNCE_MS


def type_text(widget, text: str) -> None:
    """Key presses with their text (QKeyEvents, so non-ASCII is safe)."""
    for char in text:
        QApplication.sendEvent(
            widget,
            QKeyEvent(
                QKeyEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
            ),
        )


def test_a_note_is_saved_after_a_pause_without_losing_focus(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Notities", volunteers=300, paid_fte=5)
    evaluation = start_evaluation(db, organisation.id, edition)
    _app, page = open_draft(start_app, qtbot)
    card = page.cards[0]
    card.note_edit.setFocus()
    type_text(card.note_edit, "Protocol ligt bij de coördinator")
    assert not card.note_is_saved
    assert "niet opgeslagen" in card.note_state.text()
    qtbot.waitUntil(lambda: card.note_is_saved, timeout=NOTE_DEBOUNCE_MS + 5_000)
    assert card.note_edit.hasFocus() or not card.window().isActiveWindow()
    stored = load_state(db, evaluation.id).answers[card.statement_id]
    assert stored.note == "Protocol ligt bij de coördinator"
    assert not stored.is_answered


def test_typing_on_restarts_the_pause_and_the_last_text_is_stored(
    db, edition, start_app, qtbot
) -> None:
    organisation = create_organisation(db, "Notities", volunteers=300, paid_fte=5)
    evaluation = start_evaluation(db, organisation.id, edition)
    _app, page = open_draft(start_app, qtbot)
    card = page.cards[1]
    saved: list[str] = []
    page.note_saved.connect(lambda _sid, text: saved.append(text))
    type_text(card.note_edit, "Eerst")
    qtbot.wait(NOTE_DEBOUNCE_MS // 3)
    type_text(card.note_edit, " en dan meer")
    qtbot.waitUntil(lambda: card.note_is_saved, timeout=NOTE_DEBOUNCE_MS + 5_000)
    assert saved == ["Eerst en dan meer"]
    assert load_state(db, evaluation.id).answers[card.statement_id].note == "Eerst en dan meer"


def test_a_note_that_cannot_be_saved_says_so_at_the_card(db, edition, start_app, qtbot) -> None:
    from goedgeregeld.store.evaluations import MAX_NOTE_LENGTH

    organisation = create_organisation(db, "Notities", volunteers=300, paid_fte=5)
    start_evaluation(db, organisation.id, edition)
    _app, page = open_draft(start_app, qtbot)
    card = page.cards[0]
    card.note_edit.setPlainText("x" * (MAX_NOTE_LENGTH + 1))
    qtbot.waitUntil(lambda: "niet opgeslagen:" in card.note_state.text(), timeout=5_000)
    assert "te lang" in card.note_state.text()
    assert not card.note_is_saved
