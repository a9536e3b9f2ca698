"""Organisation sizes on the command line: the store's one range check, "1,5" and "1.5" alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.test_cli import run


@pytest.mark.parametrize("typed", ["1.5", "1,5"])
def test_paid_fte_with_a_point_or_a_comma_is_one_and_a_half(capsys, data_dir: Path, typed) -> None:
    code, out, _ = run(
        capsys,
        data_dir,
        "org",
        "create",
        "--name",
        "Club",
        "--volunteers",
        "20",
        "--paid-fte",
        typed,
    )
    assert code == 0
    listed = json.loads(run(capsys, data_dir, "org", "list", "--json")[1])
    assert listed[0]["paid_fte"] == 1.5


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--volunteers", "999999", "tussen 0 en 100.000"),
        ("--paid-fte", "99999.9", "tussen 0 en 10.000 fte"),
    ],
)
def test_implausible_sizes_are_refused_with_the_apps_words(
    capsys, data_dir: Path, option, value, words
) -> None:
    code, out, err = run(capsys, data_dir, "org", "create", "--name", "Club", option, value)
    assert code != 0 and out == ""
    assert words in err
    assert "Traceback" not in err
    assert json.loads(run(capsys, data_dir, "org", "list", "--json")[1]) == []


def test_the_limits_themselves_are_accepted(capsys, data_dir: Path) -> None:
    args = ["--volunteers", "100000", "--paid-fte", "10000"]
    assert run(capsys, data_dir, "org", "create", "--name", "Club", *args)[0] == 0
