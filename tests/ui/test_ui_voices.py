"""Several respondents in the app: invite, who fills in now, the merged view, the meeting mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.ui.conftest import wait_for_page

from goedgeregeld.domain import RespondentRole
from goedgeregeld.scoring import Variant, all_required
from goedgeregeld.store.evaluations import load_state, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.respondents import (
    add_respondent,
    list_respondents,
    merged_view,
    save_respondent_answer,
)
from goedgeregeld.ui.models.merged import FLAG_BACKGROUND


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform and a dialog
def test_a_club_invites_fills_in_and_agrees(db, edition, start_app, qtbot) -> None:
    org = create_organisation(db, "Buurthuis", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(db, org.id, edition)
    asked = [s.id for s in all_required(edition, Variant.SMALL)]
    chair = add_respondent(db, evaluation.id, "Ans", RespondentRole.BOARD)
    for sid in asked:
        save_respondent_answer(
            db, chair.id, sid, 3, note="Alles geregeld" if sid == asked[1] else None
        )
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert home.voices_button.isEnabled()
    home.voices_button.click()
    page = wait_for_page(qtbot, app, "VoicesPage", lambda p: p.data is not None)
    assert "2 of meer" in page.rule_label.text()

    # A second person is invited on the same laptop and answers only their own statements.
    page.name_edit.setText("Bas de Coördinator")
    page.role_box.setCurrentIndex(page.role_box.findData("coordinator"))
    page.add_button.click()
    qtbot.waitUntil(lambda: page.who_box.count() == 2, timeout=10_000)
    page.who_box.setCurrentIndex(1)
    page.fill_button.click()
    from goedgeregeld.ui.organisation.respondent_fill import RespondentFillDialog

    dialog = page.findChild(RespondentFillDialog)
    assert dialog is not None and len(dialog.cards) == len(asked)
    # Their own view starts empty: the chairman's answers stay hidden.
    assert all(card.value() is None for card in dialog.cards.values())
    dialog.cards[asked[1]].answer(0)
    bas = next(p for p in list_respondents(db, evaluation.id) if p.name.startswith("Bas"))
    qtbot.waitUntil(
        lambda: (
            next(s for s in merged_view(db, evaluation.id).statements if s.id == asked[1]).flagged
        ),
        timeout=10_000,
    )
    dialog.close()
    qtbot.waitUntil(
        lambda: page.model.rowCount() and page.model.row_at(0).id == asked[1], timeout=10_000
    )
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[2:4] == ["Ans", "Bas de Coördinator"]
    first = model.index(0, 0)
    assert model.data(first, Qt.ItemDataRole.BackgroundRole) == FLAG_BACKGROUND
    assert model.index(0, 3).data() == "0" and model.index(0, 2).data() == "3"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "Alles geregeld"

    # The meeting mode opens on the disagreement and sets the agreed answer with a note.
    page.meeting_button.click()
    from goedgeregeld.ui.organisation.meeting import MeetingDialog

    meeting = page.findChild(MeetingDialog)
    assert meeting is not None and "oneens" in meeting.flag.text().lower()
    assert meeting.text.text() == edition.statements_by_id[asked[1]].text
    meeting.note.setPlainText("Samen besproken")
    meeting.choices[1].click()
    qtbot.waitUntil(lambda: asked[1] in load_state(db, evaluation.id).answers, timeout=10_000)
    agreed = load_state(db, evaluation.id).answers[asked[1]]
    assert (agreed.value, agreed.note) == (1, "Samen besproken")
    meeting.close()
    assert bas.role is RespondentRole.COORDINATOR
