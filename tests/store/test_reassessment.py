"""Re-assessment: what is carried over, that it counts only once confirmed, and where it opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedgeregeld.base.paths import database_path
from goedgeregeld.domain import ActionStatus, ReasonKind
from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.scoring import score_evaluation
from goedgeregeld.store.actions import add_action, list_actions, update_action
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import (
    complete_evaluation,
    get_evaluation,
    load_state,
    save_answer,
    save_note,
    start_evaluation,
)
from goedgeregeld.store.evidence import attach_evidence, list_attachments
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.reassessment import attention_order, confirm_answers, start_from

NEW = find_edition(version="2027.1")


def _answer_all(db: Database, evaluation_id: str, value: int) -> None:
    for sid in load_state(db, evaluation_id).score().open_statements:
        save_answer(db, evaluation_id, sid, value)


def test_carry_over_from_2026_maps_splits_merges_and_new(db, edition, tmp_path: Path) -> None:
    org = create_organisation(db, "Club", volunteers=300, paid_fte=5)
    old = start_evaluation(db, org.id, edition)
    _answer_all(db, old.id, 2)
    save_answer(db, old.id, "inspraak.1", 1, note="Klachten via de voorzitter")
    save_answer(db, old.id, "organisatie.1", 3)
    save_answer(db, old.id, "begeleiding.1", 0)
    proof = tmp_path / "beleid.pdf"
    proof.write_bytes(b"%PDF-1.4 beleid")
    attach_evidence(db, old.id, "rechtspositie.2", proof)
    kept = add_action(db, old.id, "Verzekering nakijken", statement_id="rechtspositie.2")
    done = add_action(db, old.id, "Al gedaan")
    update_action(db, done.id, description="Al gedaan", owner="", deadline=None, status="done")
    complete_evaluation(db, old.id)

    new = start_from(db, org.id, NEW, old.id)
    state = load_state(db, new.id)
    assert state.evaluation.carried_from == old.id
    # A split takes its source's answer on each part, a merge the lowest of its sources.
    for part in ("inspraak.7", "inspraak.8"):
        assert state.answers[part].value == 1
        assert state.answers[part].note == "Klachten via de voorzitter"
        assert state.answers[part].carried_from == ("inspraak.1",)
    assert state.answers["begeleiding.1"].value == 0
    assert state.answers["begeleiding.1"].carried_from == ("organisatie.1", "begeleiding.1")
    assert "werving.7" not in state.answers  # new in 2027.1
    # Shown, but scored as open until confirmed: the score is that of an empty evaluation.
    assert state.to_confirm and "inspraak.7" in state.to_confirm
    empty, score = score_evaluation(NEW, {}, state.variant), state.score()
    assert (score.themes, score.total, score.answered) == (empty.themes, empty.total, 0)
    # The verdict names the answers waiting for a confirmation apart from the open ones.
    kinds = {reason.kind for reason in score.reasons}
    assert ReasonKind.TO_CONFIRM in kinds
    waiting = next(r for r in score.reasons if r.kind == ReasonKind.TO_CONFIRM)
    assert f"Nog {len(state.to_confirm)} overgenomen antwoorden niet bevestigd" in waiting.text
    assert not state.score().eligible and get_evaluation(db, new.id).answered_count == 0
    # Evidence links follow the mapping (both parts of the split); open actions come along.
    assert {a.statement_id for a in list_attachments(db, new.id)} == {
        "rechtspositie.7",
        "rechtspositie.8",
    }
    carried = list_actions(db, new.id)
    assert [(a.description, a.carried_from) for a in carried] == [(kept.description, old.id)]
    assert carried[0].statement_id == "rechtspositie.7" and carried[0].status == ActionStatus.OPEN


def test_confirming_and_answering_count_the_answer(db) -> None:
    org = create_organisation(db, "Club", volunteers=10, paid_fte=0)
    old = start_evaluation(db, org.id, NEW)
    _answer_all(db, old.id, 3)
    new = start_from(db, org.id, NEW, old.id)
    pending = load_state(db, new.id).to_confirm
    assert len(pending) == len(load_state(db, old.id).answers)
    first, second, *rest = pending
    assert confirm_answers(db, new.id, [first]) == [first]
    save_answer(db, new.id, second, 1)  # answering confirms too
    save_note(db, new.id, rest[0], "alleen een toelichting")  # a note alone does not
    state = load_state(db, new.id)
    assert state.to_confirm == rest
    assert state.answer_values() == {first: 3, second: 1}
    with pytest.raises(StoreError, match="niets te bevestigen"):
        confirm_answers(db, new.id, [first])
    assert confirm_answers(db, new.id) == rest
    state = load_state(db, new.id)
    assert not state.to_confirm and state.answer_values()[second] == 1
    notes = {sid: a.note for sid, a in state.answers.items()}
    assert state.score() == score_evaluation(NEW, state.answer_values(), state.variant, notes)
    assert state.score().eligible


def test_carried_answers_survive_a_restart(data_dir: Path) -> None:
    db = open_database(database_path(data_dir))
    org = create_organisation(db, "Club", volunteers=10, paid_fte=0)
    old = start_evaluation(db, org.id, NEW)
    _answer_all(db, old.id, 2)
    new = start_from(db, org.id, NEW, old.id)
    confirm_answers(db, new.id, load_state(db, new.id).to_confirm[:2])
    db.close()
    again = open_database(database_path(data_dir))
    state = load_state(again, new.id)
    assert len(state.answer_values()) == 2 and len(state.to_confirm) == len(state.answers) - 2
    again.close()


def test_another_organisations_evaluation_is_refused(db) -> None:
    one = create_organisation(db, "Een")
    two = create_organisation(db, "Twee")
    old = start_evaluation(db, one.id, NEW)
    with pytest.raises(StoreError, match="andere organisatie"):
        start_from(db, two.id, NEW, old.id)


def test_attention_first_failed_then_questioned_then_new(db, edition, data_dir: Path) -> None:
    org = create_organisation(db, "Club", volunteers=300, paid_fte=5)
    old = start_evaluation(db, org.id, edition)
    _answer_all(db, old.id, 3)
    save_answer(db, old.id, "waardering.2", 0)
    complete_evaluation(db, old.id)
    with sqlite3.connect(database_path(data_dir)) as raw:
        raw.execute(
            "INSERT INTO review (evaluation_id, origin, adviser_id, adviser_name, updated_at) "
            "VALUES (?, 'received', 'a', 'Adviseur', '2026-11-01 10:00:00.000000')",
            (old.id,),
        )
        raw.execute(
            "INSERT INTO statement_review (evaluation_id, statement_id, verdict, proposed_score, "
            "comment, changed, updated_at) VALUES (?, 'visie.3', 'lower', 2, 'Waar staat dat?', "
            "0, '2026-11-01 10:00:00.000000')",
            (old.id,),
        )
    new = start_from(db, org.id, NEW, old.id)
    order = attention_order(db, load_state(db, new.id))
    assert order[:2] == ["waardering.2", "visie.3"]
    assert order[2] == "werving.7"  # the first new statement
    assert set(order) >= set(load_state(db, new.id).to_confirm)
    assert attention_order(db, load_state(db, old.id)) == []


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_unconfirmed_carried_answer_changes_the_score(db, data) -> None:
    org = create_organisation(db, "Club", volunteers=10, paid_fte=0)
    old = start_evaluation(db, org.id, NEW)
    ids = list(load_state(db, old.id).score().open_statements)
    for sid in data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids))):
        value = data.draw(st.sampled_from([0, 1, 2, 3, "na"]))
        if value == "na" and not NEW.statements_by_id[sid].na_allowed:
            value = 0
        save_answer(db, old.id, sid, value, note="reden")
    new = start_from(db, org.id, NEW, old.id)
    pending = load_state(db, new.id).to_confirm
    confirmed = data.draw(st.lists(st.sampled_from(pending), unique=True)) if pending else []
    if confirmed:
        confirm_answers(db, new.id, confirmed)
    state = load_state(db, new.id)
    counted = {sid: state.answers[sid].answer_value for sid in confirmed}
    notes = {sid: a.note for sid, a in state.answers.items()}
    waiting = state.to_confirm
    expected = score_evaluation(NEW, counted, state.variant, notes, waiting)  # type: ignore[arg-type]
    assert state.score() == expected
    # Apart from naming them, the waiting answers change nothing: the same scores and rules.
    plain = score_evaluation(NEW, counted, state.variant, notes)  # type: ignore[arg-type]
    assert (expected.themes, expected.total, expected.eligible) == (
        plain.themes,
        plain.total,
        plain.eligible,
    )
    assert get_evaluation(db, new.id).answered_count == state.score().answered


def test_answers_of_the_previous_schema_come_through_confirmed(tmp_path: Path) -> None:
    fixture = Path(__file__).parents[1] / "data" / "schema" / "0003.sqlite3"
    path = tmp_path / "goedgeregeld.sqlite3"
    path.write_bytes(fixture.read_bytes())
    db = open_database(path)
    try:
        from goedgeregeld.store.evaluations import list_evaluations

        for evaluation in list_evaluations(db):
            state = load_state(db, evaluation.id)
            assert evaluation.carried_from is None and state.to_confirm == []
            assert all(a.confirmed and not a.carried_from for a in state.answers.values())
            assert state.score().answered == evaluation.answered_count
    finally:
        db.close()
