"""``eval start --from``, ``eval confirm`` and ``eval compare`` as a script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goedgeregeld.cli import main


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _show(capsys, data_dir: Path, evaluation_id: str) -> dict:
    code, out, _ = run(capsys, data_dir, "eval", "show", evaluation_id, "--json")
    assert code == 0
    return json.loads(out)


def _filled(capsys, data_dir: Path, org: str, value: str, *edition: str) -> str:
    code, out, _ = run(capsys, data_dir, "eval", "start", org, *edition)
    assert code == 0
    evaluation = out.strip()
    for sid in _show(capsys, data_dir, evaluation)["open"]:
        assert run(capsys, data_dir, "eval", "answer", evaluation, sid, value)[0] == 0
    return evaluation


@pytest.fixture
def org(capsys, data_dir: Path) -> str:
    code, out, _ = run(
        capsys, data_dir, "org", "create", "--name", "Club", "--volunteers", "20", "--paid-fte", "0"
    )
    assert code == 0
    return out.strip()


def test_start_from_confirm_and_show(capsys, data_dir: Path, org: str) -> None:
    old = _filled(capsys, data_dir, org, "2", "--edition", "2026.1")
    assert run(capsys, data_dir, "eval", "complete", old)[0] == 0
    code, out, _ = run(capsys, data_dir, "eval", "start", org, "--from", old)
    assert code == 0
    new = out.strip()
    shown = _show(capsys, data_dir, new)
    assert shown["questionnaire"]["version"] == "2027.1" and shown["carried_from"] == old
    assert shown["to_confirm"] and shown["eligible"] is False
    assert shown["progress"]["answered"] == 0
    assert set(shown["to_confirm"]) <= set(shown["open"])
    first, second, *rest = shown["to_confirm"]
    code, out, _ = run(capsys, data_dir, "eval", "confirm", new, first)
    assert (code, out.strip()) == (0, "1 antwoord bevestigd.")
    assert run(capsys, data_dir, "eval", "answer", new, second, "3")[0] == 0
    assert _show(capsys, data_dir, new)["to_confirm"] == rest
    code, out, _ = run(capsys, data_dir, "eval", "show", new)
    assert "Overgenomen, nog te bevestigen: " + rest[0] in out
    code, _, err = run(capsys, data_dir, "eval", "confirm", new, first)
    assert code == 1 and "niets te bevestigen bij " + first in err
    assert run(capsys, data_dir, "eval", "confirm", new)[0] == 0
    shown = _show(capsys, data_dir, new)
    assert shown["to_confirm"] == [] and shown["progress"]["answered"] == len(rest) + 2


def test_compare_across_editions(capsys, data_dir: Path) -> None:
    code, out, _ = run(
        capsys,
        data_dir,
        "org",
        "create",
        "--name",
        "Groot",
        "--volunteers",
        "300",
        "--paid-fte",
        "5",
    )
    org = out.strip()
    old = _filled(capsys, data_dir, org, "1", "--edition", "2026.1")
    new = _filled(capsys, data_dir, org, "3")
    code, out, err = run(capsys, data_dir, "eval", "compare", new, "--json")
    assert code == 0 and not err
    data = json.loads(out)
    assert data["previous"]["id"] == old and data["across_editions"] is True
    theme = next(t for t in data["themes"] if t["id"] == "visie")
    assert (theme["previous"], theme["current"], theme["change"]) == (33.3, 100.0, 66.7)
    rows = {s["id"]: s for s in data["statements"]}
    assert rows["werving.7"]["kind"] == "new" and rows["werving.7"]["previous"] is None
    split = rows["inspraak.7"]
    assert split["kind"] == "split" and [s["id"] for s in split["sources"]] == ["inspraak.1"]
    assert (split["previous"], split["current"], split["change"]) == (1, 3, 2)
    assert data["dropped"] == ["veiligheid.3"]
    code, out, _ = run(capsys, data_dir, "eval", "compare", new, "--with", old)
    assert code == 0 and "nieuw" in out and "gesplitst uit inspraak.1" in out


def test_compare_merged_uses_the_average_and_skips_na(capsys, data_dir: Path) -> None:
    code, out, _ = run(
        capsys,
        data_dir,
        "org",
        "create",
        "--name",
        "Groot",
        "--volunteers",
        "300",
        "--paid-fte",
        "5",
    )
    org = out.strip()
    old = _filled(capsys, data_dir, org, "2", "--edition", "2026.1")
    run(capsys, data_dir, "eval", "answer", old, "organisatie.1", "0")
    run(capsys, data_dir, "eval", "answer", old, "begeleiding.6", "na")
    new = _filled(capsys, data_dir, org, "3")
    data = json.loads(run(capsys, data_dir, "eval", "compare", new, "--json")[1])
    rows = {s["id"]: s for s in data["statements"]}
    merged = rows["begeleiding.1"]
    assert merged["kind"] == "merged" and merged["previous_basis"] == "average"
    assert [s["answer"] for s in merged["sources"]] == [0, 2] and merged["previous"] == 1
    # n.v.t. does not count: begeleiding.6 compares against afscheid.5 alone.
    assert rows["begeleiding.6"]["previous"] == 2


def test_compare_refuses_without_another_evaluation(capsys, data_dir: Path, org: str) -> None:
    only = _filled(capsys, data_dir, org, "2")
    code, _, err = run(capsys, data_dir, "eval", "compare", only)
    assert code == 1 and "--with" in err and "Traceback" not in err
    code, _, err = run(capsys, data_dir, "eval", "compare", only, "--with", only)
    assert code == 1
