"""The Qt-free self-test steps: each does real work and a failure stops the run with a reason."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.app.selftest import SelfTestState, build_report, core_steps, run_steps
from goedgeregeld.store.db.engine import current_revision


def test_core_steps_build_a_database_an_evaluation_and_a_report(tmp_path: Path) -> None:
    lines: list[str] = []
    state = SelfTestState(tmp_path)
    try:
        assert run_steps(core_steps(state), lines.append)
    finally:
        state.close()
    assert len(lines) == 4 and all(line.startswith("goed ") for line in lines)
    assert current_revision(tmp_path / "goedgeregeld.sqlite3") is not None
    assert (tmp_path / "nov.sqlite3").exists()
    assert state.report_path is not None
    assert state.report_path.read_bytes().startswith(b"%PDF-")
    assert "81 antwoorden opgeslagen" in lines[2]  # every statement of the default, 2027.1


def test_a_failing_step_stops_the_run_and_says_why() -> None:
    lines: list[str] = []
    ran: list[str] = []

    def broken() -> str:
        raise FileNotFoundError("questionnaires ontbreekt")

    steps = [
        ("eerste", lambda: "goed"),
        ("tweede", broken),
        ("derde", lambda: ran.append("x") or ""),
    ]
    assert not run_steps(steps, lines.append)
    assert lines[0].startswith("goed eerste")
    assert lines[1] == "FOUT tweede: FileNotFoundError: questionnaires ontbreekt"
    assert ran == []


def test_the_report_step_needs_an_evaluation(tmp_path: Path) -> None:
    lines: list[str] = []
    state = SelfTestState(tmp_path)
    assert not run_steps([("rapport", lambda: build_report(state))], lines.append)
    assert "een eerdere stap is niet gelukt" in lines[0]
