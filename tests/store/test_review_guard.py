"""The guarded decision: "klaar voor keurmerk" only when the review carries it, or with a reason."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.exchange.chain_helpers import certify_adviser
from tests.exchange.exchange_helpers import dump, filled_evaluation

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import all_required
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.clients import list_clients
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.reviews import decide, load_readiness, load_review, set_statement_review


@pytest.fixture
def client(tmp_path: Path, template_database: Path, edition: Edition, db: Database):
    """(organisation folder, evaluation id): all 72 statements answered 2, imported into ``db``."""
    org = tmp_path / "org"
    org.mkdir()
    shutil.copyfile(template_database, database_path(org))
    other = open_database(database_path(org))
    try:
        evaluation_id, _first = filled_evaluation(other, edition, tmp_path)
        file = export_evaluation(other, evaluation_id, tmp_path / "klant.ggeval")
    finally:
        other.close()
    register_adviser(db, "Anna de Vries", "Gelderland")
    assert import_file(db, file).ok
    return org, evaluation_id


def _agree_all(db: Database, evaluation_id: str, edition: Edition) -> list[str]:
    ids = [s.id for s in all_required(edition, load_readiness(db, evaluation_id).score.variant)]
    for statement_id in ids:
        set_statement_review(db, evaluation_id, statement_id, "agree")
    return ids


def test_ready_needs_every_statement_reviewed(db: Database, client) -> None:
    _org, evaluation_id = client
    before = dump(db)
    with pytest.raises(StoreError, match="72 stellingen nog zonder oordeel") as refused:
        decide(db, evaluation_id, "ready")
    assert "reden" in str(refused.value)
    assert dump(db) == before


def test_ready_follows_from_a_full_review(db: Database, client, edition: Edition) -> None:
    _org, evaluation_id = client
    _agree_all(db, evaluation_id, edition)
    readiness = load_readiness(db, evaluation_id)
    # All answers are 2: social safety (minimum 75%) is below; "hoger" verdicts lift it.
    below = [t for t in edition.themes if t.title in readiness.themes_below]
    assert below and not readiness.ready
    with pytest.raises(StoreError, match="punten tekort"):
        decide(db, evaluation_id, "ready")
    lifted = [s for theme in below for s in theme.statements]
    for statement in lifted:
        set_statement_review(db, evaluation_id, statement.id, "higher", 3, "ruim geregeld")
    readiness = load_readiness(db, evaluation_id)
    assert readiness.ready and readiness.reasons() == []
    assert f"0 lager, {len(lifted)} hoger" in readiness.summary()
    assert readiness.score.total > readiness.own_total
    decide(db, evaluation_id, "ready")
    review = load_review(db, evaluation_id)
    assert review is not None and review.decision is not None and review.decision_reason is None


def test_lower_verdicts_count_with_their_proposed_score(
    db: Database, client, edition: Edition
) -> None:
    _org, evaluation_id = client
    ids = _agree_all(db, evaluation_id, edition)
    theme = edition.themes[0]
    for statement in theme.statements:
        set_statement_review(db, evaluation_id, statement.id, "lower", 0, "niet aangetoond")
    readiness = load_readiness(db, evaluation_id)
    assert not readiness.ready and readiness.lower == len(theme.statements)
    assert readiness.themes_below[0] == theme.title  # besides the two already below 75%
    assert readiness.score.total < readiness.own_total
    assert theme.title in readiness.summary()
    with pytest.raises(StoreError, match=theme.title):
        decide(db, evaluation_id, "ready")
    assert len(ids) == 72


def test_against_the_guard_with_a_reason_that_travels(
    db: Database, client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, evaluation_id = client
    # A certified adviser: a decision (and its reason) counts only from one (issue 16).
    certify_adviser(db.path.parent, tmp_path, monkeypatch)
    decide(db, evaluation_id, "ready", reason="Ter plekke alles gezien; formulier volgt.")
    file = export_review(db, evaluation_id, tmp_path / "r.ggreview")
    [row] = list_clients(db)
    assert row.review_sent_at is not None
    other = open_database(database_path(org))
    try:
        assert import_file(other, file).ok
        received = load_review(other, evaluation_id)
    finally:
        other.close()
    assert received is not None
    assert received.decision_reason == "Ter plekke alles gezien; formulier volgt."


def test_a_deadline_in_the_past_is_refused(db: Database, client) -> None:
    _org, evaluation_id = client
    before = dump(db)
    yesterday = date.today() - timedelta(days=1)
    with pytest.raises(StoreError, match="in het verleden"):
        decide(db, evaluation_id, "conditions", [("VOG regelen", yesterday)])
    assert dump(db) == before
    decide(db, evaluation_id, "conditions", [("VOG regelen", date.today())])
    [row] = list_clients(db)
    assert row.next_deadline == date.today()


def test_cli_refuses_with_exit_1_in_dutch(data_dir: Path, db: Database, client, capsys) -> None:
    _org, evaluation_id = client
    db.close()
    base = ["--data-dir", str(data_dir), "review", "decide", evaluation_id]
    assert main([*base, "--decision", "ready"]) == 1
    err = capsys.readouterr().err
    assert "nog zonder oordeel" in err and "Traceback" not in err
    assert main([*base, "--decision", "ready", "--reason", "Alles ter plekke gezien."]) == 0
    assert main(["--data-dir", str(data_dir), "review", "show", evaluation_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["decision_reason"] == "Alles ter plekke gezien."
    past = (date.today() - timedelta(days=3)).isoformat()
    code = main([*base, "--decision", "conditions", "--condition", "VOG", "--deadline", past])
    assert code == 1 and "in het verleden" in capsys.readouterr().err


def test_reviews_of_an_older_schema_have_no_reason_and_were_not_sent(tmp_path: Path) -> None:
    fixture = sorted((Path(__file__).parents[1] / "data" / "schema").glob("*.sqlite3"))[-1]
    path = tmp_path / "goedgeregeld.sqlite3"
    shutil.copyfile(fixture, path)
    db = open_database(path)
    try:
        reviews = [r for r in (load_review(db, c.evaluation_id) for c in list_clients(db)) if r]
        assert reviews and all(r.decision_reason is None and r.sent_at is None for r in reviews)
        assert all(c.review_sent_at is None for c in list_clients(db))
    finally:
        db.close()
