"""Issue 17: the command line stays calm: bad bytes, closed pipes, named pipes, huge numbers, empty files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.outputs_setup import HOSTILE, database_dump, make_installation, run, run_apart


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("calm") / "org"
    return folder, make_installation(folder)


def _organisations(folder: Path, capsys) -> list[dict]:
    code, out, _err = run(capsys, folder, "org", "list", "--json")
    assert code == 0
    found = json.loads(out)
    return found if isinstance(found, list) else found["organisations"]


def test_invalid_utf8_in_an_argument_is_one_dutch_line(tmp_path: Path) -> None:
    result = run_apart(tmp_path / "data", "org", "create", "--name", b"Stichting \xff\xfe")
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert (
        err.startswith("goedgeregeld: name: de tekst is geen geldige UTF-8")
        and err.count("\n") == 1
    )
    assert "onverwachte fout" not in err and "Traceback" not in err
    assert not (tmp_path / "data" / "goedgeregeld.sqlite3").exists()


def test_eval_show_into_a_closed_pipe_ends_quietly(made) -> None:
    folder, evaluation = made
    reader, writer = os.pipe()
    os.close(reader)  # like ``| head`` that has read what it wanted
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "goedgeregeld",
                "--data-dir",
                str(folder),
                "eval",
                "show",
                evaluation,
            ],
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(writer)
    assert result.stderr == b"", result.stderr
    assert result.returncode == 141


def test_a_named_pipe_among_the_files_of_import_is_refused_unopened(tmp_path: Path, capsys) -> None:
    adviser = tmp_path / "adviser"
    os.mkfifo(tmp_path / "pipe.ggeval")
    result = run_apart(
        adviser, "import", str(tmp_path / "pipe.ggeval"), str(HOSTILE / "base/valid.ggeval")
    )
    err = result.stderr.decode()
    assert result.returncode == 1 and "named pipe" in err and "niet geopend" in err, err
    assert "1 van 2 bestanden niet ingelezen" in err
    assert len(_organisations(adviser, capsys)) == 1


def test_a_named_pipe_in_a_folder_for_import_is_refused_the_rest_read(
    tmp_path: Path, capsys
) -> None:
    adviser, inbox = tmp_path / "adviser", tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "a-pipe.ggeval")
    shutil.copyfile(HOSTILE / "base/valid.ggeval", inbox / "b-valid.ggeval")
    result = run_apart(adviser, "import", str(inbox))
    err = result.stderr.decode()
    assert result.returncode == 1 and "a-pipe.ggeval" in err and "named pipe" in err, err
    assert "b-valid.ggeval" in result.stdout.decode()
    assert len(_organisations(adviser, capsys)) == 1


def test_a_named_pipe_in_a_folder_for_nov_aggregate_is_refused(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "p.json")
    shutil.copyfile(HOSTILE / "base/valid-sync.json", inbox / "good.json")
    result = run_apart(tmp_path / "nov", "nov", "aggregate", str(inbox), "--json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["files"]["accepted"] == 1 and document["organisations"]["total"] == 1
    (rejected,) = document["files"]["rejected"]
    assert rejected["path"].endswith("p.json") and "named pipe" in rejected["reason"]


def test_a_named_pipe_named_to_nov_aggregate_is_refused_with_its_reason(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.json")
    result = run_apart(tmp_path / "nov", "nov", "aggregate", str(tmp_path / "p.json"))
    err = result.stderr.decode()
    assert result.returncode == 1 and "named pipe" in err and "bestaat niet" not in err, err


def test_a_huge_integer_does_not_stop_the_batch(tmp_path: Path, capsys) -> None:
    adviser = tmp_path / "adviser"
    huge = HOSTILE / "evaluation/out-huge-int-organisation.ggeval"
    code, out, err = run(capsys, adviser, "import", str(huge), str(HOSTILE / "base/valid.ggeval"))
    assert code == 1 and "te veel cijfers" in err and "onverwachte fout" not in err, err
    assert "valid.ggeval" in out
    assert len(_organisations(adviser, capsys)) == 1


def test_a_completed_file_without_answers_is_refused(tmp_path: Path, capsys) -> None:
    adviser = tmp_path / "adviser"
    run(capsys, adviser, "org", "list")
    before = database_dump(adviser)
    empty = HOSTILE / "evaluation/out-completed-no-answers.ggeval"
    code, _out, err = run(capsys, adviser, "import", str(empty))
    assert code == 1 and "afgerond" in err and "geen enkel antwoord" in err, err
    assert database_dump(adviser) == before
