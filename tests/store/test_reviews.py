"""The adviser's review rules: verdicts, decisions with conditions, quality mark dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.advisers import list_quality_marks, register_adviser
from goedgeregeld.store.clients import list_clients, quality_mark_reminders
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.review_records import QualityMark
from goedgeregeld.store.reviews import (
    decide,
    load_review,
    record_quality_mark,
    set_statement_review,
)


@pytest.fixture
def client_evaluation(db: Database, edition: Edition, tmp_path: Path) -> tuple[str, str]:
    """This db plays both parts: a file from a fresh organisation database is imported into it."""
    from goedgeregeld.store.db.engine import make_engine

    other_path = tmp_path / "org.sqlite3"
    other_path.write_bytes(db.path.read_bytes())
    other = Database(other_path, make_engine(other_path))
    organisation = create_organisation(other, "Sportclub", province="Drenthe")
    evaluation = start_evaluation(other, organisation.id, edition)
    first = next(iter(edition.statements_by_id))
    save_answer(other, evaluation.id, first, 2)
    file = export_evaluation(other, evaluation.id, tmp_path / "c.ggeval")
    other.close()
    register_adviser(db, "Adviseur", "Drenthe")
    import_file(db, file)
    return evaluation.id, first


def test_verdict_must_fit_the_own_score(db: Database, client_evaluation: tuple[str, str]) -> None:
    evaluation_id, first = client_evaluation
    with pytest.raises(StoreError, match="onder de eigen score"):
        set_statement_review(db, evaluation_id, first, "lower", 3)
    with pytest.raises(StoreError, match="voorgestelde score"):
        set_statement_review(db, evaluation_id, first, "higher")
    with pytest.raises(StoreError, match="geen voorgestelde score"):
        set_statement_review(db, evaluation_id, first, "agree", 2)
    set_statement_review(db, evaluation_id, first, "higher", 3, "meer dan goed")
    review = load_review(db, evaluation_id)
    assert review is not None and review.statements[first].proposed_score == 3


def test_conditions_need_deadlines_and_mark_needs_a_positive_decision(
    db: Database, client_evaluation: tuple[str, str]
) -> None:
    evaluation_id, _first = client_evaluation
    with pytest.raises(StoreError, match="minstens één voorwaarde"):
        decide(db, evaluation_id, "conditions")
    decide(db, evaluation_id, "not-yet")
    with pytest.raises(StoreError, match="besluit"):
        record_quality_mark(db, evaluation_id, date(2026, 3, 1))
    # Nothing is reviewed: "ready" needs a written reason since the guarded decision.
    decide(db, evaluation_id, "ready", reason="Ter plekke beoordeeld")
    record_quality_mark(db, evaluation_id, date(2026, 3, 1))
    assert list_quality_marks(db) == [(evaluation_id, date(2026, 3, 1))]
    [row] = list_clients(db)
    assert row.mark_reminder(date(2029, 2, 28)) is False
    assert row.mark_reminder(date(2029, 3, 1)) is True
    assert [e for e, _m in quality_mark_reminders(db, date(2029, 6, 1))] == [evaluation_id]


def test_quality_mark_expires_after_four_years() -> None:
    mark = QualityMark(date(2024, 2, 29))
    assert mark.expires_on == date(2028, 2, 29)
    assert mark.remind_from == date(2027, 2, 28)
    assert not mark.is_expired(date(2028, 2, 29)) and mark.is_expired(date(2028, 3, 1))


def test_own_evaluations_cannot_be_reviewed(db: Database, edition: Edition) -> None:
    register_adviser(db, "Adviseur")
    organisation = create_organisation(db, "Eigen")
    evaluation = start_evaluation(db, organisation.id, edition)
    with pytest.raises(StoreError, match="klanten"):
        set_statement_review(db, evaluation.id, next(iter(edition.statements_by_id)), "agree")
