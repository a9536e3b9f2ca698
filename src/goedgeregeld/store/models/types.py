"""Column types of the store's models, importable without mapping any model."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import String, TypeDecorator
from sqlalchemy.engine import Dialect

_E = TypeVar("_E", bound=StrEnum)


class StoredEnum(TypeDecorator[_E]):
    """A domain enum kept as its plain value in a VARCHAR column; it reads back as the enum.

    The stored text stays exactly the value ("completed"), so the schema, the migrations and
    every older database are unchanged.
    """

    impl = String
    cache_ok = True

    def __init__(self, enum: type[_E], length: int, **kwargs: Any) -> None:
        super().__init__(length, **kwargs)
        self.enum = enum

    def process_bind_param(self, value: _E | str | None, dialect: Dialect) -> str | None:
        """The plain value for the database; an unknown value fails here, not at commit."""
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> _E | None:
        """The enum for a stored value."""
        return None if value is None else self.enum(value)
