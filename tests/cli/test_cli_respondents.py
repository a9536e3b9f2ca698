"""``eval respondent``, ``eval answer --respondent``, ``eval merge`` and ``eval agree``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goedgeregeld.cli import main


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_two_on_one_laptop_and_one_by_file(capsys, data_dir: Path, tmp_path: Path) -> None:
    home = tmp_path / "thuis"
    _, org, _ = run(capsys, data_dir, "org", "create", "--name", "Club", "--volunteers", "20")
    _, ev, _ = run(capsys, data_dir, "eval", "start", org.strip())
    ev = ev.strip()
    _, out, _ = run(capsys, data_dir, "eval", "show", ev, "--json")
    first = json.loads(out)["open"][0]
    ids = []
    for name, role in (("Ans", "bestuur"), ("Bas", "coördinator"), ("Cor", "Vrijwilliger")):
        code, out, _ = run(
            capsys, data_dir, "eval", "respondent", "add", ev, "--name", name, "--role", role
        )
        assert code == 0
        ids.append(out.strip())
    with pytest.raises(SystemExit) as refused:
        run(capsys, data_dir, "eval", "respondent", "add", ev, "--name", "X", "--role", "baas")
    assert refused.value.code == 2 and "onbekende rol 'baas'" in capsys.readouterr().err
    assert run(capsys, data_dir, "eval", "answer", ev, first, "3", "--respondent", ids[0])[0] == 0
    assert run(capsys, data_dir, "eval", "answer", ev, first, "1", "--respondent", ids[1])[0] == 0
    respondent_file = tmp_path / "cor.ggresp"
    assert (
        run(capsys, data_dir, "eval", "respondent", "export", ids[2], "-o", str(respondent_file))[0]
        == 0
    )
    assert run(capsys, home, "eval", "respondent", "import", str(respondent_file))[0] == 0
    assert run(capsys, home, "eval", "answer", ev, first, "0", "--respondent", ids[2])[0] == 0
    answers = tmp_path / "cor.ggantw"
    code, out, _ = run(capsys, home, "eval", "respondent", "export", ids[2], "-o", str(answers))
    assert code == 0 and "Antwoordbestand" in out
    code, out, _ = run(capsys, data_dir, "eval", "respondent", "import", str(answers))
    assert code == 0 and "1 antwoord van Cor ingelezen" in out
    code, out, _ = run(capsys, data_dir, "eval", "merge", ev, "--json")
    entry = json.loads(out)["statements"][0]
    assert entry["id"] == first and entry["spread"] == 3 and entry["flagged"] is True
    assert entry["scores"] == {ids[0]: 3, ids[1]: 1, ids[2]: 0}
    code, out, _ = run(capsys, data_dir, "eval", "merge", ev)
    assert code == 0 and "hierover was men het oneens" in out
    code, _, err = run(capsys, data_dir, "eval", "complete", ev)
    assert code == 1 and "afgesproken" in err
    assert run(capsys, data_dir, "eval", "agree", ev, first, "1", "--note", "Samen")[0] == 0
    code, out, _ = run(capsys, data_dir, "eval", "respondent", "list", ev, "--json")
    assert [p["role"] for p in json.loads(out)] == ["bestuur", "coordinator", "vrijwilliger"]
