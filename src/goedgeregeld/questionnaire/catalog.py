"""The questionnaire editions shipped with the app."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from goedgeregeld.base.resources import questionnaires_dir
from goedgeregeld.questionnaire.loader import load_edition
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.questionnaire.problems import QuestionnaireError


class UnknownEditionError(LookupError):
    """No shipped edition has the requested id."""


def shipped_files() -> list[Path]:
    """The YAML files of every shipped edition, sorted by name."""
    return sorted(questionnaires_dir().glob("*.yaml"))


@cache
def shipped_editions() -> tuple[Edition, ...]:
    """Every shipped edition, loaded and checked, also against the edition it continues."""
    editions = []
    for path, loaded in zip(shipped_files(), _unlinked(), strict=True):
        if isinstance(loaded, QuestionnaireError):
            raise loaded
        editions.append(
            loaded if loaded.continues is None else load_edition(path, previous_shipped)
        )
    return tuple(editions)


@cache
def _unlinked() -> tuple[Edition | QuestionnaireError, ...]:
    # Loaded without the check against the previous edition, which needs these very editions.
    results: list[Edition | QuestionnaireError] = []
    for path in shipped_files():
        try:
            results.append(load_edition(path))
        except QuestionnaireError as exc:
            results.append(exc)
    return tuple(results)


def previous_shipped(edition_id: str, version: str) -> Edition | None:
    """The shipped edition with this id and version, for checking a mapping to it.

    A shipped file that does not load is passed over, so that ``questionnaire check``
    still reports the problems of the other files.
    """
    for edition in _unlinked():
        if isinstance(edition, Edition) and (edition.id, edition.version) == (edition_id, version):
            return edition
    return None


def find_edition(edition_id: str | None = None, version: str | None = None) -> Edition:
    """The newest shipped edition (the default for new evaluations), or the one asked for."""
    editions = [
        e for e in shipped_editions() if edition_id in (None, e.id) and version in (None, e.version)
    ]
    if not editions:
        raise UnknownEditionError(" ".join(p for p in (edition_id, version) if p))
    return max(editions, key=lambda e: _version_key(e.version))


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))
