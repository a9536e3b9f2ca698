"""The adviser sees where a client's respondents disagreed, and nothing of who said what."""

from __future__ import annotations

from datetime import datetime

from goedgeregeld.store.records import AnswerRecord
from goedgeregeld.ui.adviser.review_row import ReviewRow


def _row(qtbot, edition, **context) -> ReviewRow:
    statement = next(iter(edition.statements_by_id.values()))
    answer = AnswerRecord(statement.id, 2, False, "", datetime(2026, 12, 1))
    row = ReviewRow(statement, 1, edition, answer, None, [], None, **context)
    qtbot.addWidget(row)
    return row


def test_a_statement_the_respondents_disagreed_on_says_so(qtbot, edition) -> None:
    row = _row(qtbot, edition, disagreed=True, spread=3)
    assert not row.disagreed_label.isHidden()
    assert row.disagreed_label.text() == "⚑ hierover was men het oneens (verschil 3 punten)"


def test_without_several_respondents_nothing_is_said(qtbot, edition) -> None:
    row = _row(qtbot, edition)
    assert row.disagreed_label.isHidden()
