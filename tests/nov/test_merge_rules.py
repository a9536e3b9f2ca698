"""The direct path for installations new to the store decides exactly as the general one.

``merge_installation`` takes a shortcut for an installation the store has never seen.
For random piles of one installation's files (old and new sequences, copies, older files
that drop or change ids, rival files with the same number), the shortcut and the general
rules must produce the same rows, counts and rejections.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from goedgeregeld.exchange.sync.format import KIND_NAMES, Entry, SyncFile, make_entry
from goedgeregeld.nov import merge_rules
from goedgeregeld.nov.files import FileTally
from goedgeregeld.nov.merge_rules import InstallationState, MergeBatch, canonical

_INSTALLATION = "00000000-0000-4000-8000-000000000001"
_IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(2, 8)]
_entry = st.tuples(st.sampled_from(_IDS), st.integers(2020, 2022), st.none(), st.none())
_contents = st.fixed_dictionaries(
    {
        "organisations": st.lists(_entry, max_size=3, unique_by=lambda e: e[0]),
        "quality_marks": st.lists(_entry, max_size=2, unique_by=lambda e: e[0]),
    }
)
_file = st.tuples(st.integers(1, 4), _contents)


def _sync(sequence: int, contents: dict[str, list[Entry]]) -> SyncFile:
    entries = {
        kind: tuple(sorted(make_entry(kind, *entry) for entry in contents.get(kind, ())))
        for kind in KIND_NAMES
    }
    digest = hashlib.sha256(repr((sequence, entries)).encode()).hexdigest()
    created = datetime(2024, 1, 1) + timedelta(days=sequence)
    return SyncFile(_INSTALLATION, sequence, created, entries, digest)


def _outcome(batch: MergeBatch) -> dict[str, Any]:
    tally = batch.tally
    return {
        "accepted": tally.accepted,
        "already_known": tally.already_known,
        "rejected": sorted((r.path, r.reason) for r in tally.rejected),
        "files": sorted(batch.files),
        "observations": batch.observations,
    }


def _batch() -> MergeBatch:
    return MergeBatch(FileTally(), lambda moment: moment.isoformat(" "), datetime(2026, 1, 1))


@settings(max_examples=400, deadline=None)
@given(files=st.lists(_file, min_size=1, max_size=6), copies=st.integers(0, 3))
def test_new_installation_shortcut_matches_the_general_rules(
    files: list[tuple[int, dict[str, list[Entry]]]], copies: int
) -> None:
    group = [(f"{i}.json", _sync(seq, contents)) for i, (seq, contents) in enumerate(files)]
    group += [(f"copy-{path}", sync) for path, sync in group[:copies]]
    group.sort(key=canonical)
    shortcut, general = _batch(), _batch()
    merge_rules.merge_installation(_INSTALLATION, list(group), None, shortcut)
    merge_rules._merge_known(_INSTALLATION, list(group), InstallationState(), general)
    assert _outcome(shortcut) == _outcome(general)
