"""Evaluation use cases: answers, notes, variants, completion and the cached summary."""

from __future__ import annotations

import pytest

from goedgeregeld.scoring import NOT_APPLICABLE
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError
from goedgeregeld.store.evaluations import (
    complete_evaluation,
    get_evaluation,
    list_evaluations,
    load_state,
    save_answer,
    save_note,
    start_evaluation,
)
from goedgeregeld.store.installation import installation_id
from goedgeregeld.store.organisations import create_organisation, get_organisation


def test_installation_id_is_made_once(db: Database) -> None:
    first = installation_id(db)
    assert installation_id(db) == first and len(first) == 36


def test_organisation_profile_is_cleaned_and_checked(db: Database) -> None:
    org = create_organisation(db, "  Stichting   De Brug ", "Zwolle", "overijssel", 40, 0.5)
    assert org.name == "Stichting De Brug" and org.province == "Overijssel"
    assert get_organisation(db, org.id) == org
    with pytest.raises(StoreError, match="provincie"):
        create_organisation(db, "X", province="Vlaanderen")
    with pytest.raises(StoreError, match="leeg"):
        create_organisation(db, "   ")


def test_small_organisation_gets_core_statements_only(db: Database, edition) -> None:
    small = start_evaluation(
        db, create_organisation(db, "Klein", volunteers=20, paid_fte=0).id, edition
    )
    large = start_evaluation(
        db, create_organisation(db, "Groot", volunteers=300, paid_fte=5).id, edition
    )
    assert small.variant == "small" and large.variant == "full"
    assert small.required_count < large.required_count
    assert small.required_count == sum(1 for s in edition.statements_by_id.values() if s.core)


def test_answers_update_the_summary_and_keep_notes(db: Database, edition) -> None:
    org = create_organisation(db, "Club", volunteers=150, paid_fte=3)
    evaluation = start_evaluation(db, org.id, edition)
    save_note(db, evaluation.id, "visie.1", "Eerst een notitie")
    state = load_state(db, evaluation.id)
    assert not state.answers["visie.1"].is_answered
    assert state.score().answered == 0
    save_answer(db, evaluation.id, "visie.1", 3)
    saved = save_answer(db, evaluation.id, "visie.2", NOT_APPLICABLE, note="Geen beleid nodig")
    assert saved.not_applicable and saved.value is None
    state = load_state(db, evaluation.id)
    assert state.answers["visie.1"].note == "Eerst een notitie"
    assert state.answers["visie.1"].value == 3
    header = get_evaluation(db, evaluation.id)
    assert header.answered_count == 2 and header.total_score == 100
    assert header.last_statement_id == "visie.2"
    assert [e.id for e in list_evaluations(db, org.id)] == [evaluation.id]


def test_bad_answers_are_refused(db: Database, edition) -> None:
    evaluation = start_evaluation(db, create_organisation(db, "Club").id, edition)
    with pytest.raises(StoreError, match="ongeldig antwoord"):
        save_answer(db, evaluation.id, "visie.1", 7)
    with pytest.raises(StoreError):
        save_answer(db, evaluation.id, "visie.1", True)
    with pytest.raises(NotFoundError, match="stelling"):
        save_answer(db, evaluation.id, "bestaat.1", 1)
    with pytest.raises(NotFoundError, match="zelfevaluatie"):
        save_answer(db, "nope", "visie.1", 1)
    with pytest.raises(NotFoundError):
        start_evaluation(db, "nope", edition)


def test_complete_needs_every_required_answer_then_locks(db: Database, edition) -> None:
    evaluation = start_evaluation(
        db, create_organisation(db, "Klein", volunteers=5, paid_fte=0).id, edition
    )
    with pytest.raises(StoreError, match="stellingen open"):
        complete_evaluation(db, evaluation.id)
    for statement in edition.statements_by_id.values():
        if statement.core:
            save_answer(db, evaluation.id, statement.id, 2)
    done = complete_evaluation(db, evaluation.id)
    assert done.is_completed and done.completed_at is not None
    with pytest.raises(StoreError, match="afgerond"):
        save_answer(db, evaluation.id, "visie.1", 3)


def test_edition_snapshot_survives_a_changed_questionnaire(db: Database, edition) -> None:
    evaluation = start_evaluation(db, create_organisation(db, "Club").id, edition)
    state = load_state(db, evaluation.id)
    assert state.edition == edition
    assert state.evaluation.edition_hash == edition.content_hash


def test_a_client_evaluation_cannot_be_answered_by_the_adviser(db: Database, edition) -> None:
    evaluation = start_evaluation(db, create_organisation(db, "Klant").id, edition)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE organisation SET origin = 'client'")
    with pytest.raises(StoreError, match="klant"):
        save_answer(db, evaluation.id, "visie.1", 3)
    with pytest.raises(StoreError, match="klant"):
        save_note(db, evaluation.id, "visie.1", "niet van mij")
