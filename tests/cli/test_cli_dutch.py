"""Every usage error argparse can show is Dutch, and every choice takes its Dutch word."""

from __future__ import annotations

import argparse
import ast
import inspect
import re
from pathlib import Path

import pytest
from tests.cli.test_cli import run

from goedgeregeld.cli import main
from goedgeregeld.cli.helpers import dutch_choice
from goedgeregeld.cli.parser import DEVELOPER_ONLY, DUTCH, PLURALS
from goedgeregeld.domain import Decision, Verdict
from goedgeregeld.words.choices import DECISION_WORDS, VERDICT_WORDS

ENGLISH = re.compile(
    r"the following arguments|one of the arguments|invalid choice|is required|expected one"
    r"|expected at|unrecognized|not allowed with|ambiguous option|invalid \w+ value|error:"
    r"|usage:|choose from",
    re.IGNORECASE,
)


def _argparse_messages() -> set[str]:
    """Every message id the running Python's argparse passes to gettext."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
        ):
            found |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return found


def test_every_message_argparse_can_show_a_user_has_a_dutch_text() -> None:
    plural_ids = {english for pair in PLURALS for english in pair}
    missing = _argparse_messages() - set(DUTCH) - plural_ids - DEVELOPER_ONLY
    assert missing == set()


@pytest.mark.parametrize(
    "args",
    [
        ["review", "mark", "x"],
        ["review", "mark", "x", "--granted", "2027-01-01", "--clear"],
        ["review", "decide", "x"],
        ["review", "decide", "x", "--decision", "nope"],
        ["review", "set", "x", "y", "--verdict"],
        ["eval", "answer", "x", "y", "7"],
        ["eval", "answer", "x"],
        ["org", "create"],
        ["org", "create", "--name", "Club", "--volunteers", "veel"],
        ["nonsense"],
        ["org", "list", "--bla"],
        ["nov", "report", "--year", "twee", "-o", "x.pdf"],
        ["--data"],
        ["review"],
    ],
)
def test_usage_errors_are_one_dutch_line(capsys, data_dir: Path, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    assert exited.value.code == 2
    assert captured.err.count("\n") == 1 and captured.err.startswith("goedgeregeld: ")
    assert not ENGLISH.search(captured.err), captured.err


def test_a_required_group_names_its_options_as_a_choice(capsys, data_dir: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data_dir), "review", "mark", "x"])
    assert "geef één van deze opties: --granted of --clear" in capsys.readouterr().err


def test_a_wrong_choice_names_the_dutch_words(capsys, data_dir: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--data-dir", str(data_dir), "review", "decide", "x", "--decision", "nope"])
    assert "kies klaar, voorwaarden of nog-niet" in capsys.readouterr().err


def test_help_shows_dutch_first_and_the_stable_names_after(capsys, data_dir: Path) -> None:
    with pytest.raises(SystemExit):
        main(["review", "set", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: ") and "{eens,lager,hoger}" in out
    assert "agree, lower en higher werken ook" in " ".join(out.split())
    assert "toon deze hulp en stop" in out and "opties:" in out


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("eens", Verdict.AGREE),
        ("lager", Verdict.LOWER),
        ("Hoger", Verdict.HIGHER),
        ("agree", Verdict.AGREE),
        ("lower", Verdict.LOWER),
    ],
)
def test_verdicts_take_dutch_and_the_stable_names(typed: str, value: Verdict) -> None:
    assert dutch_choice(VERDICT_WORDS, "oordeel")(typed) is value


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("klaar", Decision.READY),
        ("voorwaarden", Decision.CONDITIONS),
        ("nog-niet", Decision.NOT_YET),
        ("nog_niet", Decision.NOT_YET),
        ("ready", Decision.READY),
        ("not_yet", Decision.NOT_YET),
        ("not-yet", Decision.NOT_YET),
    ],
)
def test_decisions_take_dutch_and_both_spellings_of_the_stable_name(
    typed: str, value: Decision
) -> None:
    assert dutch_choice(DECISION_WORDS, "besluit")(typed) is value


def test_an_answer_takes_nvt(capsys, data_dir: Path) -> None:
    org = run(capsys, data_dir, "org", "create", "--name", "Club", "--volunteers", "10")[1].strip()
    evaluation = run(capsys, data_dir, "eval", "start", org)[1].strip()
    for typed in ("nvt", "n.v.t.", "na"):
        code, _, err = run(
            capsys,
            data_dir,
            "eval",
            "answer",
            evaluation,
            "ontwikkeling.2",
            typed,
            "--note",
            "geen",
        )
        assert code == 0, err
    code, out, _ = run(capsys, data_dir, "eval", "show", evaluation)
    assert code == 0 and "1 stellingen" not in out
