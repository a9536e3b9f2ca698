"""Evidence per statement: stored once by content, removed only when nobody uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.evidence import (
    MAX_EVIDENCE_BYTES,
    attach_evidence,
    blob_path,
    list_attachments,
    remove_attachment,
    viewable_copy,
)
from goedgeregeld.store.organisations import create_organisation


@pytest.fixture
def evaluation_id(db: Database, edition: Edition) -> str:
    organisation = create_organisation(db, "Hospice De Linde", province="Utrecht")
    return start_evaluation(db, organisation.id, edition).id


def test_same_content_is_stored_once_and_kept_while_used(
    db: Database, edition: Edition, evaluation_id: str, tmp_path: Path
) -> None:
    first, second = list(edition.statements_by_id)[:2]
    source = tmp_path / "verzekering.pdf"
    source.write_bytes(b"%PDF polis")
    copy = tmp_path / "polis kopie.pdf"
    copy.write_bytes(b"%PDF polis")
    a = attach_evidence(db, evaluation_id, first, source)
    b = attach_evidence(db, evaluation_id, second, copy)
    assert a.sha256 == b.sha256
    assert len(list(blob_path(db, a.sha256).parent.iterdir())) == 1
    remove_attachment(db, a.id)
    assert blob_path(db, a.sha256).exists()
    assert [x.file_name for x in list_attachments(db, evaluation_id)] == ["polis kopie.pdf"]
    assert viewable_copy(db, b.id).read_bytes() == b"%PDF polis"
    remove_attachment(db, b.id)
    assert not blob_path(db, a.sha256).exists()


def test_refuses_unknown_types_and_large_files(
    db: Database, edition: Edition, evaluation_id: str, tmp_path: Path
) -> None:
    first = next(iter(edition.statements_by_id))
    script = tmp_path / "virus.exe"
    script.write_bytes(b"MZ")
    with pytest.raises(StoreError, match="bewijsstuk"):
        attach_evidence(db, evaluation_id, first, script)
    big = tmp_path / "groot.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_EVIDENCE_BYTES + 1)
    with pytest.raises(StoreError, match="groter dan 25 MB"):
        attach_evidence(db, evaluation_id, first, big)
    assert list_attachments(db, evaluation_id) == []
