"""The annual report, end to end: a shuffled, duplicated pile with bad files gives exact figures."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from nov_helpers import document, org, write

from benchmarks.synthetic_nov import write_pile
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.overview import headlines
from goedgeregeld.nov.store.database import NovStore


def test_annual_report_figures_come_out_exactly_as_constructed(
    nov_store: NovStore, tmp_path: Path
) -> None:
    # 300 organisation installations and 25 advisers with 12 clients each, created over
    # 2016-2025, each exporting one to three growing files.
    pile = write_pile(
        tmp_path / "made", organisations=300, advisers=25, clients_per_adviser=12, seed=2020
    )
    rng = random.Random(4)
    inbox = tmp_path / "inbox"
    for index, path in enumerate(rng.sample(pile.files, len(pile.files))):
        target = inbox / f"mail-{index % 7}" / f"{index:05d}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for index, path in enumerate(rng.sample(pile.files, 40)):  # exported or mailed twice
        shutil.copyfile(path, inbox / f"kopie-{index}.json")
    # An installation with two exports: someone forges a file under its older number.
    victim = next(json.loads(p.read_text()) for p in pile.files if p.name.endswith("-2.json"))
    (inbox / "afgebroken.json").write_text(json.dumps(victim)[:-30])
    (inbox / "oude-versie.json").write_text(json.dumps({**victim, "version": 0}))
    write(
        inbox / "vervalst.json", document(victim["installation_id"], 1, organisations=[org(2020)])
    )
    (inbox / "Thumbs.db").write_bytes(b"\x00\x01binary")

    # Part of the mail arrives first, in its own run; then everything.
    aggregate(nov_store, [inbox / "mail-0", inbox / "mail-3", inbox / "kopie-1.json"])
    result = aggregate(nov_store, [inbox]).to_json()

    for kind, expected in pile.expected.items():
        if kind == "quality_marks":
            continue  # claims in sync files; NOV counts marks from its own register (below)
        for key, value in expected.items():
            assert result[kind][key] == value, (kind, key)
    # Since issue 16 the pile's 44 claimed marks count for nothing: NOV's register is empty.
    assert pile.expected["quality_marks"]["total"] > 0
    assert result["quality_marks"] == {"total": 0, "by_year": {}}
    rejected = {Path(r["path"]).name for r in result["files"]["rejected"]}
    assert rejected == {"afgebroken.json", "oude-versie.json", "vervalst.json", "Thumbs.db"}
    files = result["files"]
    assert files["read"] == len(pile.files) + 40 + 4
    assert files["accepted"] + files["already_known"] + len(rejected) == files["read"]

    year = 2020
    organisations = pile.expected["organisations"]["by_year"].get(str(year), 0)
    network = sum(n for y, n in pile.expected["advisers"]["by_year"].items() if int(y) <= year)
    lines = headlines(aggregate(nov_store, []).figures, year)
    assert lines[0] == f"In {year} maakten {organisations} organisaties een account aan."
    assert f"het netwerk telt nu {network} adviseurs" in lines[2]
