"""The published JSON Schemas in docs/formats match the models the readers use."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedgeregeld.exchange.schemas import SCHEMAS, schema_text

DOCS = Path(__file__).resolve().parents[2] / "docs" / "formats"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_published_schema_is_current(name: str) -> None:
    assert (DOCS / name).read_text(encoding="utf-8") == schema_text(SCHEMAS[name]), (
        "run: python -m goedgeregeld.exchange.schemas"
    )
