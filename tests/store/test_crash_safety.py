"""Answers acknowledged after commit survive SIGKILL; the check catches an early-ack writer."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.evaluations import load_state, start_evaluation
from goedgeregeld.store.organisations import create_organisation

WRITER = Path(__file__).with_name("answer_writer.py")


def _kill_rounds(path: Path, evaluation_id: str, rounds: int, early: bool) -> tuple[int, int]:
    """Kill the writer at random moments; return (acknowledged, lost)."""
    rng = random.Random(20261127)
    acknowledged = lost = 0
    next_counter = 1
    for _ in range(rounds):
        args = [sys.executable, str(WRITER), str(path), evaluation_id, str(next_counter)]
        child = subprocess.Popen(
            [*args, "--ack-early"] if early else args, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        # Wait for the first acknowledgement so the kill lands while it is saving.
        child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=10)
        # Every answer carries a global counter in its note; the newest ack per statement
        # must be in the database with at least that counter.
        latest: dict[str, tuple[int, int]] = {}
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3:
                latest[parts[0]] = (int(parts[1]), int(parts[2]))
                acknowledged += 1
                next_counter = max(next_counter, int(parts[2]) + 1)
        db = open_database(path)
        stored = load_state(db, evaluation_id).answers
        db.close()
        for statement_id, (value, counter) in latest.items():
            answer = stored.get(statement_id)
            stored_counter = int(answer.note.split()[1]) if answer else -1
            if stored_counter < counter or (stored_counter == counter and answer.value != value):
                lost += 1
        next_counter = max([next_counter, *(int(a.note.split()[1]) + 1 for a in stored.values())])
    return acknowledged, lost


def _fresh(tmp_path: Path, edition) -> tuple[Path, str]:
    path = tmp_path / "crash.sqlite3"
    db = open_database(path)
    evaluation = start_evaluation(db, create_organisation(db, "Crash").id, edition)
    db.close()
    return path, evaluation.id


@pytest.mark.slow
def test_acknowledged_answers_survive_sigkill(tmp_path: Path, edition) -> None:
    path, evaluation_id = _fresh(tmp_path, edition)
    acknowledged, lost = _kill_rounds(path, evaluation_id, rounds=30, early=False)
    print(f"30 kills, {acknowledged} acknowledged writes, {lost} lost")
    assert acknowledged > 0 and lost == 0
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


@pytest.mark.slow
def test_negative_control_acknowledging_before_commit_is_caught(tmp_path: Path, edition) -> None:
    path, evaluation_id = _fresh(tmp_path, edition)
    acknowledged, lost = _kill_rounds(path, evaluation_id, rounds=8, early=True)
    print(f"negative control: 8 kills, {acknowledged} acknowledged writes, {lost} lost")
    assert lost > 0, "the check did not notice answers acknowledged before their commit"
