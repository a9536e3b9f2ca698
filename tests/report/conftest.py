"""Report test fixtures: an evaluation filled in through the store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from report_helpers import HOSTILE_NAME

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import AnswerValue
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation

MakeEvaluation = Callable[..., str]


@pytest.fixture
def make_evaluation(db: Database, edition: Edition) -> MakeEvaluation:
    """Create an organisation and a completed evaluation; returns the evaluation id.

    ``value_for(index, statement_id)`` gives each answer (default: index % 4);
    ``notes`` maps statement ids to notes.
    """

    def make(
        name: str = HOSTILE_NAME,
        value_for: Callable[[int, str], AnswerValue] | None = None,
        notes: dict[str, str] | None = None,
        complete: bool = True,
    ) -> str:
        organisation = create_organisation(db, name, "Leeuwarden", "Friesland", 150, 3)
        evaluation = start_evaluation(db, organisation.id, edition)
        for index, statement_id in enumerate(edition.statements_by_id):
            value = value_for(index, statement_id) if value_for else index % 4
            save_answer(db, evaluation.id, statement_id, value, (notes or {}).get(statement_id))
        if complete:
            complete_evaluation(db, evaluation.id)
        return evaluation.id

    return make
