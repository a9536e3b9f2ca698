"""SIGKILL the running app while it saves answers: every answer shown as saved is stored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from goedgeregeld.store.evaluations import load_state, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.core.settings import AppSettings, Role

ACKS_BEFORE_KILL = 25
CHECKOUT = Path(__file__).resolve().parents[2]
"""benchmarks/ sits at the top of the checkout, outside the installed package."""


def test_killed_app_keeps_every_answer_it_showed_as_saved(db, data_dir: Path, edition) -> None:
    organisation = create_organisation(db, "Crashtest", volunteers=300, paid_fte=5)
    evaluation = start_evaluation(db, organisation.id, edition)
    settings = AppSettings.in_folder(data_dir)
    settings.welcome_done = True
    settings.role = Role.ORGANISATION
    settings.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The app started as goedgeregeld starts it, plus the autopilot that presses the keys.
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.autopilot", str(data_dir), "1000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        cwd=CHECKOUT,
    )
    acked: dict[str, str] = {}
    deadline = time.monotonic() + 30
    # readline blocks: an app that never prints is killed at the deadline instead of hanging.
    watchdog = threading.Timer(30, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        while len(acked) < ACKS_BEFORE_KILL and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith("saved "):
                _word, statement_id, value = line.split()
                acked[statement_id] = value
    finally:
        watchdog.cancel()
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert len(acked) >= ACKS_BEFORE_KILL, process.stderr.read() if process.stderr else ""
    state = load_state(db, evaluation.id)
    for statement_id, value in acked.items():
        answer = state.answers[statement_id]
        stored = "na" if answer.not_applicable else str(answer.value)
        assert stored == value, statement_id


KILLS_WITH_NOTES = 3
NOTES_BEFORE_KILL = 3


def test_killed_app_keeps_every_note_it_showed_as_saved(db, data_dir: Path, edition) -> None:
    """Type notes key by key, wait until the card says "opgeslagen", SIGKILL: they are there."""
    organisation = create_organisation(db, "Crashtest", volunteers=300, paid_fte=5)
    evaluation = start_evaluation(db, organisation.id, edition)
    settings = AppSettings.in_folder(data_dir)
    settings.welcome_done = True
    settings.role = Role.ORGANISATION
    settings.sync()
    kills = 0
    for _kill in range(KILLS_WITH_NOTES):
        notes = _run_until_notes(data_dir, NOTES_BEFORE_KILL)
        kills += 1
        state = load_state(db, evaluation.id)
        for statement_id, text in notes.items():
            assert state.answers[statement_id].note == text, statement_id
    assert kills == KILLS_WITH_NOTES


def _run_until_notes(data_dir: Path, wanted: int) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.autopilot", str(data_dir), "1000", "notes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        encoding="utf-8",
        cwd=CHECKOUT,
    )
    noted: dict[str, str] = {}
    watchdog = threading.Timer(40, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        while len(noted) < wanted:
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith("note "):
                _word, statement_id, text = line.split()
                noted[statement_id] = text.replace("_", " ")
    finally:
        watchdog.cancel()
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert len(noted) >= wanted, process.stderr.read() if process.stderr else ""
    return noted
