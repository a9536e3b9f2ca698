"""The one error every exchange reader raises: the file name and the problem, in Dutch."""

from __future__ import annotations

import re
from pathlib import Path

from goedgeregeld.store.errors import StoreError

# Control characters, line and paragraph separators and bidirectional overrides: text from
# a hostile file must not break a message over lines, colour a terminal or reverse itself.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` on one line, every control character shown as a Python escape."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


class ExchangeFileError(StoreError):
    """A file that cannot be read or imported; ``str()`` names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = printable(problem)
        super().__init__(f"{printable(self.path.name)}: {self.problem}")
