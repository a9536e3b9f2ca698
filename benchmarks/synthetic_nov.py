"""Synthetic piles of sync files with known true figures, for tests, benchmarks and demos.

Organisation installations each hold their own organisation; adviser installations hold
an adviser and copies of client organisations (same id, same year). Every installation
exports one to three times as its data grows, so older files are subsets of newer ones.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.exchange.sync.export import build_sync_document
from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    KIND_NAMES,
    ORGANISATIONS,
    QUALITY_MARKS,
    SIZE_CLASSES,
    UNKNOWN_PROVINCE,
    Entry,
)

FIRST, LAST = 2016, 2025


@dataclass
class _Installation:
    id: str
    entries: dict[str, list[Entry]] = field(default_factory=lambda: {k: [] for k in KIND_NAMES})


@dataclass
class SyntheticPile:
    """The files written and the figures they must give, per kind: total and per year."""

    files: list[Path]
    expected: dict[str, dict[str, Any]]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _organisation(rng: random.Random) -> tuple[Entry, list[Entry], list[Entry]]:
    year = rng.randint(FIRST, LAST)
    province = rng.choice((*PROVINCES, None))
    org: Entry = (_uuid(rng), year, province, rng.choice(SIZE_CLASSES))
    evaluations: list[Entry] = []
    marks: list[Entry] = []
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        done = rng.randint(year, LAST)
        evaluations.append((_uuid(rng), done, None, rng.choice(("full", "small"))))
        if rng.random() < 0.2:
            marks.append((evaluations[-1][0], rng.randint(done, LAST), None, None))
    return org, evaluations, marks


def build_installations(
    rng: random.Random, organisations: int, advisers: int, clients_per_adviser: int
) -> list[_Installation]:
    """Organisation and adviser installations; advisers hold copies of some organisations."""
    installations: list[_Installation] = []
    for _ in range(organisations):
        inst = _Installation(_uuid(rng))
        org, evaluations, marks = _organisation(rng)
        inst.entries[ORGANISATIONS.name].append(org)
        inst.entries[EVALUATIONS_COMPLETED.name] += evaluations
        inst.entries[QUALITY_MARKS.name] += marks
        installations.append(inst)
    own = list(installations)
    for _ in range(advisers):
        inst = _Installation(_uuid(rng))
        region = rng.choice((*PROVINCES, None))
        inst.entries[ADVISERS.name].append((_uuid(rng), rng.randint(FIRST, LAST), region, None))
        for client in rng.sample(own, min(clients_per_adviser, len(own))):
            for kind in (ORGANISATIONS.name, EVALUATIONS_COMPLETED.name, QUALITY_MARKS.name):
                inst.entries[kind] += client.entries[kind]
        if rng.random() < 0.3:  # an adviser who also made an account for a new client
            org, evaluations, marks = _organisation(rng)
            inst.entries[ORGANISATIONS.name].append(org)
            inst.entries[EVALUATIONS_COMPLETED.name] += evaluations
        installations.append(inst)
    return installations


def expected_figures(installations: list[_Installation]) -> dict[str, dict[str, Any]]:
    """Per kind the total, count per year (as strings) and per province of distinct ids."""
    result: dict[str, dict[str, Any]] = {}
    for kind in KIND_NAMES:
        distinct = {e[0]: e for inst in installations for e in inst.entries[kind]}
        per_year = Counter(e[1] for e in distinct.values())
        result[kind] = {
            "total": len(distinct),
            "by_year": {str(y): n for y, n in sorted(per_year.items())},
        }
        if kind in (ORGANISATIONS.name, ADVISERS.name):
            per_province = Counter(e[2] or UNKNOWN_PROVINCE for e in distinct.values())
            result[kind]["by_province"] = dict(sorted(per_province.items()))
    return result


def export_documents(rng: random.Random, inst: _Installation, exports: int) -> list[dict[str, Any]]:
    """``exports`` growing sync documents of one installation; the last holds everything."""
    last_year = max((e[1] for rows in inst.entries.values() for e in rows), default=FIRST)
    cutoffs = sorted(rng.randint(FIRST, last_year) for _ in range(exports - 1)) + [last_year]
    documents = []
    for sequence, cutoff in enumerate(cutoffs, start=1):
        subset = {k: sorted(e for e in rows if e[1] <= cutoff) for k, rows in inst.entries.items()}
        moment = datetime(cutoff, 12, 1) + timedelta(hours=sequence)
        documents.append(build_sync_document(inst.id, sequence, moment, subset))
    return documents


def write_pile(
    folder: Path,
    *,
    organisations: int,
    advisers: int,
    clients_per_adviser: int = 10,
    seed: int = 1,
    max_exports: int = 3,
) -> SyntheticPile:
    """Write every export of every installation into ``folder`` (in subfolders of 1,000)."""
    rng = random.Random(seed)
    installations = build_installations(rng, organisations, advisers, clients_per_adviser)
    files: list[Path] = []
    for inst in installations:
        for document in export_documents(rng, inst, rng.randint(1, max_exports)):
            path = folder / f"{len(files) // 1000:03d}" / f"{inst.id}-{document['sequence']}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(document, indent=1), encoding="utf-8")
            files.append(path)
    return SyntheticPile(files, expected_figures(installations))
