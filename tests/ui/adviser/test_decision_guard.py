"""The decision page: the review summed up, and "klaar" against it only with a reason."""

from __future__ import annotations

from pathlib import Path

from tests.ui.adviser.test_review_keys import _client
from tests.ui.conftest import wait_for_page

from goedgeregeld.base.paths import database_path
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.reviews import load_review
from goedgeregeld.ui.core.settings import Role


def test_ready_against_the_review_needs_a_reason(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    evaluation_id = _client(tmp_path, template_database, edition, data_dir)
    app = start_in(data_dir, Role.ADVISER)
    wait_for_page(qtbot, app, "ClientListPage", lambda p: p.data is not None)
    app.flow.show_decision(evaluation_id)
    page = wait_for_page(qtbot, app, "DecisionPage", lambda p: p.readiness is not None)
    assert "Score na uw oordeel 66,7%" in page.summary.text()
    assert "0 lager, 0 hoger" in page.summary.text()
    assert "onder het minimum" in page.summary.text()
    page.radios["ready"].click()
    assert page.guard_label.isVisibleTo(page)
    assert "72 stellingen nog zonder oordeel" in page.guard_label.text()
    assert not page.save_button.isEnabled()
    page.radios["not_yet"].click()
    assert page.save_button.isEnabled() and not page.guard_label.isVisibleTo(page)
    page.radios["ready"].click()
    page.reason_edit.setPlainText("Alles gezien bij het bezoek; de stukken volgen.")
    assert page.save_button.isEnabled()
    page.save_button.click()
    wait_for_page(qtbot, app, "ReviewPage", lambda p: p.data is not None)
    db = open_database(database_path(data_dir))
    try:
        review = load_review(db, evaluation_id)
    finally:
        db.close()
    assert review is not None and review.decision is not None
    assert review.decision.value == "ready"
    assert review.decision_reason == "Alles gezien bij het bezoek; de stukken volgen."
