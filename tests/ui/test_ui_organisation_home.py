"""The organisation's home screen: reached from the menu, one club's buttons, what a review adds."""

from __future__ import annotations

from tests.ui.conftest import wait_for_page

from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation


def test_the_menu_s_startscherm_shows_the_data(db, edition, start_app, qtbot) -> None:
    # QAction.triggered passes checked=False, which show_start once took as load=False: the
    # home screen stayed at "Gegevens worden geladen…" with nothing in it.
    organisation = create_organisation(db, "Sportclub De Bal", volunteers=20, paid_fte=0)
    start_evaluation(db, organisation.id, edition)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_profile(None)
    wait_for_page(qtbot, app, "ProfilePage")
    app.actions_by_name["home"].trigger()
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert home.title.text() == "Sportclub De Bal"
    assert home.model.rowCount() == 1
    assert not home.empty_label.isVisible()


def test_one_club_has_no_new_organisation_button(db, edition, start_app, qtbot) -> None:
    create_organisation(db, "Sportclub De Bal", volunteers=20, paid_fte=0)
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert not home.new_org_button.isVisibleTo(home)
    assert not home.organisation_box.isVisibleTo(home)
    assert app.actions_by_name["new_organisation"].isVisible()  # the menu still has it
    create_organisation(db, "Voedselbank Oost", volunteers=40, paid_fte=0)
    home.load()
    qtbot.waitUntil(lambda: home.organisation_box.isVisibleTo(home))
    assert home.new_org_button.isVisibleTo(home)


def _received_review(
    db, evaluation_id: str, statements: list[tuple[str, str, int | None]], recognised: bool = True
) -> None:
    from goedgeregeld.store.clock import utc_now
    from goedgeregeld.store.models.adviser import Review, StatementReview

    with db.session() as session:
        session.add(
            Review(
                evaluation_id=evaluation_id,
                origin="received",
                adviser_id="a",
                adviser_name="Anna de Vries",
                adviser_region="Gelderland",
                adviser_recognised=recognised,
                adviser_certificate="NOV-2026-0001" if recognised else None,
                updated_at=utc_now(),
                decision="not_yet",
            )
        )
        session.flush()
        for statement_id, verdict, proposed in statements:
            session.add(
                StatementReview(
                    evaluation_id=evaluation_id,
                    statement_id=statement_id,
                    verdict=verdict,
                    proposed_score=proposed,
                    comment="Nog niet vastgelegd" if verdict != "agree" else "",
                    changed=False,
                    updated_at=utc_now(),
                )
            )


def test_after_a_review_home_and_results_lead_with_the_adviser(
    db, edition, start_app, qtbot
) -> None:
    from goedgeregeld.domain import Variant
    from goedgeregeld.scoring import required_statements
    from goedgeregeld.store.evaluations import complete_evaluation, save_answer

    organisation = create_organisation(db, "Sportclub De Bal", volunteers=20, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, edition)
    ids = [
        s.id for t in edition.themes for s in required_statements(t, Variant(evaluation.variant))
    ]
    for statement_id in ids:
        save_answer(db, evaluation.id, statement_id, 3)
    complete_evaluation(db, evaluation.id)
    # Stored in an order unlike the questionnaire's: the last statement first.
    _received_review(
        db,
        evaluation.id,
        [(ids[-1], "lower", 1), (ids[0], "agree", None), (ids[1], "lower", 2)],
    )
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    qtbot.waitUntil(lambda: home.review_note.isVisibleTo(home), timeout=10_000)
    note = home.review_note.text.text()
    assert note.startswith("Besluit van uw adviseur Anna de Vries: Nog niet klaar")
    assert "1 score onderschreven, 2 anders beoordeeld" in note
    assert home.model.data(home.model.index(0, 5)) == "nog niet"
    home.results_button.click()
    results = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    assert results.verdict_label.text().startswith("Besluit van uw adviseur Anna de Vries")
    assert "eigen scores" in results.total_label.text()
    assert "Volgens uw eigen scores: u haalt alle eisen" in results.reasons_label.text()
    texts = [label.text() for label in results.review_panel.labels]
    verdicts = [t for t in texts if t.startswith("•  Stelling")]
    assert [t.split(":")[0] for t in verdicts] == [
        "•  Stelling 2",
        f"•  Stelling {len(ids)}",
    ]
    assert "Uw score: 3 · adviseur: score moet lager, voorgestelde score 2" in verdicts[0]
    assert "voorstel 1" not in "\n".join(texts)
    assert "Met 1 score is de adviseur het eens." in texts
    # The review panel sits right under the verdict, above the chart.
    assert (
        results.review_panel.y()
        < results.chart.mapTo(
            results.review_panel.parentWidget(), results.chart.rect().topLeft()
        ).y()
    )


def test_a_review_of_an_unrecognised_adviser_never_leads_with_a_decision(
    db, edition, start_app, qtbot
) -> None:
    from goedgeregeld.store.evaluations import complete_evaluation, save_answer

    organisation = create_organisation(db, "Sportclub De Bal", volunteers=20, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, edition)
    from goedgeregeld.store.evaluations import load_state

    for sid in load_state(db, evaluation.id).score().open_statements:
        save_answer(db, evaluation.id, sid, 3)
    complete_evaluation(db, evaluation.id)
    _received_review(db, evaluation.id, [], recognised=False)
    app = start_app(first_run=False)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    qtbot.waitUntil(lambda: home.review_note.isVisibleTo(home), timeout=10_000)
    assert "niet van een erkend adviseur" in home.review_note.text.text()
    assert "Nog niet klaar" not in home.review_note.text.text()
