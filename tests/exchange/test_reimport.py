"""Re-importing evaluation and review files: same file, newer file, older file."""

from __future__ import annotations

from pathlib import Path

from exchange_helpers import dump, filled_evaluation

from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_file, import_files
from goedgeregeld.exchange.outcome import ImportStatus
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import save_answer
from goedgeregeld.store.organisations import list_organisations
from goedgeregeld.store.reviews import load_review, set_statement_review


def test_same_file_twice_changes_nothing(
    adviser_db: Database, evaluation_file: tuple[Path, str, str]
) -> None:
    path = evaluation_file[0]
    assert import_file(adviser_db, path).status is ImportStatus.IMPORTED
    before = dump(adviser_db)
    again = import_file(adviser_db, path)
    assert again.status is ImportStatus.UNCHANGED and "niets veranderd" in again.message
    assert dump(adviser_db) == before
    assert len(list_organisations(adviser_db)) == 1


def test_newer_file_keeps_review_of_unchanged_statements_and_flags_changed(
    db: Database, adviser_db: Database, edition: Edition, tmp_path: Path
) -> None:
    evaluation_id, first = filled_evaluation(db, edition, tmp_path, complete=False)
    second = list(edition.statements_by_id)[1]
    old_file = export_evaluation(db, evaluation_id, tmp_path / "v1.ggeval")
    import_file(adviser_db, old_file)
    set_statement_review(adviser_db, evaluation_id, first, "lower", 1, "te hoog")
    set_statement_review(adviser_db, evaluation_id, second, "agree", comment="prima")

    save_answer(db, evaluation_id, first, 1, "aangepast na gesprek")
    new_file = export_evaluation(db, evaluation_id, tmp_path / "v2.ggeval")
    outcome = import_file(adviser_db, new_file)
    assert outcome.status is ImportStatus.UPDATED
    assert outcome.changed_statements == (first,)

    review = load_review(adviser_db, evaluation_id)
    assert review is not None
    assert review.statements[first].changed and review.statements[first].comment == "te hoog"
    assert not review.statements[second].changed
    assert review.statements[second].comment == "prima"
    assert review.changed_statements == [first]

    before = dump(adviser_db)
    assert import_file(adviser_db, old_file).status is ImportStatus.OLDER
    assert dump(adviser_db) == before


def test_review_file_twice_and_progress(
    db: Database, adviser_db: Database, evaluation_file: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, evaluation_id, first = evaluation_file
    import_file(adviser_db, path)
    set_statement_review(adviser_db, evaluation_id, first, "agree")
    review = export_review(adviser_db, evaluation_id, tmp_path / "r.ggreview")
    seen: list[tuple[int, int]] = []
    outcomes = import_files(
        db, [review, review], lambda done, total, _o: seen.append((done, total))
    )
    assert [o.status for o in outcomes] == [ImportStatus.IMPORTED, ImportStatus.UNCHANGED]
    assert seen == [(1, 2), (2, 2)]


def test_own_evaluation_file_is_not_imported_again(
    db: Database, evaluation_file: tuple[Path, str, str]
) -> None:
    before = dump(db)
    [outcome] = import_files(db, [evaluation_file[0]])
    assert outcome.status is ImportStatus.FAILED and "deze installatie zelf" in outcome.message
    assert dump(db) == before
