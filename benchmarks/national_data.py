"""Synthetic national data for NOV: many installations, with the mess of real life, from a seed.

Organisation installations (95%) hold their own organisation; adviser installations hold
an adviser and copies of ten clients. Most installations send one file; about one in
ten also sent older, smaller files earlier (stale files), about one file in fifty
arrives twice (the same bytes in another folder), and about one in three hundred is
broken (cut off in transit). The same seed always writes the same bytes, so a pile is
made once into a cache folder and reused by every run and both databases.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synthetic_nov import build_installations, export_documents

CACHE = Path(os.environ.get("GOEDGEREGELD_BENCH_CACHE", "/tmp/goedgeregeld-bench-nov"))
"""Where piles are kept between runs (a pile of 100,000 installations is about 0.5 GB)."""
_COMPLETE = ".pile.json"
"""Hidden, so ``nov aggregate`` never reads it."""


@dataclass(frozen=True)
class NationalPile:
    """A folder of sync files and what is in it."""

    folder: Path
    installations: int
    files: int
    stale: int
    duplicates: int
    broken: int


def national_pile(installations: int, seed: int, cache: Path = CACHE) -> NationalPile:
    """The pile for ``installations`` and ``seed``: from the cache, or written now."""
    folder = cache / f"national-{installations}-{seed}"
    marker = folder / _COMPLETE
    if marker.exists():
        return NationalPile(folder, **json.loads(marker.read_text(encoding="utf-8")))
    return _write(folder, installations, seed)


def _write(folder: Path, installations: int, seed: int) -> NationalPile:
    rng = random.Random(seed)
    advisers = max(installations // 20, 1)
    everyone = build_installations(rng, installations - advisers, advisers, 10)
    files = stale = duplicates = broken = 0
    for inst in everyone:
        exports = 1 if rng.random() < 0.9 else rng.randint(2, 3)
        documents = export_documents(rng, inst, exports)
        stale += exports - 1
        for document in documents:
            text = json.dumps(document, indent=1)
            where = folder / f"{files // 1000:03d}"
            name = f"{inst.id}-{document['sequence']}.json"
            roll = rng.random()
            if roll < 0.003:
                text = text[: len(text) // 2]  # cut off in transit
                broken += 1
            elif roll < 0.023:
                _put(folder / "dubbel" / f"{files // 1000:03d}" / name, text)
                duplicates += 1
            _put(where / name, text)
            files += 1
    files += duplicates
    counts = {
        "installations": len(everyone),
        "files": files,
        "stale": stale,
        "duplicates": duplicates,
        "broken": broken,
    }
    (folder / _COMPLETE).write_text(json.dumps(counts), encoding="utf-8")
    return NationalPile(folder, **counts)


def _put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
