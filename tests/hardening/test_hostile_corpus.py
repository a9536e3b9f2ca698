"""Every file of the hostile corpus through the real command line: refused cleanly, data untouched."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.nov.store.database import nov_database_path
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import open_database

CORPUS = Path(__file__).resolve().parents[1] / "data" / "hostile"
sys.path.insert(0, str(CORPUS))

from corpus_lib import ROWS_FILE, build_from_recipe, load_rows, zip_entries  # noqa: E402

ENTRIES: list[dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text("utf-8"))
COMMANDS = {
    "evaluation": ["import"],
    "review": ["import"],
    "sync": ["nov", "aggregate"],
    "questionnaire": ["questionnaire", "check"],
    "database": ["restore"],
}
# Where each kind of file is read: the adviser reads evaluation files, the organisation
# reads review files, NOV reads sync files.
# A database file is offered as a backup to put back.
HOME = {
    "evaluation": "adviser",
    "review": "organisation",
    "sync": "nov",
    "questionnaire": "nov",
    "database": "organisation",
}


@pytest.fixture(scope="module")
def installations(tmp_path_factory: pytest.TempPathFactory, template_database: Path) -> Path:
    """An adviser with a client, an organisation with a reviewed evaluation, a NOV store."""
    root = tmp_path_factory.mktemp("installations")
    adviser = root / "adviser"
    adviser.mkdir()
    shutil.copyfile(template_database, database_path(adviser))
    db = open_database(database_path(adviser))
    register_adviser(db, "Adviseur Test", "Utrecht")
    db.close()
    assert main(["--data-dir", str(adviser), "import", str(CORPUS / "base/valid.ggeval")]) == 0
    organisation = root / "organisation"
    organisation.mkdir()
    shutil.copyfile(template_database, database_path(organisation))
    load_rows(database_path(organisation), json.loads(ROWS_FILE.read_text("utf-8")))
    nov = root / "nov"
    base_sync = str(CORPUS / "base/valid-sync.json")
    assert main(["--data-dir", str(nov), "nov", "aggregate", base_sync]) == 0
    return root


def _content(folder: Path) -> tuple[list[str], list[str]]:
    """Every row of every database in the folder, and the names of all other files."""
    rows: list[str] = []
    for path in (database_path(folder), nov_database_path(folder)):
        if path.exists():
            connection = sqlite3.connect(path)
            try:
                rows.extend(connection.iterdump())
            finally:
                connection.close()
    files = sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal"))
    )
    return rows, files


def _input(entry: dict[str, Any], tmp_path: Path) -> Path:
    path = CORPUS / entry["file"]
    return build_from_recipe(path, tmp_path) if ".recipe." in path.name else path


def _run(folder: Path, entry: dict[str, Any], path: Path, capsys: Any) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), *COMMANDS[entry["kind"]], str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_corpus_is_large_and_small() -> None:
    files = [p for p in CORPUS.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    kinds = {kind: sum(e["kind"] == kind for e in ENTRIES) for kind in COMMANDS}
    assert len(ENTRIES) >= 40 and min(kinds.values()) >= 10, kinds
    assert sum(p.stat().st_size for p in files) < 4 * 1024 * 1024
    assert {e["file"] for e in ENTRIES} <= {str(p.relative_to(CORPUS)) for p in files}


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e["expect"] == "refused"], ids=lambda e: e["file"]
)
def test_hostile_file_is_refused_and_nothing_changes(
    entry: dict[str, Any], installations: Path, tmp_path: Path, capsys: Any
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(installations / HOME[entry["kind"]], folder)
    path = _input(entry, tmp_path)
    before = _content(folder)
    code, out, err = _run(folder, entry, path, capsys)
    assert code == 1, (out, err)
    assert err.startswith("goedgeregeld: ") and err.count("\n") == 1, err
    assert "Traceback" not in out + err and "onverwachte fout" not in err
    said = out + err
    for fragment in entry["message"]:
        assert fragment in said, (fragment, said)
    if entry["kind"] != "questionnaire":
        assert path.name in err, err  # the message names the file
    assert _content(folder) == before


def _evaluation_id() -> str:
    members = dict(zip_entries(CORPUS / "base/valid.ggeval"))
    return str(json.loads(members["evaluation.json"])["id"])


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e["expect"] == "literal"], ids=lambda e: e["file"]
)
def test_allowed_markup_imports_and_prints_literally(
    entry: dict[str, Any], installations: Path, tmp_path: Path, capsys: Any
) -> None:
    from pypdf import PdfReader

    folder = tmp_path / "data"
    shutil.copytree(installations / HOME[entry["kind"]], folder)
    code, out, err = _run(folder, entry, CORPUS / entry["file"], capsys)
    assert code == 0 and err == "", err
    report = tmp_path / "rapport.pdf"
    assert main(["--data-dir", str(folder), "report", _evaluation_id(), "-o", str(report)]) == 0
    capsys.readouterr()
    text = "".join(page.extract_text() or "" for page in PdfReader(report).pages)
    words = "".join(text.split())
    for literal in entry["literal"]:
        assert literal in words, literal
    assert "GROOT" in words and "VET" in words
