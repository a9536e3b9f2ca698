"""The installation's sync file: what it holds, its growing sequence, and no personal data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from goedgeregeld.exchange.sync.export import export_sync_file
from goedgeregeld.exchange.sync.format import size_class
from goedgeregeld.exchange.sync.read import read_sync_file
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.actions import add_action
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
from goedgeregeld.store.installation import installation_id
from goedgeregeld.store.organisations import create_organisation

CANARIES = (
    "Zwaluwstaart",
    "canary.vogel@example.org",
    "Kanariedorp",
    "Amersfoort",
    "geheime-notitie-7731",
    "actie-canary-5512",
    "Adviseur Merel",
)


def _completed(db: Database, edition: Edition, organisation_id: str, note: str) -> str:
    evaluation = start_evaluation(db, organisation_id, edition)
    for statement_id in edition.statements_by_id:
        save_answer(db, evaluation.id, statement_id, 3, note)
    complete_evaluation(db, evaluation.id)
    return evaluation.id


def _document(raw: bytes) -> dict[str, Any]:
    """The version 1 document a signed (version 2) sync file carries as its payload."""
    envelope = json.loads(raw)
    assert envelope["version"] == 2
    return dict(json.loads(envelope["payload"]))


def test_no_name_mail_place_note_or_free_text_leaves_the_installation(
    db: Database, edition: Edition, tmp_path: Path
) -> None:
    organisation = create_organisation(
        db, "Zwaluwstaart canary.vogel@example.org", "Kanariedorp", "Utrecht", 30, 0.5
    )
    evaluation = _completed(
        db, edition, organisation.id, "geheime-notitie-7731 canary.vogel@example.org"
    )
    add_action(db, evaluation, "actie-canary-5512", owner="Zwaluwstaart")
    register_adviser(db, "Adviseur Merel canary.vogel@example.org", "Amersfoort")
    path = tmp_path / "sync.json"
    export_sync_file(db, path)
    raw = path.read_bytes()
    for canary in CANARIES:
        assert canary.encode() not in raw, canary
        assert canary.lower().encode() not in raw.lower(), canary
    document = _document(raw)
    assert document["organisations"] == [
        {
            "id": organisation.id,
            "year": organisation.created_at.year,
            "province": "Utrecht",
            "size": "middel",
        }
    ]
    assert document["evaluations_completed"][0]["id"] == evaluation
    # A region below province level is dropped, not passed on.
    assert document["advisers"][0]["region"] is None


def test_sequence_grows_and_the_file_reads_back(db: Database, tmp_path: Path) -> None:
    create_organisation(db, "Club", province="Zeeland", volunteers=150)
    first = export_sync_file(db, tmp_path / "a.json")
    create_organisation(db, "Club twee")
    second = export_sync_file(db, tmp_path / "b.json")
    assert (first.sequence, second.sequence) == (1, 2)
    parsed = read_sync_file(tmp_path / "b.json")
    assert parsed.installation_id == installation_id(db)
    assert parsed.sequence == 2
    assert sorted(e.province or "-" for e in parsed.entries["organisations"]) == ["-", "Zeeland"]
    assert second.counts["organisations"] == 2
    import json

    import goedgeregeld

    written = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert written["app_version"] == goedgeregeld.__version__


def test_adviser_and_region_province_are_exported(db: Database, tmp_path: Path) -> None:
    adviser = register_adviser(db, "Iemand", "gelderland")
    export_sync_file(db, tmp_path / "s.json")
    advisers = _document((tmp_path / "s.json").read_bytes())["advisers"]
    assert advisers == [
        {"id": adviser.id, "year": adviser.registered_at.year, "region": "Gelderland"}
    ]


def test_quality_mark_is_exported_with_its_year(
    db: Database, edition: Edition, tmp_path: Path
) -> None:
    from goedgeregeld.store.reviews import decide, record_quality_mark

    register_adviser(db, "Iemand", "Utrecht")
    organisation = create_organisation(db, "Club", province="Utrecht", volunteers=10, paid_fte=0)
    evaluation = _completed(db, edition, organisation.id, "")
    # Marks are recorded on the adviser's copy of a client's evaluation.
    with db.session() as session:
        session.execute(
            text("UPDATE organisation SET origin = 'client' WHERE id = :id"),
            {"id": organisation.id},
        )
    decide(db, evaluation, "ready", reason="Ter plekke beoordeeld")  # unreviewed: needs a reason
    record_quality_mark(db, evaluation, date(2025, 3, 1))
    export_sync_file(db, tmp_path / "s.json")
    marks = _document((tmp_path / "s.json").read_bytes())["quality_marks"]
    assert marks == [{"evaluation_id": evaluation, "year": 2025}]


@pytest.mark.parametrize(
    ("volunteers", "expected"),
    [
        (None, "onbekend"),
        (0, "klein"),
        (24, "klein"),
        (25, "middel"),
        (99, "middel"),
        (100, "groot"),
    ],
)
def test_size_class_boundaries(volunteers: int | None, expected: str) -> None:
    assert size_class(volunteers) == expected
