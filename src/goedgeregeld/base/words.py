"""Small helpers for Dutch sentences with numbers in them."""

from __future__ import annotations


def plural(n: int, one: str, many: str) -> str:
    """``one`` for exactly 1, else ``many`` (Dutch uses the plural for 0 too)."""
    return one if n == 1 else many


def counted(n: int, one: str, many: str) -> str:
    """The number and the right form: "1 organisatie", "3 organisaties", "0 organisaties"."""
    return f"{n} {plural(n, one, many)}"
