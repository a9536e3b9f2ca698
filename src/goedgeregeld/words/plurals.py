"""Singular or plural by the Dutch CLDR plural rule (Babel): one for exactly 1, else many."""

from __future__ import annotations

from goedgeregeld.words.locale import dutch


def plural(n: int, one: str, many: str) -> str:
    """``one`` for exactly 1, else ``many`` (Dutch uses the plural for 0 too)."""
    return one if dutch().plural_form(n) == "one" else many


def counted(n: int, one: str, many: str) -> str:
    """The number and the right form: "1 organisatie", "3 organisaties", "0 organisaties"."""
    return f"{n} {plural(n, one, many)}"
