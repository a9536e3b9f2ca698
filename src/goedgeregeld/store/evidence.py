"""Evidence per statement: files stored once by SHA-256 in the data folder, attached by name."""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from goedgeregeld.base import text
from goedgeregeld.base.paths import EVIDENCE_FOLDER
from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError, checked_text
from goedgeregeld.store.models.core import Evaluation, Organisation
from goedgeregeld.store.models.evidence import Attachment, EvidenceFile
from goedgeregeld.store.records import AttachmentRecord
from goedgeregeld.store.rows import attachment_record
from goedgeregeld.store.snapshots import edition_from_snapshot

MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
MAX_FILE_NAME = text.FILE_NAME.max_length
ALLOWED_SUFFIXES = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".odt",
        ".ods",
        ".odp",
        ".rtf",
        ".txt",
        ".csv",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".tif",
        ".tiff",
        ".webp",
        ".heic",
    }
)
_CHUNK = 1024 * 1024


def evidence_root(db: Database) -> Path:
    """The folder with the stored evidence files, beside the database."""
    return db.path.parent / EVIDENCE_FOLDER


def blob_path(db: Database, sha256: str) -> Path:
    """Where the file with this SHA-256 is kept."""
    return evidence_root(db) / sha256[:2] / sha256


def check_file_name(name: str) -> str:
    """A plain file name (no folders) with an allowed extension, or a Dutch error."""
    clean = checked_text(name, text.FILE_NAME)
    if "/" in clean or "\\" in clean or clean in {".", ".."} or "\x00" in clean:
        raise StoreError(f"ongeldige bestandsnaam '{name}'")
    suffix = Path(clean).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise StoreError(
            f"'{clean}': dit soort bestand kan niet als bewijsstuk; "
            "gebruik PDF, Office-documenten of afbeeldingen"
        )
    return clean


