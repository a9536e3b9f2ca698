"""Edition 2027.1 in the app: the card's explanation, must-have and n.v.t.; reasons come first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel
from tests.ui.conftest import wait_for_page

from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.scoring import Variant, all_required
from goedgeregeld.store.evaluations import save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.models.results import theme_verdict
from goedgeregeld.ui.widgets.statement_card import NA_ID, StatementCard

NEW = find_edition()


def test_card_explains_marks_the_must_have_and_offers_no_na_where_not_allowed(qtbot) -> None:
    code = NEW.statements_by_id["veiligheid.1"]
    card = StatementCard(code, 22, NEW)
    qtbot.addWidget(card)
    assert NA_ID not in card.radios and set(card.radios) == {0, 1, 2, 3}
    assert card.must_label is not None
    assert card.must_label.text() == "Moet minstens 2 zijn voor het keurmerk."
    assert card.explanation.text().startswith("Uitleg:\n")
    assert " ".join(code.explanation.split()) in card.explanation.text()
    answers: list[object] = []
    card.answered.connect(lambda _sid, value: answers.append(value))
    QApplication.sendEvent(
        card, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier, "n")
    )
    assert answers == [] and "kan hier niet" in card.state_label.text()
    vog = StatementCard(NEW.statements_by_id["veiligheid.2"], 23, NEW)
    qtbot.addWidget(vog)
    assert NA_ID in vog.radios  # the VOG: n.v.t. fits where nobody works with children
    plain = StatementCard(NEW.statements_by_id["visie.1"], 1, NEW)
    qtbot.addWidget(plain)
    assert plain.must_label is None


def test_old_edition_card_is_as_before(qtbot, edition) -> None:
    card = StatementCard(edition.statements_by_id["veiligheid.1"], 1, edition)
    qtbot.addWidget(card)
    assert NA_ID in card.radios and card.must_label is None
    assert card.explanation.text().startswith("Voorbeelden van bewijs:")


def test_results_page_names_the_must_have_first(db, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Sportclub", volunteers=35, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, NEW)
    for statement in all_required(NEW, Variant.SMALL):
        save_answer(db, evaluation.id, statement.id, 3)
    save_answer(db, evaluation.id, "veiligheid.2", 0)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_results(evaluation.id)
    page = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    assert not page.data.result.eligible
    assert page.data.result.theme("veiligheid").meets_minimum
    text = page.reasons_label.text()
    assert text.startswith("•  Veiligheid en integriteit: stelling ")
    assert "heeft een 0; voor het keurmerk is minstens 2 nodig." in text
    assert page.reasons_label.isVisible()
    assert theme_verdict(page.data.result.theme("veiligheid")) == "verplichte stelling te laag"
    assert theme_verdict(page.data.result.theme("visie")) == "gehaald"
    weak = [label.text() for label in page.weak_layout.parentWidget().findChildren(QLabel)]
    strong = [label.text() for label in page.strong_layout.parentWidget().findChildren(QLabel)]
    assert any(text.startswith("Veiligheid en integriteit:") for text in weak)
    assert not any(text.startswith("Veiligheid en integriteit:") for text in strong)
