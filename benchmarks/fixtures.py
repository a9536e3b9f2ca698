"""Data the benchmarks build for themselves in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.base.paths import database_path


def complete_evaluation(data_dir: Path) -> str:
    """A completed evaluation with mixed answers and notes; returns its id."""
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.scoring import NOT_APPLICABLE
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import complete_evaluation as complete
    from goedgeregeld.store.evaluations import save_answer, start_evaluation
    from goedgeregeld.store.organisations import create_organisation

    edition = find_edition()
    db = open_database(database_path(data_dir))
    org = create_organisation(db, "Stichting Benchmark", "Utrecht", "Utrecht", 150, 3)
    evaluation = start_evaluation(db, org.id, edition).id
    for n, (statement, rules) in enumerate(edition.statements_by_id.items()):
        # n.v.t. only where the edition allows it (2027.1 refuses it on most statements).
        value = NOT_APPLICABLE if n % 17 == 5 and rules.na_allowed else n % 4
        save_answer(db, evaluation, statement, value, note=f"Toelichting bij {statement}.")
    complete(db, evaluation)
    db.close()
    return evaluation
