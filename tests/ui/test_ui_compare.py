"""Compare screen: what the user reads about the change since the previous evaluation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.ui.conftest import wait_for_page

from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation


def _answered(db, organisation_id: str, edition, score_of) -> str:
    evaluation = start_evaluation(db, organisation_id, edition)
    core = [s for s in edition.statements_by_id.values() if s.core]
    for statement in core:
        save_answer(db, evaluation.id, statement.id, score_of(statement))
    complete_evaluation(db, evaluation.id)
    return evaluation.id


def test_compare_shows_what_went_up_and_down(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Club", volunteers=20, paid_fte=0)
    first_theme, second_theme = edition.themes[0], edition.themes[1]
    _answered(
        db, organisation.id, edition, lambda s: 1 if edition.theme_of[s.id] is first_theme else 3
    )
    current = _answered(
        db, organisation.id, edition, lambda s: 1 if edition.theme_of[s.id] is second_theme else 3
    )
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_results(current)
    results = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    assert results.compare_button.isEnabled()
    results.compare_button.click()
    page = wait_for_page(qtbot, app, "ComparePage", lambda p: p.comparison is not None)

    summary = page.summary.text()
    assert summary.startswith("Vergeleken met de zelfevaluatie van ")
    assert "1 thema ging vooruit, 1 achteruit" in summary
    assert "procentpunten" in page.note.text()
    model = page.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Thema", "Vorige keer", "Nu", "Verschil", "Vergeleken stellingen"]
    rows = {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 4)]
        for r in range(model.rowCount())
    }
    assert model.rowCount() == len(edition.themes)
    assert rows[first_theme.title][2].startswith("+") and rows[first_theme.title][2].endswith(
        "punten"
    )
    assert rows[second_theme.title][2].startswith("−")
    third = edition.themes[2].title
    assert rows[third][2] == "gelijk" and rows[third][0] == rows[third][1]

    page.back_button.click()
    back = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    assert back.data.state.evaluation.id == current


def test_compare_first_evaluation_says_there_is_nothing_to_compare(
    db, edition, start_app, qtbot
) -> None:
    organisation = create_organisation(db, "Club", volunteers=20, paid_fte=0)
    only = start_evaluation(db, organisation.id, edition)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_compare(only.id)
    page = wait_for_page(qtbot, app, "ComparePage", lambda p: "eerste" in p.summary.text())
    assert "er is nog niets om mee te vergelijken" in page.summary.text()
    assert page.table.model().rowCount() == 0
