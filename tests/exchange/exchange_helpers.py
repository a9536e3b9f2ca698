"""Helpers for exchange tests: fill an evaluation, dump a database, rewrite archives."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
from goedgeregeld.store.evidence import attach_evidence
from goedgeregeld.store.organisations import create_organisation

PDF_BYTES = b"%PDF-1.4\n% beleidsplan vrijwilligers\n%%EOF\n"


def filled_evaluation(
    db: Database, edition: Edition, folder: Path, *, complete: bool = True
) -> tuple[str, str]:
    """An organisation with an answered evaluation and one evidence file; (eval id, first id)."""
    organisation = create_organisation(db, "Voedselbank Oost", "Arnhem", "Gelderland", 120, 1)
    evaluation = start_evaluation(db, organisation.id, edition)
    statements = list(edition.statements_by_id)
    for statement_id in statements:
        save_answer(db, evaluation.id, statement_id, 2, f"toelichting {statement_id}")
    evidence = folder / "Beleidsplan vrijwilligers.pdf"
    evidence.write_bytes(PDF_BYTES)
    attach_evidence(db, evaluation.id, statements[0], evidence)
    if complete:
        complete_evaluation(db, evaluation.id)
    return evaluation.id, statements[0]


def dump(db: Database) -> list[str]:
    """Every row of every table, as SQL text, to compare a database before and after."""
    connection = sqlite3.connect(db.path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def read_members(path: Path) -> dict[str, bytes]:
    """All members of a zip file; of a signed (version 2) file, those of its unsigned payload."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    if "signature.json" in members and "payload" in members and "encryption.json" not in members:
        with zipfile.ZipFile(io.BytesIO(members["payload"])) as inner:
            return {info.filename: inner.read(info) for info in inner.infolist()}
    return members


def write_members(path: Path, members: dict[str, bytes]) -> Path:
    """Write members as a zip file, in the given order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(
                zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return path


def rewrite(
    source: Path,
    target: Path,
    change: Callable[[dict[str, bytes], dict[str, Any]], None],
    *,
    fix_checksums: bool = True,
) -> Path:
    """Copy an exchange file, letting ``change`` edit members and manifest (recomputing sums)."""
    members = read_members(source)
    manifest = json.loads(members.pop("manifest.json"))
    change(members, manifest)
    if fix_checksums:
        manifest["members"] = {
            name: hashlib.sha256(data).hexdigest() for name, data in members.items()
        }
    return write_members(target, {"manifest.json": json.dumps(manifest).encode("utf-8"), **members})


def pdf_words(path: Path) -> str:
    """All text of a PDF without whitespace, to search across line wraps."""
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return "".join(text.split())
