"""Reading sync files: every kind of bad input is refused with a reason, before any merge."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from goedgeregeld.exchange.sync.export import build_sync_document
from goedgeregeld.exchange.sync.format import MAX_FILE_BYTES, SyncFileError
from goedgeregeld.exchange.sync.read import looks_like_sync_file, parse_sync_bytes, read_sync_file


def _valid() -> dict[str, Any]:
    return build_sync_document(
        str(uuid.uuid4()),
        3,
        datetime(2024, 5, 1, 10, 0),
        {
            "organisations": [(str(uuid.uuid4()), 2021, "Utrecht", "klein")],
            "evaluations_completed": [(str(uuid.uuid4()), 2022, None, "small")],
            "advisers": [(str(uuid.uuid4()), 2020, None, None)],
            "quality_marks": [(str(uuid.uuid4()), 2023, None, None)],
        },
    )


def _bytes(data: Any) -> bytes:
    return json.dumps(data).encode()


def test_a_valid_file_parses_to_its_entries() -> None:
    data = _valid()
    parsed = parse_sync_bytes(_bytes(data))
    assert parsed.installation_id == data["installation_id"] and parsed.sequence == 3
    first = {kind: rows[0] for kind, rows in parsed.entries.items()}
    organisation, evaluation = first["organisations"], first["evaluations_completed"]
    assert (organisation.year, organisation.province, organisation.detail) == (
        2021,
        "Utrecht",
        "klein",
    )
    assert (evaluation.year, evaluation.province, evaluation.detail) == (2022, None, "small")
    assert (first["advisers"].year, first["advisers"].detail) == (2020, None)
    assert first["quality_marks"].id == data["quality_marks"][0]["evaluation_id"]
    assert parsed.entry_count() == 4 and len(parsed.digest) == 64
    assert looks_like_sync_file(_bytes(data))


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BAD: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "wrong format": (_set(("format",), "goedgeregeld-evaluation"), "format"),
    "wrong version": (_set(("version",), 2), "versie"),
    "version as text": (_set(("version",), "1"), "versie"),
    "installation not uuid": (_set(("installation_id",), "installatie-1"), "UUID"),
    "sequence zero": (_set(("sequence",), 0), "sequence"),
    "sequence text": (_set(("sequence",), "3"), "sequence"),
    "sequence bool": (_set(("sequence",), True), "sequence"),
    "created in future": (_set(("created_at",), "2999-01-01T00:00:00Z"), "created_at"),
    "created garbage": (_set(("created_at",), "gisteren"), "created_at"),
    "negative year": (_set(("organisations", 0, "year"), -5), "jaar"),
    "absurd year": (_set(("organisations", 0, "year"), 1850), "jaar"),
    "year after file": (_set(("organisations", 0, "year"), 2025), "jaar"),
    "year as float": (_set(("organisations", 0, "year"), 2021.0), "jaar"),
    "id not uuid": (_set(("organisations", 0, "id"), "Stichting Zwaluw"), "UUID"),
    "upper-case uuid": (_set(("advisers", 0, "id"), str(uuid.uuid4()).upper()), "UUID"),
    "town as province": (_set(("organisations", 0, "province"), "Amersfoort"), "provincie"),
    "unknown size": (_set(("organisations", 0, "size"), "enorm"), "size"),
    "unknown variant": (_set(("evaluations_completed", 0, "variant"), "half"), "variant"),
    "free text field": (_set(("organisations", 0, "name"), "Club"), "veld 'name'; dat hoort niet"),
    "extra top level": (_set(("notes",), "hallo"), "veld 'notes'; dat hoort niet"),
    "kind not a list": (_set(("advisers",), {"a": 1}), "lijst"),
    "entry not object": (_set(("advisers",), ["x"]), "velden"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_content_is_refused_with_a_reason(case: str) -> None:
    change, reason = BAD[case]
    data = _valid()
    change(data)
    with pytest.raises(SyncFileError, match=reason):
        parse_sync_bytes(_bytes(data))


def test_duplicate_ids_in_one_kind_are_refused() -> None:
    data = _valid()
    data["organisations"].append(dict(data["organisations"][0]))
    with pytest.raises(SyncFileError, match="meer dan eens"):
        parse_sync_bytes(_bytes(data))


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", _bytes(_valid())[:50], b"\xff\xfe\x00garbage", b"[]", b"null", b"42"],
)
def test_truncated_or_non_object_files_are_refused(raw: bytes) -> None:
    with pytest.raises(SyncFileError):
        parse_sync_bytes(raw)


def test_deep_nesting_is_refused_before_parsing() -> None:
    raw = b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(SyncFileError, match="genest"):
        parse_sync_bytes(raw)


def test_brackets_inside_strings_do_not_fool_the_depth_check() -> None:
    data = _valid()
    data["format"] = "[[[[[[[["
    with pytest.raises(SyncFileError, match="format"):
        parse_sync_bytes(_bytes(data))


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(SyncFileError, match="te groot"):
        read_sync_file(path)


def test_a_large_valid_file_is_read_whole(tmp_path: Path) -> None:
    data = _valid()
    data["organisations"] = [
        {"id": str(uuid.uuid4()), "year": 2020, "province": None, "size": "klein"}
        for _ in range(3_000)
    ]
    path = tmp_path / "large.json"
    path.write_bytes(_bytes(data))
    assert path.stat().st_size > 3 * 64 * 1024
    assert len(read_sync_file(path).entries["organisations"]) == 3_000


def test_unreadable_path_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(SyncFileError, match="niet te lezen"):
        read_sync_file(tmp_path / "missing.json")


@pytest.mark.parametrize("escaped_colons", [0, 1, 2])
def test_a_duplicate_key_is_refused_even_when_escapes_hide_colons(escaped_colons: int) -> None:
    # Each escaped colon in created_at hides one ':' from a byte count; a duplicate key adds one.
    text = _bytes(_valid())
    stamp = b'"2024-05-01T10:00:00Z"'
    assert stamp in text
    hidden = stamp.replace(b":", b"\\u003a", escaped_colons)
    text = text.replace(stamp, hidden).replace(b'"year": ', b'"year": 2001, "year": ', 1)
    with pytest.raises(SyncFileError, match="twee keer"):
        parse_sync_bytes(text)


def test_escaped_characters_in_a_valid_file_still_parse() -> None:
    data = _valid()
    text = _bytes(data).replace(b'"2024-05-01T10:00:00Z"', b'"2024-05-01T10\\u003a00:00Z"')
    escaped, plain = parse_sync_bytes(text), parse_sync_bytes(_bytes(data))
    assert (escaped.created_at, escaped.entries) == (plain.created_at, plain.entries)


def test_an_absurd_year_is_shown_cut_off_with_a_mark() -> None:
    # Found by trying NOV mode: a 23-digit year was shown as its first 12 digits, unmarked.
    data = _valid()
    data["organisations"][0]["year"] = 10**22
    with pytest.raises(SyncFileError, match="jaar 100000000000… ligt niet tussen"):
        parse_sync_bytes(_bytes(data))
