"""While filling in a re-assessment: the answers that wait for confirmation, and their order.

The order is the store's (``reassessment.attention_order``): what failed last time, what the
adviser questioned, what is new in the edition, then the rest. Plain Python, no widgets.
"""

from __future__ import annotations

from collections.abc import Callable


class CarriedAnswers:
    """Which statements still wait, and the next one to go to."""

    def __init__(self, to_confirm: list[str], order: list[str]) -> None:
        self.waiting = set(to_confirm)
        self.order = order

    def done(self, statement_id: str) -> None:
        """Confirmed or answered: it no longer waits."""
        self.waiting.discard(statement_id)

    def next_after(self, current: str | None, is_open: Callable[[str], bool]) -> str | None:
        """The next statement in the attention order that still waits or is still open."""
        start = self.order.index(current) + 1 if current in self.order else 0
        for candidate in self.order[start:] + self.order[:start]:
            if candidate in self.waiting or is_open(candidate):
                return candidate
        return None

    def any_left(self, is_open: Callable[[str], bool]) -> bool:
        """Something in the order still waits or is open."""
        return self.next_after(None, is_open) is not None
