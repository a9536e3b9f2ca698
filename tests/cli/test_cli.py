"""The command line as a script or a person uses it: ids on stdout, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from goedgeregeld.cli import main


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_full_flow_to_100_percent_and_eligible(capsys, data_dir: Path) -> None:
    code, out, _ = run(
        capsys,
        data_dir,
        "org",
        "create",
        "--name",
        "Stichting Test",
        "--province",
        "Utrecht",
        "--volunteers",
        "250",
        "--paid-fte",
        "4",
    )
    assert code == 0
    org = out.strip()
    assert len(org) == 36 and "\n" not in org
    code, out, _ = run(capsys, data_dir, "eval", "start", org)
    evaluation = out.strip()
    code, out, _ = run(capsys, data_dir, "eval", "show", evaluation, "--json")
    summary = json.loads(out)
    assert summary["status"] == "draft" and summary["variant"] == "full"
    assert summary["progress"]["required"] == len(summary["open"]) >= 60
    for statement in summary["open"]:
        assert run(capsys, data_dir, "eval", "answer", evaluation, statement, "3")[0] == 0
    code, out, _ = run(capsys, data_dir, "eval", "show", evaluation, "--json")
    summary = json.loads(out)
    assert summary["total"] == 100 and summary["eligible"] is True and summary["open"] == []
    assert all(t["meets_minimum"] and t["score"] == 100 for t in summary["themes"])
    assert {"id", "title", "score", "minimum", "meets_minimum"} <= set(summary["themes"][0])
    assert run(capsys, data_dir, "eval", "complete", evaluation)[0] == 0
    code, out, _ = run(capsys, data_dir, "eval", "show", evaluation)
    assert "afgerond" in out and "Keurmerk: haalbaar" in out


def test_open_statements_follow_questionnaire_order(capsys, data_dir: Path, edition) -> None:
    org = run(
        capsys,
        data_dir,
        "org",
        "create",
        "--name",
        "Klein",
        "--volunteers",
        "20",
        "--paid-fte",
        "0",
    )[1].strip()
    evaluation = run(capsys, data_dir, "eval", "start", org, "--edition", "2026.1")[1].strip()
    core = [s.id for s in edition.statements_by_id.values() if s.core]
    run(
        capsys, data_dir, "eval", "answer", evaluation, core[1], "na", "--note", "n.v.t. want klein"
    )
    summary = json.loads(run(capsys, data_dir, "eval", "show", evaluation, "--json")[1])
    assert summary["variant"] == "small"
    assert summary["open"] == [core[0], *core[2:]]
    assert summary["progress"] == {"answered": 1, "required": len(core)}


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["eval", "answer", "x", "visie.1", "7"], 2, "ongeldig antwoord '7'"),
        (["eval", "answer", "x", "visie.1"], 2, "ontbreken"),
        (["org", "create"], 2, "ontbreken"),
        (["org", "create", "--name", "A", "--volunteers", "-3"], 2, "0 of meer"),
        (["eval", "show", "00000000-0000-0000-0000-000000000000"], 1, "bestaat niet"),
        (["eval", "start", "nope"], 1, "organisatie 'nope' bestaat niet"),
        (["org", "create", "--name", "A", "--province", "Brabant"], 1, "onbekende provincie"),
        (["nonsense"], 2, "ongeldige keuze"),
    ],
)
def test_errors_are_one_dutch_line(capsys, data_dir: Path, args, code, needle) -> None:
    if code == 2:
        with pytest.raises(SystemExit) as exited:
            main(["--data-dir", str(data_dir), *args])
        assert exited.value.code == 2
        err = capsys.readouterr().err
    else:
        result, _, err = run(capsys, data_dir, *args)
        assert result == code
    assert needle in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_unknown_statement_and_broken_questionnaire_exit_1(
    capsys, data_dir: Path, tmp_path: Path
) -> None:
    org = run(capsys, data_dir, "org", "create", "--name", "Club")[1].strip()
    evaluation = run(capsys, data_dir, "eval", "start", org)[1].strip()
    code, _, err = run(capsys, data_dir, "eval", "answer", evaluation, "bestaat.9", "1")
    assert code == 1 and "stelling 'bestaat.9'" in err
    broken = tmp_path / "kapot.yaml"
    broken.write_text("id: kapot\nonbekend: 1\n", encoding="utf-8")
    code, out, err = run(capsys, data_dir, "questionnaire", "check", str(broken))
    assert code == 1 and "onbekende sleutel 'onbekend'" in out and "problemen" in err


def test_questionnaire_list_and_schema(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, data_dir, "questionnaire", "list")
    assert code == 0 and "goed-geregeld" in out
    code, out, _ = run(capsys, data_dir, "questionnaire", "schema")
    assert json.loads(out)["additionalProperties"] is False


def test_data_dir_from_environment(tmp_path: Path) -> None:
    env_dir = tmp_path / "env-data"
    result = subprocess.run(
        [sys.executable, "-m", "goedgeregeld", "org", "create", "--name", "Via omgeving"],
        env={"GOEDGEREGELD_DATA_DIR": str(env_dir), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (env_dir / "goedgeregeld.sqlite3").exists()


def test_unexpected_error_is_logged_not_shown(capsys, data_dir: Path, monkeypatch) -> None:
    import goedgeregeld.store.organisations as organisations

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(organisations, "list_organisations", explode)
    code, _, err = run(capsys, data_dir, "org", "list")
    assert code == 1 and "onverwachte fout" in err and "Traceback" not in err
    assert "RuntimeError: kapot" in (data_dir / "logs" / "goedgeregeld.log").read_text()


@pytest.mark.parametrize("command", [[], ["nov"], ["nov", "aggregate"], ["eval", "answer"]])
def test_help_is_dutch(capsys, command: list[str]) -> None:
    # Found by trying NOV mode: "usage:", "options:" and "show this help message and exit".
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: goedgeregeld") and "opties:" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("\u200b", "alleen onzichtbare tekens"),
        ("Club \u202eorreK", "leesrichting"),
        ("Club\u2028Oost", "één regel"),
        ("Club \x1b[31mRood", "stuurteken (U+001B)"),
    ],
)
def test_org_create_refuses_invisible_and_reordering_names(
    capsys, data_dir: Path, name: str, fragment: str
) -> None:
    code, out, err = run(capsys, data_dir, "org", "create", "--name", name)
    assert code == 1 and out == "" and "de naam van de organisatie" in err and fragment in err
    assert "onverwachte fout" not in err
    assert run(capsys, data_dir, "org", "list", "--json")[1].strip() in (
        "[]",
        '{"organisations": []}',
    )


def test_a_note_with_an_escape_is_refused_at_the_door(capsys, data_dir: Path) -> None:
    org = run(capsys, data_dir, "org", "create", "--name", "Oost")[1].strip()
    evaluation = run(capsys, data_dir, "eval", "start", org)[1].strip()
    statement = json.loads(run(capsys, data_dir, "eval", "show", evaluation, "--json")[1])["open"][
        0
    ]
    args = ("eval", "answer", evaluation, statement, "2", "--note")
    code, _out, err = run(capsys, data_dir, *args, "kleur \x1b[31mrood")
    assert code == 1 and "de toelichting bevat een onzichtbaar stuurteken (U+001B)" in err
    assert run(capsys, data_dir, *args, "regel een\nregel twee")[0] == 0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("adviser", "register", "--name", "\u200b\u200b"), "de naam van de adviseur bevat alleen"),
        (("adviser", "register", "--name", "An", "--region", "Oost\u2028"), "één regel"),
        (("adviser", "register", "--name", "An \u202eneb"), "leesrichting"),
        (("org", "create", "--name", "Oost", "--city", "\x1b[2J"), "de plaats bevat"),
    ],
)
def test_every_text_option_goes_through_the_one_validator(
    capsys, data_dir: Path, args: tuple[str, ...], fragment: str
) -> None:
    code, out, err = run(capsys, data_dir, *args)
    assert code == 1 and out == "" and fragment in err and "onverwachte fout" not in err
