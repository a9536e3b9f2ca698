"""The typed fast path of the sync reader never accepts what the strict reader refuses.

``parse_sync_bytes`` tries the typed decoder first and falls back to the strict reader,
which names the fault. Here both read the same bytes: valid files written in any layout,
and valid files with one fault put in as text (a key twice, a wrong type, a year after
the file's own...). Whenever the fast path gives a result, the strict reader gives the
same one; and every plain valid file takes the fast path.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goedgeregeld.exchange.sync.read as sync_read
from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.exchange.sync.export import build_sync_document
from goedgeregeld.exchange.sync.format import SIZE_CLASSES, SyncFile, SyncFileError

_ids = st.builds(lambda: str(uuid.uuid4()))
_years = st.integers(2000, 2024)
_provinces = st.sampled_from((*PROVINCES, None))
_entries = st.fixed_dictionaries(
    {
        "organisations": st.lists(
            st.tuples(_ids, _years, _provinces, st.sampled_from(SIZE_CLASSES)), max_size=3
        ),
        "evaluations_completed": st.lists(
            st.tuples(_ids, _years, st.none(), st.sampled_from(("full", "small"))), max_size=3
        ),
        "advisers": st.lists(st.tuples(_ids, _years, _provinces, st.none()), max_size=2),
        "quality_marks": st.lists(st.tuples(_ids, _years, st.none(), st.none()), max_size=2),
    }
)
_documents = st.builds(
    lambda inst, seq, entries: build_sync_document(inst, seq, datetime(2024, 6, 1, 9), entries),
    _ids,
    st.integers(1, 2**31 - 1),
    _entries,
)
_layouts = st.sampled_from(
    (
        {},
        {"indent": 1},
        {"separators": (",", ":")},
        {"indent": "\t", "sort_keys": True},
    )
)

# Faults put in as text, so that keys given twice and odd spellings are possible too.
_FAULTS: tuple[tuple[str, str], ...] = (
    ('"version": 1', '"version": 1, "version": 1'),
    ('"version": 1', '"version": 1.0'),
    ('"version": 1', '"version": true'),
    ('"sequence": ', '"sequence": -'),
    ('"year": 20', '"year": 19'),
    ('"year": 20', '"year": 30'),
    ('"year": ', '"year": "'),
    ('"year": 2', '"year": 2.'),
    ('"size": "', '"size": "x'),
    ('"province": "', '"province": "West-'),
    ('"province": null', '"province": "Brussel"'),
    ('"variant": "full"', '"variant": "full", "variant": "small"'),
    ('"region": ', '"region": {}, "x": '),
    ('"created_at": "2024', '"created_at": "2024", "created_at": "2024'),
    ('"created_at": "2024-06-01T09:00:00Z"', '"created_at": "2024-06-01T09:00:00+01:00"'),
    ('"created_at": "2024-06-01T09:00:00Z"', '"created_at": "2024-06-01T09:00:00"'),
    ('"created_at": "2024-06-01T09:00:00Z"', '"created_at": "2024-13-01T09:00:00Z"'),
    ('"created_at": "2024', '"created_at": "2021'),
    ('"installation_id": "', '"installation_id": "A'),
    ('"id": "', '"id": "\\u0030'),
    ('"organisations": [', '"organisations": [[], '),
    ('"advisers": [', '"advisers": [{"id": "x", "year": 2020, "region": null}, '),
    ("}", ', "note": "Jan"}'),
    ("]", ", null]"),
    ("{", "{ "),
)


def _strict(data: bytes) -> SyncFile | None:
    try:
        return sync_read._parse_strict(data, signed=False)
    except SyncFileError:
        return None


def _first_ids_again(document: dict[str, Any]) -> dict[str, Any]:
    """The same id twice in one kind, where the kind has an entry to copy."""
    for kind in ("organisations", "evaluations_completed", "advisers", "quality_marks"):
        if document[kind]:
            document[kind].append(dict(document[kind][0]))
            break
    return document


@settings(max_examples=300, deadline=None)
@given(document=_documents, layout=_layouts)
def test_every_valid_file_takes_the_fast_path_with_the_strict_result(
    document: dict[str, Any], layout: dict[str, Any]
) -> None:
    data = json.dumps(document, **layout).encode()
    fast = sync_read._parse_typed_valid(data)
    assert fast is not None
    assert fast == _strict(data)


@settings(max_examples=600, deadline=None)
@given(
    document=_documents,
    layout=_layouts,
    fault=st.sampled_from(_FAULTS),
    occurrence=st.integers(0, 3),
    twice=st.booleans(),
)
def test_the_fast_path_never_accepts_what_the_strict_reader_refuses(
    document: dict[str, Any],
    layout: dict[str, Any],
    fault: tuple[str, str],
    occurrence: int,
    twice: bool,
) -> None:
    text = json.dumps(_first_ids_again(document) if twice else document, **layout)
    separator = ":" if "separators" in layout else ": "
    old, new = (part.replace(": ", separator) for part in fault)
    parts = text.split(old)
    if len(parts) > 1:
        at = min(occurrence, len(parts) - 2)
        text = old.join(parts[: at + 1]) + new + old.join(parts[at + 1 :])
    data = text.encode()
    fast = sync_read._parse_typed_valid(data)
    if fast is not None:
        assert fast == _strict(data)
