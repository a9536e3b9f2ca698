"""Benchmark support: make many evaluation files and time importing them (for the bench script)."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from goedgeregeld.exchange.evaluation_file import export_evaluation
from goedgeregeld.exchange.importer import import_files
from goedgeregeld.paths import database_path
from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.store.database import open_database
from goedgeregeld.store.evaluations import save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation


def make_evaluation_files(folder: Path, count: int) -> list[Path]:
    """``count`` evaluation files of fully answered evaluations, written into ``folder``."""
    edition = find_edition()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db = open_database(database_path(Path(scratch)))
        try:
            organisation = create_organisation(db, "Bron", province="Utrecht", volunteers=150)
            first = start_evaluation(db, organisation.id, edition)
            for index, statement_id in enumerate(edition.statements_by_id):
                save_answer(db, first.id, statement_id, index % 4, f"toelichting {index}")
            template = export_evaluation(db, first.id, folder / "sjabloon.ggeval")
            files = [_variant(template, folder, n) for n in range(count)]
            template.unlink()
            return files
        finally:
            db.close()


def _variant(template: Path, folder: Path, number: int) -> Path:
    """A copy of the template with fresh organisation and evaluation ids."""
    with zipfile.ZipFile(template) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    manifest = json.loads(members.pop("manifest.json"))
    organisation = json.loads(members["organisation.json"])
    evaluation = json.loads(members["evaluation.json"])
    organisation["id"] = evaluation["organisation_id"] = str(uuid.uuid4())
    organisation["name"] = f"Organisatie {number:05d}"
    evaluation["id"] = str(uuid.uuid4())
    members["organisation.json"] = json.dumps(organisation).encode("utf-8")
    members["evaluation.json"] = json.dumps(evaluation).encode("utf-8")
    manifest["members"] = {n: hashlib.sha256(d).hexdigest() for n, d in members.items()}
    target = folder / f"klant-{number:05d}.ggeval"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def time_import(data_dir: Path, files: list[Path]) -> float:
    """Seconds to import ``files`` into the database of ``data_dir`` (all must succeed)."""
    db = open_database(database_path(data_dir))
    try:
        started = time.perf_counter()
        outcomes = import_files(db, files)
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    failed = [o.message for o in outcomes if not o.ok]
    if failed:
        raise RuntimeError(f"import failed: {failed[0]}")
    return elapsed


def bench_import_evaluation_files(count: int = 100) -> float:
    """Make ``count`` evaluation files and import them into a fresh adviser database; seconds."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        files = make_evaluation_files(root / "files", count)
        adviser_dir = root / "adviser"
        open_database(database_path(adviser_dir)).close()
        try:
            return time_import(adviser_dir, files)
        finally:
            shutil.rmtree(root / "files", ignore_errors=True)
