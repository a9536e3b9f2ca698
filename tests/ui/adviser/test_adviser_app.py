"""Adviser round trip in the app: register, import, review, decide, export; org reads it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from tests.exchange.chain_helpers import certify_adviser
from tests.exchange.exchange_helpers import filled_evaluation
from tests.ui.conftest import wait_for_page

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.ui.core.settings import Role


def _organisation(tmp_path: Path, template_database: Path, edition) -> tuple[Path, str, Path]:
    folder = tmp_path / "org"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    db = open_database(database_path(folder))
    try:
        evaluation_id, _first = filled_evaluation(db, edition, tmp_path)
        file = export_evaluation(db, evaluation_id, tmp_path / "klant.ggeval")
    finally:
        db.close()
    return folder, evaluation_id, file


def test_adviser_round_trip(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot, monkeypatch
) -> None:
    org_dir, evaluation_id, evaluation_file = _organisation(tmp_path, template_database, edition)
    bad = tmp_path / "kapot.ggeval"
    bad.write_bytes(b"geen zip")

    # Registration on first use of the adviser role.
    app = start_in(data_dir, Role.ADVISER)
    page = wait_for_page(qtbot, app, "RegistrationPage")
    page.register()
    assert page.message.isVisible()  # a name is needed
    page.name_edit.setText("Anna de Vries")
    page.region_box.setCurrentIndex(page.region_box.findData("Gelderland"))
    page.register_button.click()
    clients = wait_for_page(qtbot, app, "ClientListPage", lambda p: p.data is not None)
    assert "Anna de Vries · Gelderland" in clients.subtitle.text()
    assert clients.empty_label.isVisibleTo(clients)
    # NOV certifies her: only then do her decision and mark count at the organisation.
    certify_adviser(data_dir, tmp_path, monkeypatch)

    # Import through the button: one good file, one bad, with a progress bar.
    app.dialogs.open_paths = [evaluation_file, bad]
    with qtbot.waitSignal(clients.import_finished, timeout=20_000) as finished:
        clients.import_button.click()
        assert clients.progress.isVisibleTo(clients)
    outcomes = finished.args[0]
    assert [o.ok for o in outcomes] == [True, False]
    assert clients.progress.maximum() == 2
    texts = [clients.outcomes.item(i).text() for i in range(clients.outcomes.count())]
    assert texts[1].startswith("✗ ") and "kapot.ggeval" in texts[1]
    assert "1 geweigerd" in clients.outcome_label.text()
    clients = wait_for_page(qtbot, app, "ClientListPage", lambda p: p.model.rowCount() == 1)

    # The same file again: nothing changes and it says so.
    clients.import_files([evaluation_file])
    qtbot.waitUntil(lambda: not clients.importing, timeout=20_000)
    assert "niets veranderd" in clients.outcomes.item(0).text()

    # Filters: province and decision.
    clients = wait_for_page(qtbot, app, "ClientListPage", lambda p: p.model.rowCount() == 1)
    clients.province_box.setCurrentIndex(clients.province_box.findData("Utrecht"))
    assert clients.proxy.rowCount() == 0
    clients.province_box.setCurrentIndex(clients.province_box.findData("Gelderland"))
    assert clients.proxy.rowCount() == 1
    clients.table.selectRow(0)
    clients.review_button.click()

    # Review: verdicts per statement, a theme comment, evidence opens.
    review = wait_for_page(qtbot, app, "ReviewPage", lambda p: p.data is not None)
    first, second = review.rows[0], review.rows[1]
    assert "2 –" in first.own_label.text()
    assert first.evidence_buttons
    first.evidence_buttons[0].click()
    qtbot.waitUntil(lambda: bool(app.dialogs.opened), timeout=10_000)
    assert app.dialogs.opened[0].name == "Beleidsplan vrijwilligers.pdf"
    with qtbot.waitSignal(review.verdict_saved, timeout=10_000):
        first.choose("agree")
    with qtbot.waitSignal(review.verdict_saved, timeout=10_000):
        second.choose("lower", 1, "Het beleid is nog niet vastgesteld.")
    assert "opgeslagen" in second.state_label.text()
    review.theme_comment.setPlainText("Sterk thema.")
    review.decision_button.click()

    # Decision with a condition and the quality-mark date.
    decision = wait_for_page(qtbot, app, "DecisionPage")
    qtbot.waitSignal(decision.loaded, timeout=10_000)
    decision.radios["conditions"].click()
    assert decision.condition_rows
    decision.condition_rows[0].text_edit.setText("Vrijwilligersbeleid vaststellen")
    decision.mark_check.setChecked(True)
    assert "2030" in decision.expiry_label.text() or decision.expiry_label.text()
    decision.save_button.click()
    review = wait_for_page(qtbot, app, "ReviewPage", lambda p: p.data is not None)
    assert "klaar met voorwaarden" in review.subtitle.text()

    # Export the review file.
    app.dialogs.save_path = tmp_path / "beoordeling.ggreview"
    review.export_button.click()
    qtbot.waitUntil(lambda: app.dialogs.save_path.exists(), timeout=10_000)
    app.context.operations.wait()

    # The organisation reads the review and sees the verdict on the card and results.
    org = start_in(org_dir, Role.ORGANISATION)
    wait_for_page(qtbot, org, "HomePage", lambda p: p.overview is not None)
    org.dialogs.open_paths = [app.dialogs.save_path]
    org.actions_by_name["import_review"].trigger()
    qtbot.waitUntil(lambda: any("ingelezen" in t for _h, t in org.dialogs.shown), timeout=20_000)
    org.flow.show_results(evaluation_id)
    results = wait_for_page(qtbot, org, "ResultsPage", lambda p: p.review_panel.isVisibleTo(p))
    panel_text = "\n".join(label.text() for label in results.review_panel.labels)
    assert "Anna de Vries" in panel_text and "klaar met voorwaarden" in panel_text
    # Issue 18: by the statement's number, with the organisation's own score beside the proposal.
    assert "score moet lager, voorgestelde score 1" in panel_text
    assert "Stelling " in panel_text and "Uw score: " in panel_text
    assert results.verdict_label.text().startswith("Besluit van uw adviseur Anna de Vries")
    assert "Keurmerk toegekend op" in panel_text


def test_organisation_card_shows_verdict_and_evidence(
    start_in, data_dir: Path, tmp_path: Path, edition, qtbot
) -> None:
    from goedgeregeld.store.clock import utc_now
    from goedgeregeld.store.models.adviser import Review, StatementReview

    db = open_database(database_path(data_dir))
    try:
        evaluation_id, first = filled_evaluation(db, edition, tmp_path, complete=False)
        with db.session() as session:
            session.add(
                Review(
                    evaluation_id=evaluation_id,
                    origin="received",
                    adviser_id="a",
                    adviser_name="Anna",
                    adviser_region=None,
                    updated_at=utc_now(),
                    mark_granted_on=date(date.today().year - 4, 12, 31),
                    decision="ready",
                )
            )
            session.flush()
            session.add(
                StatementReview(
                    evaluation_id=evaluation_id,
                    statement_id=first,
                    verdict="higher",
                    proposed_score=3,
                    comment="Goed geregeld!",
                    changed=False,
                    updated_at=utc_now(),
                )
            )
    finally:
        db.close()
    app = start_in(data_dir, Role.ORGANISATION)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    # Since issue 16 a review's own mark date shows nothing on the home screen: only a
    # keurmerk certificate from NOV that verifies gives a mark and its reminder.
    qtbot.wait(300)
    assert not home.reminder_label.isVisibleTo(home)
    assert not home.mark_label.isVisibleTo(home)
    app.flow.show_fill_in(evaluation_id)
    page = wait_for_page(
        qtbot,
        app,
        "FillInPage",
        lambda p: p.evidence is not None and p.evidence.ready,
    )
    page.show_theme(0, first)
    card = next(c for c in page.cards if c.statement_id == first)
    assert (
        card.review.verdict_label.text()
        == "Adviseur: score moet hoger (voorstel 3) – Goed geregeld!"
    )
    (attachment_id,) = card.review.evidence_buttons
    card.review.evidence_buttons[attachment_id][0].click()
    qtbot.waitUntil(lambda: bool(app.dialogs.opened), timeout=10_000)
    extra = tmp_path / "notulen.pdf"
    extra.write_bytes(b"%PDF-1.4\n% notulen\n%%EOF\n")
    app.dialogs.open_paths = [extra]
    card.review.add_evidence_button.click()
    qtbot.waitUntil(lambda: len(page.evidence.attachments.get(first, [])) == 2, timeout=10_000)
    card = next(c for c in page.cards if c.statement_id == first)
    removable = next(iter(card.review.evidence_buttons.values()))[1]
    removable.click()
    qtbot.waitUntil(lambda: len(page.evidence.attachments.get(first, [])) == 1, timeout=10_000)
