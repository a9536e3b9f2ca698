"""Review speed: key presses for a full review of a 72-statement client (target <= 110)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.table import Row

KEY_TARGET = 110
OWN_SCORE = 2


def prepare_review(folder: Path) -> tuple[Path, str]:
    """An adviser's data folder holding one imported client evaluation of 72 statements."""
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.exchange.evaluation.file import export_evaluation
    from goedgeregeld.exchange.importer import import_files
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.store.advisers import register_adviser
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
    from goedgeregeld.store.organisations import create_organisation
    from goedgeregeld.ui.core.settings import AppSettings, Role

    edition = find_edition("goed-geregeld", "2026.1")
    org_db = open_database(database_path(folder / "organisatie"))
    try:
        organisation = create_organisation(
            db=org_db,
            name="Stichting Toetsenbord",
            city="Zwolle",
            province="Overijssel",
            volunteers=150,
            paid_fte=3,
        )
        evaluation = start_evaluation(org_db, organisation.id, edition)
        for statement_id in edition.statements_by_id:
            save_answer(org_db, evaluation.id, statement_id, OWN_SCORE, note="Zie bijlage.")
        complete_evaluation(org_db, evaluation.id)
        file = export_evaluation(org_db, evaluation.id, folder / "klant.ggeval")
    finally:
        org_db.close()
    data_dir = folder / "adviseur"
    db = open_database(database_path(data_dir))
    try:
        register_adviser(db, "Bench Adviseur", "Overijssel")
        outcomes = import_files(db, [file])
        if not all(o.ok for o in outcomes):
            raise RuntimeError(f"import failed: {[o.message for o in outcomes]}")
    finally:
        db.close()
    settings = AppSettings.in_folder(data_dir)
    settings.role, settings.welcome_done = Role.ADVISER, True
    settings.sync()
    return data_dir, evaluation.id


def _check_review(data_dir: Path, evaluation_id: str, words: dict[tuple[int, int], str]) -> str:
    """What the database holds after the run, or an empty string when it is exactly right."""
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import load_state
    from goedgeregeld.store.reviews import load_review

    db = open_database(database_path(data_dir))
    try:
        state, review = load_state(db, evaluation_id), load_review(db, evaluation_id)
    finally:
        db.close()
    expected = {}
    for t, theme in enumerate(state.edition.themes, start=1):
        for p, statement in enumerate(theme.statements, start=1):
            word = words.get((t, p))
            expected[statement.id] = ("lower", OWN_SCORE - 1, word) if word else ("agree", None, "")
    got = {
        s: (r.verdict.value, r.proposed_score, r.comment)
        for s, r in (review.statements.items() if review else ())
    }
    wrong = [s for s in expected if got.get(s) != expected[s]]
    return f"{len(wrong)} statements not as typed (first: {wrong[:1]})" if wrong else ""


def _run(data_dir: Path, evaluation_id: str, strategy: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.review_child", str(data_dir), evaluation_id, strategy],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=True,
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    return int(lines["keys"])


def measure_review_keys(folder: Path, quick: bool) -> list[Row]:
    """Key presses for 66 "eens" and 6 "lager" with a one-word comment; checked in the database."""
    from benchmarks.review_child import LOWERED

    rows = []
    for strategy, name, goal in (
        ("rest", "review keys: 72 statements, 66 eens + 6 lager", f"<= {KEY_TARGET} key presses"),
        ("every", "review keys: the same, Enter on every statement", "info"),
    ):
        data_dir, evaluation_id = prepare_review(folder / strategy)
        keys = _run(data_dir, evaluation_id, strategy)
        problem = _check_review(data_dir, evaluation_id, LOWERED)
        if problem:
            raise RuntimeError(f"the review was not stored as typed: {problem}")
        passed = keys <= KEY_TARGET if goal != "info" else True
        rows.append(
            Row(name, keys, None, "keys", goal, passed, "python -m benchmarks --only review")
        )
    return rows
