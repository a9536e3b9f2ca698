"""The assessor's background work: plain functions that open NOV's stores in the worker."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goedgeregeld.nov.assess.importing import AssessImportOutcome
    from goedgeregeld.nov.assess.register import RegisterRow
    from goedgeregeld.nov.assess.view import AssessmentView
    from goedgeregeld.nov.store.assessments import AssessmentRecord, IssuedMark
    from goedgeregeld.nov.store.database import NovStore
    from goedgeregeld.store.db.engine import Database


@dataclass(frozen=True)
class AssessorData:
    """What the screen lists: the assessments and the register."""

    assessments: list[AssessmentRecord]
    register: list[RegisterRow]


@contextmanager
def _stores(data_dir: Path) -> Iterator[tuple[NovStore, Database]]:
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.store.db.engine import open_database

    store = open_nov_store(data_dir)
    try:
        db = open_database(database_path(data_dir))
        try:
            yield store, db
        finally:
            db.close()
    finally:
        store.close()


def _data(store: NovStore, db: Database, data_dir: Path) -> AssessorData:
    from goedgeregeld.nov.assess.register import register_rows
    from goedgeregeld.nov.store.assessments import list_assessments

    return AssessorData(list_assessments(store), register_rows(store, db, data_dir))


def load(data_dir: Path) -> AssessorData:
    """The assessments and the register as they are now."""
    with _stores(data_dir) as (store, db):
        return _data(store, db, data_dir)


def load_view(data_dir: Path, evaluation_id: str) -> AssessmentView:
    """One evaluation and its review side by side."""
    from goedgeregeld.nov.assess.view import assessment_view
    from goedgeregeld.nov.store.assessments import load_assessment

    with _stores(data_dir) as (store, _db):
        return assessment_view(load_assessment(store, evaluation_id))


def import_package(
    data_dir: Path, paths: list[Path]
) -> tuple[list[AssessImportOutcome], AssessorData]:
    """Read the adviser's files; what each did, and the lists afterwards."""
    from goedgeregeld.nov.assess.importing import import_packages

    with _stores(data_dir) as (store, db):
        outcomes = import_packages(store, db, data_dir, paths)
        return outcomes, _data(store, db, data_dir)


def grant_to(
    data_dir: Path, evaluation_id: str, target: Path
) -> tuple[IssuedMark, Path, AssessorData]:
    """Grant the mark; write the certificate to ``target`` and its PDF beside it."""
    from goedgeregeld.nov.assess.grant import grant, write_certificate_file, write_mark_pdf

    pdf = target.with_suffix(".pdf")
    with _stores(data_dir) as (store, db):
        mark = grant(store, db, data_dir, evaluation_id).mark
        write_certificate_file(mark, target)
        write_mark_pdf(mark, pdf)
        return mark, pdf, _data(store, db, data_dir)


def refuse_with(data_dir: Path, evaluation_id: str, reason: str) -> AssessorData:
    """Record the refusal and its reason."""
    from goedgeregeld.nov.assess.grant import refuse

    with _stores(data_dir) as (store, db):
        refuse(store, evaluation_id, reason)
        return _data(store, db, data_dir)


def export_register(data_dir: Path, target: Path) -> Path:
    """The register as CSV."""
    from goedgeregeld.nov.assess.register import register_rows, write_register_csv

    with _stores(data_dir) as (store, db):
        return write_register_csv(register_rows(store, db, data_dir), target)
