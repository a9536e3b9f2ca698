"""Saving answers under the 2027.1 rules: an n.v.t. is kept, and blocks the mark where not allowed or without a reason."""

from __future__ import annotations

from goedgeregeld.domain import ReasonKind
from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.scoring import NOT_APPLICABLE
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import load_state, save_answer, save_note, start_evaluation
from goedgeregeld.store.organisations import create_organisation


def _evaluation(db: Database) -> str:
    org = create_organisation(db, "Sportclub", volunteers=35, paid_fte=0)
    return start_evaluation(db, org.id, find_edition()).id


def test_na_where_the_edition_does_not_allow_it_is_kept_but_blocks_the_mark(
    db: Database,
) -> None:
    evaluation = _evaluation(db)
    save_answer(db, evaluation, "veiligheid.1", NOT_APPLICABLE, "wij hebben geen code")
    state = load_state(db, evaluation)
    assert state.answers["veiligheid.1"].not_applicable
    assert state.answers["veiligheid.1"].note == "wij hebben geen code"
    kinds = {(r.kind, r.statement_id) for r in state.score().reasons}
    assert (ReasonKind.NOT_ALLOWED, "veiligheid.1") in kinds
    save_answer(db, evaluation, "veiligheid.1", 1)
    kinds = {(r.kind, r.statement_id) for r in load_state(db, evaluation).score().reasons}
    assert (ReasonKind.NOT_ALLOWED, "veiligheid.1") not in kinds


def test_na_without_reason_is_saved_but_stays_open_until_the_note(db: Database) -> None:
    evaluation = _evaluation(db)
    save_answer(db, evaluation, "veiligheid.2", NOT_APPLICABLE)
    state = load_state(db, evaluation)
    assert state.answers["veiligheid.2"].not_applicable
    kinds = {(r.kind, r.statement_id) for r in state.score().reasons}
    assert (ReasonKind.NO_REASON, "veiligheid.2") in kinds
    save_note(db, evaluation, "veiligheid.2", "Wij werken niet met kinderen of kwetsbare mensen.")
    kinds = {(r.kind, r.statement_id) for r in load_state(db, evaluation).score().reasons}
    assert (ReasonKind.NO_REASON, "veiligheid.2") not in kinds


def test_2026_still_takes_na_everywhere(db: Database, edition) -> None:
    org = create_organisation(db, "Oud", volunteers=35, paid_fte=0)
    evaluation = start_evaluation(db, org.id, edition).id
    save_answer(db, evaluation, "veiligheid.1", NOT_APPLICABLE)
    assert load_state(db, evaluation).answers["veiligheid.1"].not_applicable
