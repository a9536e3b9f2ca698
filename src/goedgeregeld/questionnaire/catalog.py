"""The questionnaire editions shipped with the app."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from goedgeregeld.base.resources import questionnaires_dir
from goedgeregeld.questionnaire.loader import load_edition
from goedgeregeld.questionnaire.model import Edition


class UnknownEditionError(LookupError):
    """No shipped edition has the requested id."""


def shipped_files() -> list[Path]:
    """The YAML files of every shipped edition, sorted by name."""
    return sorted(questionnaires_dir().glob("*.yaml"))


@cache
def shipped_editions() -> tuple[Edition, ...]:
    """Every shipped edition, loaded and checked."""
    return tuple(load_edition(path) for path in shipped_files())


def find_edition(edition_id: str | None = None) -> Edition:
    """The newest shipped edition, or the newest one with the given id."""
    editions = [e for e in shipped_editions() if edition_id in (None, e.id)]
    if not editions:
        raise UnknownEditionError(edition_id or "")
    return max(editions, key=lambda e: _version_key(e.version))


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))
