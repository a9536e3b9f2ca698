"""Errors the store raises; each carries a plain Dutch message for the user."""

from __future__ import annotations

from goedgeregeld.base.errors import UserFacingError
from goedgeregeld.base.text import TextRefusedError, TextRule, clean_text


class StoreError(UserFacingError):
    """Bad data or a request the store cannot honour; ``str()`` is a Dutch one-liner."""


class NotFoundError(StoreError):
    """An id that is not in this installation's data."""

    def __init__(self, kind: str, identifier: str) -> None:
        self.kind, self.identifier = kind, identifier
        super().__init__(f"{kind} '{identifier}' bestaat niet in deze gegevens")


class ImportRefusedError(StoreError):
    """A received file that does not fit this installation's data; nothing was recorded.

    ``problem`` is the Dutch reason without the file name: the exchange layer, which knows
    the file, raises it again as its own error naming the file.
    """

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


class TextRefusedByStoreError(StoreError, ValueError):
    """A text the store does not keep: a control character, an override, empty, too long."""


def checked_text(value: str | None, rule: TextRule) -> str:
    """The text as stored, through the app's one text validator, or a StoreError."""
    try:
        return clean_text(value, rule)
    except TextRefusedError as exc:
        raise TextRefusedByStoreError(str(exc)) from None


class DatabaseDamagedError(StoreError):
    """The database file cannot be opened or fails its integrity check."""


class DatabaseRefusedError(DatabaseDamagedError):
    """The file is not this app's database (0 bytes, another program's, a stray log).

    Refused before anything was written; the message says what to do.
    """


_SQLITE_MESSAGES = (
    ("readonly", "de gegevensmap is alleen-lezen; kies een map waarin u mag schrijven"),
    ("disk is full", "de schijf is vol; maak ruimte vrij en probeer het opnieuw"),
    ("disk i/o error", "de schijf gaf een leesfout; maak zo snel mogelijk een reservekopie"),
    ("malformed", "het gegevensbestand is beschadigd; zet een reservekopie terug"),
    ("not a database", "het gegevensbestand is beschadigd; zet een reservekopie terug"),
    ("unable to open database", "het gegevensbestand is niet te openen"),
    ("database is locked", "de gegevens zijn in gebruik door een ander programma"),
)


def describe_database_error(exc: BaseException) -> str | None:
    """A Dutch one-liner for a SQLite failure the user can act on, else None."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    for needle, message in _SQLITE_MESSAGES:
        if needle in text:
            return message
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
        return _SQLITE_MESSAGES[1][1]
    if isinstance(exc, PermissionError):
        return _SQLITE_MESSAGES[0][1]
    return None
