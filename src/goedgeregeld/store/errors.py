"""Errors the store raises; each carries a plain Dutch message for the user."""

from __future__ import annotations


class StoreError(Exception):
    """Bad data or a request the store cannot honour; ``str()`` is a Dutch one-liner."""


class NotFoundError(StoreError):
    """An id that is not in this installation's data."""

    def __init__(self, kind: str, identifier: str) -> None:
        self.kind, self.identifier = kind, identifier
        super().__init__(f"{kind} '{identifier}' bestaat niet in deze gegevens")


class DatabaseDamagedError(StoreError):
    """The database file cannot be opened or fails its integrity check."""
