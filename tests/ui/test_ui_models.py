"""Every Qt model passes qtmodeltester with realistic rows."""

from __future__ import annotations

from datetime import date, datetime

from goedgeregeld.scoring import Variant, score_evaluation
from goedgeregeld.store.actions import WeakStatement
from goedgeregeld.store.comparison import ThemeChange
from goedgeregeld.store.records import ActionRecord, EvaluationRecord, OrganisationRecord
from goedgeregeld.ui.models.actions import ActionsModel, WeakStatementsModel
from goedgeregeld.ui.models.comparison import ComparisonModel
from goedgeregeld.ui.models.evaluations import EvaluationsModel
from goedgeregeld.ui.models.organisations import OrganisationsModel
from goedgeregeld.ui.models.results import ThemeResultsModel
from goedgeregeld.ui.models.themes import ThemeProgress, ThemeProgressModel

NOW = datetime(2026, 3, 1, 12, 0)


def _evaluation(
    evaluation_id: str,
    variant: str,
    status: str,
    completed_at: datetime | None,
    answered: int,
    required: int,
    total: float | None,
) -> EvaluationRecord:
    return EvaluationRecord(
        evaluation_id,
        "o",
        "gg",
        "2026.1",
        "h",
        variant,
        status,
        NOW,
        NOW,
        completed_at,
        None,
        answered,
        required,
        total,
    )


def test_evaluations_model(qtmodeltester) -> None:
    model = EvaluationsModel()
    model.set_rows(
        [
            _evaluation("a", "full", "draft", None, 10, 72, 55.5),
            _evaluation("b", "small", "completed", NOW, 32, 32, None),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "10 van 72 (14%)"
    assert model.data(model.index(0, 3)) == "55,5% (tot nu toe)"


def test_organisations_model(qtmodeltester) -> None:
    model = OrganisationsModel()
    model.set_rows(
        [OrganisationRecord(str(i), f"Club {i}", "Ede", None, 5, 0.0, NOW) for i in range(5)]
    )
    qtmodeltester.check(model)
    assert model.row_of("3") == 3


def test_theme_progress_model(qtmodeltester) -> None:
    model = ThemeProgressModel()
    model.set_rows(
        [ThemeProgress("visie", "Visie", 3, 3), ThemeProgress("werving", "Werving", 1, 4)]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)).startswith("✓")
    model.update(ThemeProgress("werving", "Werving", 4, 4))
    assert model.data(model.index(1, 0), ThemeProgressModel.DoneRole)


def test_results_and_comparison_models(qtmodeltester, edition) -> None:
    answers = {s: 1 for s in list(edition.statements_by_id)[:20]}
    result = score_evaluation(edition, answers, Variant.FULL)
    results = ThemeResultsModel()
    results.set_rows(result.themes)
    qtmodeltester.check(results)
    comparison = ComparisonModel()
    comparison.set_rows(
        [
            ThemeChange("visie", "Visie", 50.0, 66.7, 3, 16.7),
            ThemeChange("x", "X", None, 20.0, 2, None),
        ]
    )
    qtmodeltester.check(comparison)
    assert comparison.data(comparison.index(0, 3)) == "+16,7 procentpunten"


def test_action_models(qtmodeltester) -> None:
    weak = WeakStatementsModel()
    weak.set_rows([WeakStatement("werving.1", "Werving", "Wij werven.", 0, "Begin.")])
    qtmodeltester.check(weak)
    actions = ActionsModel()
    actions.set_rows(
        [
            ActionRecord(
                "1", "e", "werving.1", "Beleid schrijven", "Bestuur", date(2027, 1, 1), "open", 0
            )
        ]
    )
    qtmodeltester.check(actions)
    assert actions.data(actions.index(0, 3)) == "nog te doen"


def test_a_weak_statement_says_its_score_in_words() -> None:
    # Seen under Xvfb: "[0] Werving: ..." left a board member guessing what [0] meant.
    weak = WeakStatementsModel()
    weak.set_rows([WeakStatement("werving.1", "Werving", "Wij werven.", 1, "Begin.")])
    assert weak.data(weak.index(0, 0)) == "Nu 1 van 3 · Werving: Wij werven."


def test_statement_changes_name_the_sources_by_their_number_last_time(qtmodeltester) -> None:
    from PySide6.QtCore import Qt

    from goedgeregeld.domain import MappingKind
    from goedgeregeld.store.comparison import StatementChange
    from goedgeregeld.ui.models.comparison import StatementChangesModel

    split = StatementChange(
        "inspraak.7", "inspraak", 30, "Wij vragen om ideeën", MappingKind.SPLIT,
        ("inspraak.1",), (27,), (1,), 1.0, 3, 2.0,
    )  # fmt: skip
    merged = StatementChange(
        "begeleiding.1", "begeleiding", 10, "Vrijwilligers weten bij wie", MappingKind.MERGED,
        ("organisatie.1", "begeleiding.1"), (4, None), (1, None), 1.0, 2, 1.0,
    )  # fmt: skip
    model = StatementChangesModel()
    model.set_rows([split, merged])
    qtmodeltester.check(model)
    column = model.columnCount() - 1
    tips = [model.index(r, column).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert tips == [
        "gesplitst uit stelling 27 van vorige keer",
        "samengevoegd uit stelling 4 van vorige keer (gemiddelde)",
    ]
    assert not any("inspraak.1" in tip or "organisatie.1" in tip for tip in tips)
