"""Merging sync files: union per kind of id, duplicates, old files, conflicts, bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nov_helpers import document, new_id, org, write
from sqlalchemy import text

from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.figures import national_figures


def test_union_counts_each_organisation_once_across_installations(
    nov_store: NovStore, tmp_path: Path
) -> None:
    shared = org(2020, "Utrecht", "middel")
    own = write(tmp_path / "own.json", document(new_id(), 1, organisations=[shared, org(2021)]))
    adviser = write(
        tmp_path / "adviser.json",
        document(
            new_id(), 1, organisations=[shared], advisers=[(new_id(), 2020, "Gelderland", None)]
        ),
    )
    result = aggregate(nov_store, [own, adviser]).to_json()
    assert result["organisations"]["total"] == 2
    assert result["organisations"]["by_year"] == {"2020": 1, "2021": 1}
    assert result["organisations"]["by_province"] == {"Utrecht": 2}
    assert result["advisers"] == {
        "total": 1,
        "by_year": {"2020": 1},
        "by_province": {"Gelderland": 1},
    }
    assert result["files"] == {
        "read": 2,
        "accepted": 2,
        "already_known": 0,
        "rejected": [],
        "quarantined": [],
    }


def test_same_file_twice_and_old_after_new_change_nothing(
    nov_store: NovStore, tmp_path: Path
) -> None:
    installation = new_id()
    first, second = org(2019), org(2020)
    old = write(tmp_path / "old.json", document(installation, 1, organisations=[first]))
    new = write(tmp_path / "new.json", document(installation, 2, organisations=[first, second]))
    assert aggregate(nov_store, [new]).figures["organisations"].total == 2
    again = aggregate(nov_store, [new, old, new])
    assert again.figures["organisations"].total == 2
    assert again.files.to_json() == {
        "read": 3,
        "accepted": 0,
        "already_known": 3,
        "rejected": [],
        "quarantined": [],
    }


def test_newer_file_moves_an_organisation_to_its_new_province(
    nov_store: NovStore, tmp_path: Path
) -> None:
    installation, moved = new_id(), org(2020, "Utrecht")
    later = (moved[0], 2020, "Zeeland", "groot")
    one = write(tmp_path / "1.json", document(installation, 1, organisations=[moved]))
    two = write(tmp_path / "2.json", document(installation, 2, organisations=[later]))
    aggregate(nov_store, [two])
    figures = aggregate(nov_store, [one]).figures["organisations"]
    assert figures.by_province() == {"Zeeland": 1} and figures.by_detail() == {"groot": 1}


def test_lower_sequence_with_other_content_is_a_conflict_and_not_counted(
    nov_store: NovStore, tmp_path: Path
) -> None:
    installation = new_id()
    good = write(tmp_path / "good.json", document(installation, 5, organisations=[org(2020)]))
    aggregate(nov_store, [good])
    forged = write(
        tmp_path / "forged.json", document(installation, 3, organisations=[org(2020), org(2021)])
    )
    same_number = write(
        tmp_path / "same.json", document(installation, 5, organisations=[org(2022)])
    )
    result = aggregate(nov_store, [forged, same_number])
    reasons = {Path(r.path).name: r.reason for r in result.files.rejected}
    assert set(reasons) == {"forged.json", "same.json"}
    assert all(reason.startswith("conflict") for reason in reasons.values())
    assert result.figures["organisations"].total == 1


def test_bad_files_are_listed_and_the_rest_still_count(nov_store: NovStore, tmp_path: Path) -> None:
    good = write(tmp_path / "in" / "good.json", document(new_id(), 1, organisations=[org()]))
    (tmp_path / "in" / "broken.json").write_bytes(good.read_bytes()[:40])
    (tmp_path / "in" / "sub").mkdir()
    (tmp_path / "in" / "sub" / "other.json").write_text(json.dumps({"format": "iets anders"}))
    (tmp_path / "in" / ".hidden.json").write_text("not even json")
    result = aggregate(nov_store, [tmp_path / "in", tmp_path / "missing.json"]).to_json()
    assert result["organisations"]["total"] == 1
    rejected = {Path(r["path"]).name: r["reason"] for r in result["files"]["rejected"]}
    assert set(rejected) == {"broken.json", "other.json", "missing.json"}
    assert "JSON" in rejected["broken.json"] and "format" in rejected["other.json"]
    assert result["files"]["read"] == 3 and result["files"]["accepted"] == 1


def test_bad_input_leaves_merged_data_untouched(nov_store: NovStore, tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", document(new_id(), 1, organisations=[org(), org(2021)]))
    before = aggregate(nov_store, [good]).to_json()
    bad = document(new_id(), 1, organisations=[org()])
    bad["organisations"][0]["year"] = 1850
    write(tmp_path / "bad" / "year.json", bad)
    after = aggregate(nov_store, [tmp_path / "bad"]).to_json()
    assert {k: v for k, v in after.items() if k != "files"} == {
        k: v for k, v in before.items() if k != "files"
    }
    assert national_figures(nov_store).to_json() == {
        k: v for k, v in before.items() if k != "files"
    }


def test_empty_store_gives_zero_figures(nov_store: NovStore) -> None:
    figures = national_figures(nov_store).to_json()
    assert figures["organisations"] == {"total": 0, "by_year": {}, "by_province": {}, "by_size": {}}
    assert figures["quality_marks"] == {"total": 0, "by_year": {}}


def test_forged_older_file_in_the_same_run_is_a_conflict_in_any_order(
    nov_store: NovStore, tmp_path: Path
) -> None:
    installation, kept = new_id(), org(2019)
    forged = write(tmp_path / "a-forged.json", document(installation, 1, organisations=[org(2018)]))
    newest = write(tmp_path / "b-newest.json", document(installation, 2, organisations=[kept]))
    result = aggregate(nov_store, [forged, newest])
    assert [Path(r.path).name for r in result.files.rejected] == ["a-forged.json"]
    assert result.figures["organisations"].by_year() == {2019: 1}


def test_two_different_newest_files_are_both_rejected(nov_store: NovStore, tmp_path: Path) -> None:
    installation = new_id()
    one = write(tmp_path / "one.json", document(installation, 4, organisations=[org(2020)]))
    two = write(tmp_path / "two.json", document(installation, 4, organisations=[org(2021)]))
    result = aggregate(nov_store, [two, one, one])
    names = sorted(Path(r.path).name for r in result.files.rejected)
    assert names == ["one.json", "one.json", "two.json"]
    assert result.figures["organisations"].total == 0


def test_the_first_report_owns_the_id_when_timestamps_differ_only_in_fractions(
    nov_store: NovStore, tmp_path: Path
) -> None:
    # Issue 16 changed this on purpose: before, the latest report won (Utrecht), so any
    # installation with a later clock could move an organisation. The earlier report is
    # "12:00:00", from the installation whose id sorts last: the time decides, not the id.
    shared = org(2020, "Utrecht")
    later = document("00000000-0000-4000-8000-000000000000", 1, organisations=[shared])
    later["created_at"] = "2024-06-01T12:00:00.500000Z"
    earlier = document(
        "ffffffff-ffff-4fff-bfff-ffffffffffff",
        1,
        organisations=[(shared[0], 2020, "Zeeland", "klein")],
    )
    earlier["created_at"] = "2024-06-01T12:00:00Z"
    files = [write(tmp_path / "a.json", later), write(tmp_path / "b.json", earlier)]
    assert aggregate(nov_store, files).figures["organisations"].by_province() == {"Zeeland": 1}


def _empty(store: NovStore) -> None:
    with store.begin() as connection:
        for table in (
            "nov_observation",
            "nov_file",
            "nov_trusted_key",
            "nov_total",
            "nov_known_file",
            "nov_installation",
        ):
            connection.execute(text(f"DELETE FROM {table}"))


def _figures_in_runs(store: NovStore, runs: list[list[Path]]) -> dict[str, Any]:
    _empty(store)
    for batch in runs:
        aggregate(store, batch)
    figures = national_figures(store).to_json()
    return figures


def test_a_forged_old_file_read_first_does_not_change_the_figures(
    nov_store: NovStore, tmp_path: Path
) -> None:
    # Found by trying NOV mode: read first, a forged sequence 1 with one organisation more
    # counted that organisation for good (260 instead of 259).
    installation, own, extra = new_id(), org(2020), org(2021)
    forged = write(tmp_path / "forged.json", document(installation, 1, organisations=[own, extra]))
    genuine = write(tmp_path / "one.json", document(installation, 1, organisations=[own]))
    newer = write(tmp_path / "two.json", document(installation, 2, organisations=[own, org()]))
    forged_first = _figures_in_runs(nov_store, [[forged], [genuine, newer]])
    genuine_first = _figures_in_runs(nov_store, [[genuine, newer], [forged]])
    one_run = _figures_in_runs(nov_store, [[forged, genuine, newer]])
    assert forged_first == genuine_first == one_run
    assert forged_first["organisations"]["total"] == 2


def test_an_id_only_an_older_file_had_stops_counting_in_either_order(
    nov_store: NovStore, tmp_path: Path
) -> None:
    installation, kept, dropped = new_id(), org(2020), org(2021)
    older = write(tmp_path / "1.json", document(installation, 1, organisations=[kept, dropped]))
    newer = write(tmp_path / "2.json", document(installation, 2, organisations=[kept]))
    old_first = _figures_in_runs(nov_store, [[older], [newer]])
    new_first = _figures_in_runs(nov_store, [[newer], [older]])
    assert old_first == new_first
    assert old_first["organisations"]["by_year"] == {"2020": 1}
