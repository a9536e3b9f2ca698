"""docs/cli-json.md names every kind of reason the verdict can give."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.domain import ReasonKind

DOC = Path(__file__).parents[1] / "docs" / "cli-json.md"


def test_every_reason_kind_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [kind.value for kind in ReasonKind if f"| `{kind.value}` |" not in text]
    assert not missing
