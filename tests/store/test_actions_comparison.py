"""Action plan, comparison with the previous evaluation, home overview and the sample."""

from __future__ import annotations

from datetime import date

import pytest

from goedgeregeld.base.paths import sample_database_path
from goedgeregeld.store.actions import (
    add_action,
    create_actions_for,
    delete_action,
    list_actions,
    update_action,
    weakest_statements,
)
from goedgeregeld.store.comparison import compare_with_previous
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import load_state, save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.overview import home_overview
from goedgeregeld.store.sample import SAMPLE_NAME, ensure_sample_database


def test_actions_from_weakest_statements_are_stored_and_edited(db, edition) -> None:
    organisation = create_organisation(db, "Club", volunteers=300, paid_fte=5)
    evaluation = start_evaluation(db, organisation.id, edition)
    ids = list(edition.statements_by_id)
    for statement_id, value in zip(ids[:4], (3, 0, 2, "na"), strict=True):
        save_answer(db, evaluation.id, statement_id, value)
    weak = weakest_statements(load_state(db, evaluation.id))
    assert [w.statement_id for w in weak] == [ids[1], ids[2]]
    created = create_actions_for(db, evaluation.id, [ids[1], ids[1]])
    assert len(created) == 1 and created[0].description == edition.statements_by_id[ids[1]].advice
    extra = add_action(db, evaluation.id, "Vertrouwenspersoon zoeken")
    changed = update_action(
        db, extra.id, description="VCP", owner="Bestuur", deadline=date(2027, 1, 1), status="done"
    )
    assert (changed.owner, changed.status) == ("Bestuur", "done")
    assert [a.description for a in list_actions(db, evaluation.id)][1] == "VCP"
    with pytest.raises(StoreError):
        update_action(db, extra.id, description=" ", owner="", deadline=None, status="open")
    delete_action(db, extra.id)
    assert len(list_actions(db, evaluation.id)) == 1


def test_comparison_with_previous_evaluation(db, edition) -> None:
    organisation = create_organisation(db, "Club", volunteers=300, paid_fte=5)
    first = start_evaluation(db, organisation.id, edition)
    theme = edition.themes[0]
    for statement in theme.statements:
        save_answer(db, first.id, statement.id, 1)
    assert compare_with_previous(db, first.id) is None
    second = start_evaluation(db, organisation.id, edition)
    for statement in theme.statements:
        save_answer(db, second.id, statement.id, 2)
    comparison = compare_with_previous(db, second.id)
    assert comparison is not None and comparison.previous_id == first.id
    change = comparison.themes[0]
    assert (change.previous, change.current, change.change) == (33.3, 66.7, 33.3)
    assert comparison.themes[1].change is None


def test_home_overview_reads_without_the_questionnaire(db, edition) -> None:
    a = create_organisation(db, "Beta")
    b = create_organisation(db, "Alfa")
    start_evaluation(db, a.id, edition)
    overview = home_overview(db, a.id)
    assert [o.name for o in overview.organisations] == ["Alfa", "Beta"]
    assert overview.current is not None and overview.current.id == a.id
    assert len(overview.evaluations) == 1 and overview.evaluations[0].required_count == 72
    assert home_overview(db, "unknown").current.id == b.id


def test_sample_lives_in_its_own_file(data_dir, edition) -> None:
    sample = ensure_sample_database(sample_database_path(data_dir), edition)
    overview = home_overview(sample)
    assert overview.current is not None and overview.current.name == SAMPLE_NAME
    assert {e.status for e in overview.evaluations} == {"draft", "completed"}
    draft = next(e for e in overview.evaluations if e.status == "draft")
    assert 0 < draft.answered_count < draft.required_count
    sample.close()
    again = ensure_sample_database(sample_database_path(data_dir), edition)
    assert len(home_overview(again).organisations) == 1
    again.close()
