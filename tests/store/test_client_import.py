"""Recording a client's evaluation: new, the same again, older, and one that is ours."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.client_import import ReceivedEvaluation, import_client_evaluation
from goedgeregeld.store.db.engine import Database, make_engine
from goedgeregeld.store.errors import ImportRefusedError
from goedgeregeld.store.evaluation_export import load_own_evaluation
from goedgeregeld.store.evaluations import get_evaluation, load_state, save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation, get_organisation
from goedgeregeld.store.records import ImportStatus


def _received(own_db: Database, evaluation_id: str, edition: Edition) -> ReceivedEvaluation:
    """What an evaluation file of ``evaluation_id`` carries, read straight from the store."""
    own = load_own_evaluation(own_db, evaluation_id)
    header = own.evaluation
    return ReceivedEvaluation(
        organisation=dataclasses.replace(own.organisation, origin="client"),
        evaluation_id=header.id,
        variant=header.variant,
        status=header.status,
        created_at=header.created_at,
        updated_at=header.updated_at,
        completed_at=header.completed_at,
        edition=edition,
        answers=own.answers,
        actions=own.actions,
        evidence=own.evidence,
        evidence_files={},
        file_digest="a" * 64,
        exported_at=header.updated_at,
    )


@pytest.fixture
def organisation_db(tmp_path: Path, db: Database) -> Iterator[Database]:
    """A second installation: the organisation's own database."""
    path = tmp_path / "organisation.sqlite3"
    path.write_bytes(db.path.read_bytes())
    database = Database(path, make_engine(path))
    yield database
    database.close()


def test_new_then_same_then_older_then_refused_as_own(
    db: Database, organisation_db: Database, edition: Edition
) -> None:
    organisation = create_organisation(organisation_db, "Sportclub", province="Drenthe")
    evaluation = start_evaluation(organisation_db, organisation.id, edition)
    first = next(iter(edition.statements_by_id))
    save_answer(organisation_db, evaluation.id, first, 2)
    received = _received(organisation_db, evaluation.id, edition)

    assert import_client_evaluation(db, received).status is ImportStatus.IMPORTED
    assert get_organisation(db, organisation.id).origin == "client"
    assert load_state(db, evaluation.id).answers[first].value == 2
    assert get_evaluation(db, evaluation.id).answered_count == 1

    assert import_client_evaluation(db, received).status is ImportStatus.UNCHANGED
    older = dataclasses.replace(
        received, file_digest="b" * 64, updated_at=received.updated_at - timedelta(days=1)
    )
    assert import_client_evaluation(db, older).status is ImportStatus.OLDER

    with pytest.raises(ImportRefusedError, match="van deze installatie zelf"):
        import_client_evaluation(organisation_db, received)
