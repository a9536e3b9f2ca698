"""The verdict on the command line: questionnaire show, eval start --edition, reasons in eval show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.test_cli import run


def _org(capsys: pytest.CaptureFixture[str], data_dir: Path) -> str:
    args = ["org", "create", "--name", "Club", "--volunteers", "35", "--paid-fte", "0"]
    return run(capsys, data_dir, *args)[1].strip()


def test_questionnaire_show_prints_the_rules(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, data_dir, "questionnaire", "show", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["version"] == "2027.1" and shown["id"] == "goed-geregeld"
    statements = {s["id"]: s for t in shown["themes"] for s in t["statements"]}
    assert len(statements) == 81
    assert statements["veiligheid.2"]["must"] == 2 and statements["veiligheid.2"]["na_allowed"]
    assert (
        statements["veiligheid.1"]["na_allowed"] is False and statements["visie.1"]["must"] is None
    )
    assert all(s["explanation"] and s["text"] for s in statements.values())
    assert set(statements["visie.1"]) >= {"id", "core", "must", "na_allowed", "explanation", "text"}
    old = json.loads(
        run(capsys, data_dir, "questionnaire", "show", "--edition", "2026.1", "--json")[1]
    )
    assert (
        old["version"] == "2026.1"
        and len([s for t in old["themes"] for s in t["statements"]]) == 72
    )
    code, out, _ = run(capsys, data_dir, "questionnaire", "show", "goed-geregeld")
    assert code == 0 and "Moet minstens 2 zijn voor het keurmerk." in out
    code, _, err = run(capsys, data_dir, "questionnaire", "show", "--edition", "1999.1")
    assert code != 0 and "1999.1" in err and "Traceback" not in err


def test_eval_show_names_the_must_have_and_the_edition(capsys, data_dir: Path) -> None:
    evaluation = run(capsys, data_dir, "eval", "start", _org(capsys, data_dir))[1].strip()
    summary = json.loads(run(capsys, data_dir, "eval", "show", evaluation, "--json")[1])
    assert summary["edition"] == "2027.1"
    for statement in summary["open"]:
        run(capsys, data_dir, "eval", "answer", evaluation, statement, "3")
    run(capsys, data_dir, "eval", "answer", evaluation, "veiligheid.2", "0")
    summary = json.loads(run(capsys, data_dir, "eval", "show", evaluation, "--json")[1])
    assert summary["eligible"] is False
    assert [(r["kind"], r["statement_id"]) for r in summary["reasons"]] == [
        ("must", "veiligheid.2")
    ]
    text = run(capsys, data_dir, "eval", "show", evaluation)[1]
    assert "heeft een 0; voor het keurmerk is minstens 2 nodig." in text
    # n.v.t. where the edition does not allow it: kept with its note, said, and blocking.
    args = ["eval", "answer", evaluation, "veiligheid.1", "nvt", "--note", "geen code"]
    code, _, err = run(capsys, data_dir, *args)
    assert code == 0 and "telt niet mee voor het keurmerk" in err
    summary = json.loads(run(capsys, data_dir, "eval", "show", evaluation, "--json")[1])
    assert ("na_not_allowed", "veiligheid.1") in [
        (r["kind"], r["statement_id"]) for r in summary["reasons"]
    ]


def test_eval_start_takes_an_older_edition(capsys, data_dir: Path) -> None:
    org = _org(capsys, data_dir)
    evaluation = run(capsys, data_dir, "eval", "start", org, "--edition", "2026.1")[1].strip()
    summary = json.loads(run(capsys, data_dir, "eval", "show", evaluation, "--json")[1])
    assert summary["edition"] == "2026.1" and summary["questionnaire"]["version"] == "2026.1"
    assert summary["reasons"][0]["kind"] == "open"
    legacy = ["eval", "start", org, "--questionnaire", "goed-geregeld"]
    assert run(capsys, data_dir, *legacy)[0] == 0
    code, _, err = run(capsys, data_dir, "eval", "start", org, "--edition", "2030.9")
    assert code != 0 and "onbekende editie '2030.9'" in err
