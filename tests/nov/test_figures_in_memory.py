"""Figures counted from the rows just merged equal the store's own count.

When the store was empty before a run, ``aggregate`` counts the figures from the rows it
has just written instead of reading them back. Both counts must agree on every pile:
shared ids, equal timestamps (the higher installation id wins), timestamps that differ
only in fractions of a second, and changes between a file and its successor.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from nov_helpers import document, write

from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.exchange.sync.format import Entry
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore, open_nov_store
from goedgeregeld.nov.store.figures import national_figures

_INSTALLATIONS = [f"{n:08x}-0000-4000-8000-000000000000" for n in (1, 2, 0xFFFFFFFF)]
_IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 6)]
_MOMENTS = [datetime(2024, 6, 1, 12), datetime(2024, 6, 1, 12, 0, 0, 500_000)]
_org = st.tuples(
    st.sampled_from(_IDS),
    st.integers(2020, 2024),
    st.sampled_from((*PROVINCES[:3], None)),
    st.sampled_from(("klein", "groot")),
)
_file = st.tuples(
    st.sampled_from(_INSTALLATIONS),
    st.integers(1, 3),
    st.sampled_from(_MOMENTS),
    st.lists(_org, max_size=3, unique_by=lambda e: e[0]),
    st.lists(st.tuples(st.sampled_from(_IDS), st.integers(2021, 2024)), max_size=2),
)


def test_equal_timestamps_go_to_the_lower_installation_id(
    nov_store: NovStore, tmp_path: Path
) -> None:
    shared = _IDS[0]
    low = document(_INSTALLATIONS[0], 1, organisations=[(shared, 2020, "Utrecht", "klein")])
    high = document(_INSTALLATIONS[2], 1, organisations=[(shared, 2021, "Zeeland", "groot")])
    files = [write(tmp_path / "low.json", low), write(tmp_path / "high.json", high)]
    figures = aggregate(nov_store, files).figures
    # The owner is the first to report; between equals the lower id (issue 16: before, the
    # higher id's report won, and with it any later report from anyone).
    assert figures["organisations"].by_province() == {"Utrecht": 1}
    assert figures == national_figures(nov_store)


@settings(max_examples=60, deadline=None)
@given(files=st.lists(_file, max_size=8))
def test_counted_in_memory_as_the_store_counts(
    files: list[tuple[str, int, datetime, list[Entry], list[tuple[str, int]]]],
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        paths = []
        for number, (installation, sequence, moment, orgs, marks) in enumerate(files):
            data = document(
                installation,
                sequence,
                created=moment + timedelta(days=sequence),
                organisations=orgs,
                marks=[(mark_id, year, None, None) for mark_id, year in marks],
            )
            # Written to the microsecond, which the exporter leaves out.
            data["created_at"] = (moment + timedelta(days=sequence)).isoformat() + "Z"
            paths.append(write(root / "files" / f"{number}.json", data))
        store = open_nov_store(root / "nov")
        try:
            in_memory = aggregate(store, paths).figures
            assert in_memory == national_figures(store)
        finally:
            store.close()
