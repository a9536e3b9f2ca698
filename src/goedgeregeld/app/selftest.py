"""The Qt-free part of ``--self-test``: migrate, load editions, answer, build the report."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database

_T = TypeVar("_T")
Say = Callable[[str], None]
Check = Callable[[], str]
"""One step: does its work and returns what it found (one line), or raises."""

# A sample organisation large enough for the full questionnaire, so every statement counts.
_SAMPLE_VOLUNTEERS = 150
_SAMPLE_PAID_FTE = 4.0
_ANSWER_CYCLE = (3, 2, 3, 1)
_MIN_REPORT_BYTES = 5_000


@dataclass
class SelfTestState:
    """What one step leaves for the next: the data folder, the database, the evaluation."""

    folder: Path
    db: Database | None = None
    evaluation_id: str | None = None
    report_path: Path | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Release every database the steps opened."""
        for close in reversed(self.closers):
            close()
        self.closers.clear()


def migrate_databases(state: SelfTestState) -> str:
    """Create and migrate the installation's database and the NOV store."""
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.nov.store.database import open_nov_store
    from goedgeregeld.store.db.engine import current_revision, open_database

    path = database_path(state.folder)
    state.db = open_database(path)
    state.closers.append(state.db.close)
    nov = open_nov_store(state.folder)
    nov.close()
    return f"database op schema {current_revision(path)}, NOV-opslag bijgewerkt"


def load_editions(_state: SelfTestState) -> str:
    """Load and check every shipped questionnaire edition."""
    from goedgeregeld.questionnaire.catalog import shipped_editions

    editions = shipped_editions()
    if not editions:
        raise RuntimeError("geen vragenlijsten gevonden")
    names = ", ".join(
        f"{e.id} {e.version} ({len(e.statements_by_id)} stellingen)" for e in editions
    )
    return f"{len(editions)} vragenlijst(en): {names}"


def answer_sample(state: SelfTestState) -> str:
    """Create an organisation, answer every statement of the newest edition and complete it."""
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.store.evaluations import (
        complete_evaluation,
        load_state,
        save_answer,
        start_evaluation,
    )
    from goedgeregeld.store.organisations import create_organisation
    from goedgeregeld.words import format_percentage

    db = _require(state.db, "database")
    edition = find_edition()
    organisation = create_organisation(
        db,
        "Zelftest Vrijwilligerscentrum",
        city="Utrecht",
        province="Utrecht",
        volunteers=_SAMPLE_VOLUNTEERS,
        paid_fte=_SAMPLE_PAID_FTE,
    )
    evaluation = start_evaluation(db, organisation.id, edition)
    for index, statement_id in enumerate(edition.statements_by_id):
        save_answer(db, evaluation.id, statement_id, _ANSWER_CYCLE[index % len(_ANSWER_CYCLE)])
    complete_evaluation(db, evaluation.id)
    score = load_state(db, evaluation.id).score()
    state.evaluation_id = evaluation.id
    return (
        f"{len(edition.statements_by_id)} antwoorden opgeslagen, "
        f"totaalscore {format_percentage(score.total)}"
    )


def build_report(state: SelfTestState) -> str:
    """Build the PDF advice report of the sample evaluation."""
    from goedgeregeld.report.advice import write_advice_report

    db = _require(state.db, "database")
    evaluation_id = _require(state.evaluation_id, "zelfevaluatie")
    target = state.folder / "adviesrapport-zelftest.pdf"
    write_advice_report(db, evaluation_id, target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF-") or len(data) < _MIN_REPORT_BYTES:
        raise RuntimeError(f"het rapport is geen bruikbare PDF ({len(data)} bytes)")
    state.report_path = target
    return f"adviesrapport gemaakt ({len(data) // 1024} kB)"


def core_steps(state: SelfTestState) -> list[tuple[str, Check]]:
    """The steps that need no Qt, in order, bound to ``state``."""
    return [
        ("database bijwerken", lambda: migrate_databases(state)),
        ("vragenlijsten laden", lambda: load_editions(state)),
        ("voorbeeld-zelfevaluatie invullen", lambda: answer_sample(state)),
        ("adviesrapport maken", lambda: build_report(state)),
    ]


def run_steps(steps: Iterable[tuple[str, Check]], say: Say = print) -> bool:
    """Run each step, print ``goed``/``FOUT`` with what it found; stop at the first failure."""
    for name, check in steps:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # noqa: BLE001 - a self-test reports every failure, never raises
            say(f"FOUT {name}: {exc.__class__.__name__}: {exc}")
            return False
        say(f"goed {name} ({time.perf_counter() - started:.2f} s): {detail}")
    return True


def _require(value: _T | None, what: str) -> _T:
    if value is None:
        raise RuntimeError(f"geen {what}: een eerdere stap is niet gelukt")
    return value
