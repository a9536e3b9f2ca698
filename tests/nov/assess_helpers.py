"""A whole keurmerk chain in temporary folders: NOV, a certified adviser, an organisation.

Everything goes through the real command line and store use cases, as the programme runs:
NOV makes its key, certifies the adviser; the organisation fills in and exports; the adviser
reviews every statement, decides "ready" and exports the review with its certificate.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.reviews import set_statement_review
from goedgeregeld.trust.root import ROOT_ENV, use_trust_root


def run(folder: Path, *args: str) -> int:
    """The command line on one data folder."""
    return main(["--data-dir", str(folder), *args])


def output(folder: Path, *args: str) -> str:
    """What a successful command prints."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(folder, *args) == 0, args
    return out.getvalue().strip()


def rows(path: Path) -> list[str]:
    """Every row of an SQLite database, to compare before and after."""
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@dataclass
class Chain:
    """The folders and files of one run of the programme."""

    dir: Path
    nov: Path
    adviser: Path
    org: Path
    evaluation_id: str
    evaluation_file: Path
    review_file: Path

    def nov_rows(self) -> list[str]:
        """NOV's store (the assessments and the register) row by row."""
        return rows(self.nov / "nov.sqlite3")

    def org_rows(self) -> list[str]:
        """The organisation's database row by row."""
        return rows(database_path(self.org))

    def granted(self, name: str = "keurmerk.ggkeurmerk") -> Path:
        """Import the package at NOV and grant the mark; the certificate file."""
        target = self.dir / name
        assert run(self.nov, "nov", "assess", "import", str(self.review_file),
                   str(self.evaluation_file)) == 0  # fmt: skip
        assert run(self.nov, "nov", "assess", "grant", self.evaluation_id, "-o", str(target)) == 0
        return target


def fill_organisation(folder: Path, name: str = "Hospice De Linde") -> str:
    """An organisation whose completed evaluation reaches the mark (every answer a 3)."""
    db = open_database(database_path(folder))
    try:
        edition = find_edition()
        organisation = create_organisation(db, name, "Arnhem", "Gelderland", 60, 1)
        evaluation = start_evaluation(db, organisation.id, edition)
        for statement_id in evaluation_statements(db, evaluation.id):
            save_answer(db, evaluation.id, statement_id, 3, "zo geregeld")
        complete_evaluation(db, evaluation.id)
        return evaluation.id
    finally:
        db.close()


def evaluation_statements(db: Database, evaluation_id: str) -> list[str]:
    """The statements this evaluation asks (its variant)."""
    from goedgeregeld.scoring import all_required
    from goedgeregeld.store.evaluations import load_state

    state = load_state(db, evaluation_id)
    return [s.id for s in all_required(state.edition, state.variant)]


def review_everything(folder: Path, evaluation_id: str, decision: str = "ready") -> None:
    """The adviser agrees with every answered statement and decides."""
    db = open_database(database_path(folder))
    try:
        from goedgeregeld.store.evaluations import load_state

        state = load_state(db, evaluation_id)
        for statement_id, answer in state.answers.items():
            if answer.value is not None:
                set_statement_review(db, evaluation_id, statement_id, "agree")
    finally:
        db.close()
    assert run(folder, "review", "decide", evaluation_id, "--decision", decision) == 0


def make_chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Chain:
    """NOV, a certified adviser with a ready review, and the organisation's evaluation file."""
    use_trust_root(None)
    nov, adviser, org = tmp_path / "nov", tmp_path / "adv", tmp_path / "org"
    assert run(nov, "nov", "keys", "init") == 0
    assert run(nov, "nov", "keys", "public", "-o", str(tmp_path / "nov.pub")) == 0
    monkeypatch.setenv(ROOT_ENV, str(tmp_path / "nov.pub"))
    evaluation_id = fill_organisation(org)
    evaluation_file = tmp_path / "client.ggeval"
    assert run(org, "export", evaluation_id, "-o", str(evaluation_file)) == 0
    assert run(adviser, "adviser", "register", "--name", "Anna de Vries") == 0
    assert run(adviser, "adviser", "request", "-o", str(tmp_path / "anna.req")) == 0
    certificate = tmp_path / "anna.cert"
    assert run(nov, "nov", "certify", str(tmp_path / "anna.req"), "-o", str(certificate)) == 0
    assert run(adviser, "import", str(certificate)) == 0
    assert run(adviser, "import", str(evaluation_file)) == 0
    review_everything(adviser, evaluation_id)
    review_file = tmp_path / "anna.ggreview"
    assert run(adviser, "review", "export", evaluation_id, "-o", str(review_file)) == 0
    assert run(org, "import", str(review_file)) == 0
    return Chain(tmp_path, nov, adviser, org, evaluation_id, evaluation_file, review_file)
