"""Build sync files for tests without an installation database."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from goedgeregeld.exchange.sync.export import build_sync_document
from goedgeregeld.exchange.sync.format import Entry


def new_id() -> str:
    return str(uuid.uuid4())


def document(
    installation: str,
    sequence: int,
    *,
    created: datetime | None = None,
    organisations: list[Entry] | None = None,
    evaluations: list[Entry] | None = None,
    advisers: list[Entry] | None = None,
    marks: list[Entry] | None = None,
) -> dict[str, Any]:
    entries = {
        "organisations": organisations or [],
        "evaluations_completed": evaluations or [],
        "advisers": advisers or [],
        "quality_marks": marks or [],
    }
    return build_sync_document(
        installation, sequence, created or datetime(2024, 6, 1, 12, 0), entries
    )


def write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def org(year: int = 2020, province: str | None = "Utrecht", size: str = "klein") -> Entry:
    return (new_id(), year, province, size)
