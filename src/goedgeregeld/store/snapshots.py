"""Editions frozen inside evaluations, parsed once per content hash."""

from __future__ import annotations

from functools import lru_cache

from goedgeregeld.questionnaire.model import Edition, canonical_json, content_hash
from goedgeregeld.store.errors import StoreError


@lru_cache(maxsize=16)
def edition_from_snapshot(snapshot: str, expected_hash: str) -> Edition:
    """The edition stored in an evaluation; refuses a snapshot whose hash does not match."""
    import json

    edition = Edition.model_validate(json.loads(snapshot))
    if content_hash(canonical_json(edition.model_dump(mode="json", by_alias=True))) != (
        expected_hash
    ):
        raise StoreError("de opgeslagen vragenlijst past niet bij haar controlegetal")
    return edition
