"""Hostile files of issue 17's outputs part (``out-*``): huge integers, a completed file without answers.

Run after ``make_corpus.py`` (or alone): ``python tests/data/hostile/corpus_outputs.py``.
It derives its files from the valid base files and replaces its own manifest entries,
leaving every other entry as it is. Named pipes cannot live in git: the tests make those.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_lib import BASE_DIR, HERE, MANIFEST_FILE, manifest_for, raw_zip, zip_entries  # noqa: E402

PREFIX = "out-"
HUGE = b"9" * 5001  # past Python's 4300-digit limit: json raises a plain ValueError
TOO_MANY_DIGITS = "te veel cijfers"


def _rewrite(source: Path, target: Path, member: str, change: Any) -> None:
    members = dict(zip_entries(source))
    manifest = json.loads(members.pop("manifest.json"))
    members[member] = change(members[member])
    target.write_bytes(
        raw_zip([("manifest.json", manifest_for(members, manifest)), *members.items()])
    )


def _huge(field: bytes) -> Any:
    def change(raw: bytes) -> bytes:
        changed, count = re.subn(
            rb'("' + field + rb'"\s*:\s*)\d+', lambda m: m.group(1) + HUGE, raw, count=1
        )
        assert count == 1, field
        return changed

    return change


def _no_answers(raw: bytes) -> bytes:
    data = json.loads(raw)
    assert data["status"] == "completed"
    data["answers"], data["evidence"] = [], []
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def build() -> list[dict[str, Any]]:
    """Write the files; returns their manifest entries."""
    evaluation, review = BASE_DIR / "valid.ggeval", BASE_DIR / "valid.ggreview"
    entries: list[dict[str, Any]] = []

    def put(name: str, kind: str, attack: str, *fragments: str) -> None:
        entries.append(
            {
                "file": name,
                "kind": kind,
                "attack": attack,
                "expect": "refused",
                "message": list(fragments),
            }
        )

    for member, field in (
        ("organisation.json", b"volunteers"),
        ("evaluation.json", b"value"),
        ("edition.json", b"volunteers_below"),
    ):
        name = f"evaluation/{PREFIX}huge-int-{member.split('.')[0]}.ggeval"
        _rewrite(evaluation, HERE / name, member, _huge(field))
        put(
            name,
            "evaluation",
            f"a 5001-digit integer as {member} {field.decode()}",
            TOO_MANY_DIGITS,
        )
    name = f"review/{PREFIX}huge-int-review.ggreview"
    _rewrite(review, HERE / name, "review.json", _huge(b"proposed_score"))
    put(name, "review", "a 5001-digit integer as review.json proposed_score", TOO_MANY_DIGITS)
    name = f"evaluation/{PREFIX}completed-no-answers.ggeval"
    _rewrite(evaluation, HERE / name, "evaluation.json", _no_answers)
    put(name, "evaluation", "marked completed, zero answers", "afgerond", "geen enkel antwoord")
    name = f"sync/{PREFIX}huge-int-sync.json"
    text = (BASE_DIR / "valid-sync.json").read_bytes()
    (HERE / name).write_bytes(
        re.sub(rb'("sequence"\s*:\s*)\d+', lambda m: m.group(1) + HUGE, text, count=1)
    )
    put(name, "sync", "a 5001-digit integer as the sequence number", "geen geldige JSON")
    return entries


def main() -> None:
    """Rebuild the ``out-*`` files and their manifest entries."""
    kept = [
        e
        for e in json.loads(MANIFEST_FILE.read_text("utf-8"))
        if not Path(e["file"]).name.startswith(PREFIX)
    ]
    MANIFEST_FILE.write_text(json.dumps(kept + build(), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
