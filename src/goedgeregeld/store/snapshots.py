"""Editions frozen inside evaluations, parsed once per content hash."""

from __future__ import annotations

import json
from collections.abc import Callable
from threading import Lock

from goedgeregeld.questionnaire.model import Edition, content_hash
from goedgeregeld.store.errors import StoreError

_CACHE_LIMIT = 32
_cache: dict[str, Edition] = {}
_lock = Lock()


def parse_snapshot(snapshot: str, expected_hash: str) -> Edition:
    """Parse a stored snapshot; refuses one whose content does not match its hash."""
    edition = Edition.model_validate(json.loads(snapshot))
    actual = content_hash(edition.canonical_json())
    if actual != expected_hash:
        raise StoreError("de opgeslagen vragenlijst past niet bij haar controlegetal")
    return edition


def edition_for_hash(edition_hash: str, read_snapshot: Callable[[], str]) -> Edition:
    """The edition with this content hash; ``read_snapshot`` runs only on a cache miss.

    Saving an answer needs the edition on every call; reading and hashing the 60 kB
    snapshot each time would cost more than the commit itself.
    """
    with _lock:
        cached = _cache.get(edition_hash)
    if cached is not None:
        return cached
    edition = parse_snapshot(read_snapshot(), edition_hash)
    with _lock:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.pop(next(iter(_cache)))
        _cache[edition_hash] = edition
    return edition


def edition_from_snapshot(snapshot: str, expected_hash: str) -> Edition:
    """The edition stored in an evaluation whose snapshot text is already at hand."""
    return edition_for_hash(expected_hash, lambda: snapshot)
