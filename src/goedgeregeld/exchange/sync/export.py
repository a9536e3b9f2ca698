"""Make this installation's sync file: pseudonymous ids with coarse attributes, nothing more."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from goedgeregeld.base.atomic import write_text_atomically
from goedgeregeld.base.outputs import check_output
from goedgeregeld.base.provinces import normalise_province
from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    FIRST_YEAR,
    FORMAT_NAME,
    FORMAT_VERSION,
    KINDS,
    ORGANISATIONS,
    QUALITY_MARKS,
    Entry,
    format_timestamp,
    size_class,
)
from goedgeregeld.store.advisers import list_advisers, list_quality_marks
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import list_evaluations
from goedgeregeld.store.organisations import list_organisations
from goedgeregeld.store.sync_exports import reserve_sync_sequence


@dataclass(frozen=True)
class SyncExportResult:
    """What an export wrote: the file, its sequence number and how many ids per kind."""

    path: Path
    sequence: int
    counts: dict[str, int]


def _province(text: str | None) -> str | None:
    """Only a real province leaves the installation; a town or free text becomes null."""
    return normalise_province(text) if text else None


def collect_entries(db: Database) -> dict[str, list[Entry]]:
    """Every id this installation knows, per kind, with only the coarse attributes."""
    organisations: list[Entry] = [
        (o.id, o.created_at.year, _province(o.province), size_class(o.volunteers))
        for o in list_organisations(db)
    ]
    evaluations: list[Entry] = [
        (e.id, e.completed_at.year, None, e.variant)
        for e in list_evaluations(db)
        if e.status == EvaluationStatus.COMPLETED and e.completed_at is not None
    ]
    advisers: list[Entry] = [
        (a.id, a.registered_at.year, _province(a.region), None) for a in list_advisers(db)
    ]
    marks: list[Entry] = [
        (eid, granted.year, None, None) for eid, granted in list_quality_marks(db)
    ]
    return {
        ORGANISATIONS.name: sorted(organisations),
        EVALUATIONS_COMPLETED.name: sorted(evaluations),
        ADVISERS.name: sorted(advisers),
        QUALITY_MARKS.name: sorted(marks),
    }


def build_sync_document(
    installation: str, sequence: int, created_at: datetime, entries: dict[str, list[Entry]]
) -> dict[str, Any]:
    """The JSON object of a sync file (see ``exchange.sync.format`` for the shape)."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "installation_id": installation,
        "sequence": sequence,
        "created_at": format_timestamp(created_at),
    }
    for spec in KINDS:
        document[spec.name] = [spec.to_json(entry) for entry in entries.get(spec.name, ())]
    return document


def write_json_atomically(path: Path, document: dict[str, Any]) -> None:
    """The JSON document, indented for people who look inside, written whole or not at all."""
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    write_text_atomically(path, text)


def _plausible(entries: dict[str, list[Entry]], last_year: int) -> dict[str, list[Entry]]:
    """Leave out ids dated by a wrong clock, so NOV does not refuse the whole file."""
    return {
        kind: [e for e in rows if FIRST_YEAR <= e[1] <= last_year] for kind, rows in entries.items()
    }


def export_sync_file(db: Database, path: Path) -> SyncExportResult:
    """Write this installation's signed sync file to ``path`` with a new sequence number."""
    from goedgeregeld.exchange.container.identity import own_identity
    from goedgeregeld.exchange.sync.signed import payload_bytes, signed_sync_document

    check_output(path)  # before the sequence number is taken
    identity = own_identity(db)
    sequence, now = reserve_sync_sequence(db)
    entries = _plausible(collect_entries(db), now.year)
    document = build_sync_document(identity.installation_id, sequence, now, entries)
    write_json_atomically(path, signed_sync_document(identity, payload_bytes(document)))
    return SyncExportResult(path, sequence, {k: len(v) for k, v in entries.items()})


def suggested_file_name(db: Database, day: date) -> str:
    """The sync file's default name: this installation and the day.

    Every installation used to suggest the same name, so NOV's mailbox filled with
    attachments called ``goedgeregeld-statistiek-2026-12-01.json`` that overwrote each other.
    """
    from goedgeregeld.exchange.container.identity import own_identity

    short = own_identity(db).installation_id.replace("-", "")[:8]
    return f"goedgeregeld-statistiek-{short}-{day:%Y-%m-%d}.json"