def store_blob_from_path(db: Database, source: Path) -> tuple[str, int]:
    """Copy a file into the evidence folder (bounded, hashed while copying); returns (sha, size)."""
    root = evidence_root(db)
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    handle, temp_name = tempfile.mkstemp(dir=root, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as target, source.open("rb") as reader:
            while chunk := reader.read(_CHUNK):
                size += len(chunk)
                if size > MAX_EVIDENCE_BYTES:
                    raise StoreError(
                        f"'{source.name}' is groter dan {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB"
                    )
                digest.update(chunk)
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        if size == 0:
            raise StoreError(f"'{source.name}' is leeg")
        sha = digest.hexdigest()
        _place(db, Path(temp_name), sha)
        return sha, size
    finally:
        Path(temp_name).unlink(missing_ok=True)


def store_blob_bytes(db: Database, content: bytes) -> str:
    """Keep bytes already checked by an importer; returns the SHA-256."""
    sha = hashlib.sha256(content).hexdigest()
    if blob_path(db, sha).exists():
        return sha
    root = evidence_root(db)
    root.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=root, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as target:
            target.write(content)
            target.flush()
            os.fsync(target.fileno())
        _place(db, Path(temp_name), sha)
    finally:
        Path(temp_name).unlink(missing_ok=True)
    return sha


def _place(db: Database, temp: Path, sha: str) -> None:
    final = blob_path(db, sha)
    if final.exists():
        return
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(temp, final)


def read_blob(db: Database, sha256: str) -> bytes:
    """The content of a stored evidence file; refuses one that was changed on disk."""
    path = blob_path(db, sha256)
    try:
        with path.open("rb") as reader:
            content = reader.read(MAX_EVIDENCE_BYTES + 1)
    except FileNotFoundError:
        raise StoreError(f"bewijsstuk {sha256[:12]} ontbreekt in de gegevensmap") from None
    if len(content) > MAX_EVIDENCE_BYTES or hashlib.sha256(content).hexdigest() != sha256:
        raise StoreError(f"bewijsstuk {sha256[:12]} in de gegevensmap is beschadigd")
    return content


def ensure_evidence_row(session: Session, sha256: str, size: int) -> None:
    """Record a stored file once (inside the caller's transaction)."""
    if session.get(EvidenceFile, sha256) is None:
        session.add(EvidenceFile(sha256=sha256, size=size, stored_at=utc_now()))
        session.flush()


def attach_evidence(
    db: Database, evaluation_id: str, statement_id: str, source: Path, file_name: str | None = None
) -> AttachmentRecord:
    """Attach a file to a statement; the same content is stored only once."""
    name = check_file_name(file_name or source.name)
    with db.session() as session:
        _check_statement(session, evaluation_id, statement_id)
    if not source.is_file():
        raise StoreError(f"'{source}' is geen bestand")
    sha, size = store_blob_from_path(db, source)
    with db.session() as session:
        existing = session.scalars(
            select(Attachment).where(
                Attachment.evaluation_id == evaluation_id,
                Attachment.statement_id == statement_id,
                Attachment.sha256 == sha,
            )
        ).first()
        if existing is not None:
            return attachment_record(existing, size)
        ensure_evidence_row(session, sha, size)
        row = Attachment(
            id=str(uuid.uuid4()),
            evaluation_id=evaluation_id,
            statement_id=statement_id,
            sha256=sha,
            file_name=name,
            added_at=utc_now(),
        )
        session.add(row)
        session.execute(
            update(Evaluation).where(Evaluation.id == evaluation_id).values(updated_at=utc_now())
        )
        return attachment_record(row, size)


def _check_statement(session: Session, evaluation_id: str, statement_id: str) -> None:
    evaluation = session.get(Evaluation, evaluation_id)
    if evaluation is None:
        raise NotFoundError("zelfevaluatie", evaluation_id)
    if evaluation.status == EvaluationStatus.COMPLETED:
        raise StoreError("deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd")
    organisation = session.get(Organisation, evaluation.organisation_id)
    if organisation is not None and organisation.origin == "client":
        raise StoreError("bewijsstukken van een klant voegt de organisatie zelf toe")
    edition = edition_from_snapshot(evaluation.edition_snapshot, evaluation.edition_hash)
    if statement_id not in edition.statements_by_id:
        raise NotFoundError("stelling", statement_id)


def remove_attachment(db: Database, attachment_id: str) -> None:
    """Detach a file; the stored file goes only when no statement uses it any more."""
    orphan: str | None = None
    with db.session() as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise NotFoundError("bewijsstuk", attachment_id)
        sha = row.sha256
        session.delete(row)
        session.flush()
        if _unused(session, sha):
            session.execute(delete(EvidenceFile).where(EvidenceFile.sha256 == sha))
            orphan = sha
    if orphan is not None:
        blob_path(db, orphan).unlink(missing_ok=True)


def _unused(session: Session, sha256: str) -> bool:
    count = session.scalar(select(func.count()).where(Attachment.sha256 == sha256))
    return not count


def remove_unused_blobs(db: Database, candidates: Iterable[str]) -> None:
    """Delete stored files (rows and disk) of these hashes that no attachment uses."""
    gone: list[str] = []
    with db.session() as session:
        for sha in set(candidates):
            if _unused(session, sha):
                session.execute(delete(EvidenceFile).where(EvidenceFile.sha256 == sha))
                gone.append(sha)
    for sha in gone:
        blob_path(db, sha).unlink(missing_ok=True)


def list_attachments(db: Database, evaluation_id: str) -> list[AttachmentRecord]:
    """Every attachment of an evaluation, by statement and name."""
    with db.session() as session:
        rows = session.execute(
            select(Attachment, EvidenceFile.size)
            .join(EvidenceFile, EvidenceFile.sha256 == Attachment.sha256)
            .where(Attachment.evaluation_id == evaluation_id)
            .order_by(Attachment.statement_id, Attachment.file_name, Attachment.id)
        )
        return [attachment_record(row, size) for row, size in rows]


def attachments_by_statement(db: Database, evaluation_id: str) -> dict[str, list[AttachmentRecord]]:
    """The attachments of an evaluation grouped by statement id."""
    grouped: dict[str, list[AttachmentRecord]] = {}
    for record in list_attachments(db, evaluation_id):
        grouped.setdefault(record.statement_id, []).append(record)
    return grouped


VIEW_FOLDER = "bekijken"
"""Copies of evidence opened with the system viewer live here (never the originals)."""


def viewable_copy(db: Database, attachment_id: str) -> Path:
    """A copy under its own file name, so the system viewer picks the right program."""
    with db.session() as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise NotFoundError("bewijsstuk", attachment_id)
        sha, name = row.sha256, row.file_name
    content = read_blob(db, sha)
    # One copy per content and name inside the data folder: opening the same file again
    # reuses it, and nothing piles up in the system's temporary folder.
    folder = db.path.parent / VIEW_FOLDER / sha[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if not target.exists() or target.stat().st_size != len(content):
        staged = folder / f".{name}.partial"
        staged.write_bytes(content)
        staged.replace(target)
    return target
