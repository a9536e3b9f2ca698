"""Several respondents: their own answers, the merged view, and the consensus rule."""

from __future__ import annotations

import pytest

from goedgeregeld.domain import RespondentRole
from goedgeregeld.questionnaire.model import DisagreementRule
from goedgeregeld.scoring import NOT_APPLICABLE, Variant, all_required
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError
from goedgeregeld.store.evaluations import complete_evaluation, get_evaluation, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.respondents import (
    add_respondent,
    agree,
    list_respondents,
    merged_view,
    remove_respondent,
    save_respondent_answer,
)


@pytest.fixture
def evaluation(db: Database, edition):
    org = create_organisation(db, "Buurthuis De Linde", volunteers=30, paid_fte=0)
    return start_evaluation(db, org.id, edition)


def _asked(edition) -> list[str]:
    return [s.id for s in all_required(edition, Variant.SMALL)]


def test_merged_view_flags_disagreement_and_sorts_it_first(db, edition, evaluation) -> None:
    chair = add_respondent(db, evaluation.id, "Voorzitter", RespondentRole.BOARD)
    floor = add_respondent(db, evaluation.id, "Vrijwilliger", RespondentRole.VOLUNTEER)
    asked = _asked(edition)
    for sid in asked:
        save_respondent_answer(db, chair.id, sid, 2)
        save_respondent_answer(db, floor.id, sid, 2)
    last, na_one = asked[-1], asked[-2]
    save_respondent_answer(db, chair.id, last, 3, note="Alles is geregeld")
    save_respondent_answer(db, floor.id, last, 0, note="Nooit van gehoord")
    save_respondent_answer(db, floor.id, na_one, NOT_APPLICABLE, note="Niet bij ons")
    view = merged_view(db, evaluation.id)
    first, second = view.statements[:2]
    assert (first.id, first.spread, first.flagged) == (last, 3, True)
    assert first.notes == {chair.id: "Alles is geregeld", floor.id: "Nooit van gehoord"}
    # n.v.t. against a score is a disagreement too under the default rule.
    assert (second.id, second.spread, second.flagged) == (na_one, 0, True)
    assert [s.id for s in view.flagged] == [last, na_one]
    assert not any(s.flagged for s in view.statements[2:])
    theme = next(t for t in view.themes if t.id == edition.theme_of[last].id)
    assert theme.high is not None and theme.low is not None and theme.high > theme.low
    assert theme.most_positive == (chair.id,)


def test_a_spread_of_one_is_no_disagreement(db, edition, evaluation) -> None:
    a = add_respondent(db, evaluation.id, "A", RespondentRole.COORDINATOR)
    b = add_respondent(db, evaluation.id, "B", RespondentRole.PROFESSIONAL)
    sid = _asked(edition)[0]
    save_respondent_answer(db, a.id, sid, 1)
    save_respondent_answer(db, b.id, sid, 2)
    entry = next(s for s in merged_view(db, evaluation.id).statements if s.id == sid)
    assert (entry.spread, entry.flagged) == (1, False)


def test_the_rule_is_data_in_the_edition(db, edition) -> None:
    strict = edition.model_copy(
        update={
            "disagreement": DisagreementRule(spread_at_least=3, not_applicable_against_score=False)
        }
    )
    assert strict.disagreement_rule.spread_at_least == 3
    # The default rule leaves the canonical JSON (and so every stored hash) as it was.
    assert "disagreement" not in edition.canonical_json()
    assert '"disagreement"' in strict.canonical_json()
    from goedgeregeld.store.merge import is_flagged

    assert is_flagged(edition.disagreement_rule, [0, 2])
    assert not is_flagged(strict.disagreement_rule, [0, 2])
    assert not is_flagged(strict.disagreement_rule, ["na", 2])


def test_respondent_answers_do_not_score_only_agreed_ones_do(db, edition, evaluation) -> None:
    people = [add_respondent(db, evaluation.id, name, RespondentRole.VOLUNTEER) for name in "ABC"]
    asked = _asked(edition)
    for person in people:
        for sid in asked:
            save_respondent_answer(db, person.id, sid, 3)
    assert get_evaluation(db, evaluation.id).total_score is None
    with pytest.raises(StoreError, match="afgesproken"):
        complete_evaluation(db, evaluation.id)
    for sid in asked[:-1]:
        agree(db, evaluation.id, sid, 1)
    with pytest.raises(StoreError, match="nog 1 stelling zonder afgesproken antwoord"):
        complete_evaluation(db, evaluation.id)
    agree(db, evaluation.id, asked[-1], 1, note="Samen besproken")
    done = complete_evaluation(db, evaluation.id)
    assert done.is_completed and done.total_score == pytest.approx(33.3, abs=0.1)
    view = merged_view(db, evaluation.id)
    assert all(s.agreed == 1 for s in view.statements) and not view.open_to_agree
    assert next(s for s in view.statements if s.id == asked[-1]).agreed_note == "Samen besproken"
    with pytest.raises(StoreError, match="afgerond"):
        save_respondent_answer(db, people[0].id, asked[0], 2)


def test_a_removed_respondent_stays_visible(db, edition, evaluation) -> None:
    a = add_respondent(db, evaluation.id, "Oud-lid", RespondentRole.BOARD)
    b = add_respondent(db, evaluation.id, "Lid", RespondentRole.BOARD)
    sid = _asked(edition)[0]
    save_respondent_answer(db, a.id, sid, 0)
    save_respondent_answer(db, b.id, sid, 3)
    remove_respondent(db, a.id)
    people = list_respondents(db, evaluation.id)
    assert [(p.name, p.removed) for p in people] == [("Oud-lid", True), ("Lid", False)]
    entry = next(s for s in merged_view(db, evaluation.id).statements if s.id == sid)
    assert entry.scores == {a.id: 0, b.id: 3} and entry.flagged
    with pytest.raises(StoreError, match="verwijderd"):
        save_respondent_answer(db, a.id, sid, 1)


def test_bad_input_is_refused(db, edition, evaluation) -> None:
    person = add_respondent(db, evaluation.id, "A", RespondentRole.BOARD)
    not_core = next(s.id for s in edition.statements_by_id.values() if not s.core)
    with pytest.raises(NotFoundError, match="stelling"):
        save_respondent_answer(db, person.id, not_core, 2)
    with pytest.raises(NotFoundError, match="stelling"):
        agree(db, evaluation.id, not_core, 2)
    with pytest.raises(StoreError, match="ongeldig antwoord"):
        save_respondent_answer(db, person.id, _asked(edition)[0], 4)
    with pytest.raises(NotFoundError, match="respondent"):
        save_respondent_answer(db, "nobody", _asked(edition)[0], 2)
    with pytest.raises(StoreError, match="leeg"):
        add_respondent(db, evaluation.id, "  ", RespondentRole.BOARD)
