"""The adviser's commands end to end with two data folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goedgeregeld.cli import main


def _run(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> str:
    code = main(["--data-dir", str(folder), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_review_state_shows_in_json_on_both_sides(
    evaluation_file: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, evaluation_id, first = evaluation_file
    adviser, org = tmp_path / "adv", tmp_path / "data"
    _run(capsys, adviser, "adviser", "register", "--name", "Adviseur Twee", "--region", "Noord")
    _run(capsys, adviser, "import", str(path))
    assert "niets veranderd" in _run(capsys, adviser, "import", str(path))
    [listed] = json.loads(_run(capsys, adviser, "org", "list", "--json"))
    assert listed["origin"] == "client"
    _run(
        capsys,
        adviser,
        "review",
        "set",
        evaluation_id,
        first,
        "--verdict",
        "higher",
        "--score",
        "3",
    )
    _run(capsys, adviser, "review", "decide", evaluation_id, "--decision", "not-yet")
    shown = json.loads(_run(capsys, adviser, "eval", "show", evaluation_id, "--json"))
    assert shown["review"]["decision"] == "not_yet"
    assert shown["review"]["statements"][0]["proposed_score"] == 3
    [client] = json.loads(_run(capsys, adviser, "review", "clients", "--json"))
    assert client["reviewed_statements"] == 1
    _run(capsys, adviser, "review", "export", evaluation_id, "-o", str(tmp_path / "r.ggreview"))
    _run(capsys, org, "import", str(tmp_path / "r.ggreview"))
    received = json.loads(_run(capsys, org, "eval", "show", evaluation_id, "--json"))["review"]
    assert received["origin"] == "received" and received["adviser"]["name"] == "Adviseur Twee"


def test_decide_with_condition_without_deadline_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--data-dir",
            str(tmp_path),
            "review",
            "decide",
            "x",
            "--decision",
            "conditions",
            "--condition",
            "Beleid",
        ]
    )
    assert code == 2
    assert "--deadline" in capsys.readouterr().err


def test_a_statistics_file_given_to_import_says_where_it_belongs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Found by trying NOV mode: the help promised sync files, and a real one was called
    # "beschadigd of geen Goed Geregeld-bestand (geen geldig zip-archief)".
    folder = tmp_path / "org"
    _run(capsys, folder, "org", "create", "--name", "Club", "--province", "Utrecht")
    sync = tmp_path / "cijfers.json"
    _run(capsys, folder, "sync", "export", "-o", str(sync))
    code = main(["--data-dir", str(folder), "import", str(sync)])
    err = capsys.readouterr().err
    assert code == 1
    assert "statistiekbestand voor NOV" in err and "nov aggregate" in err
