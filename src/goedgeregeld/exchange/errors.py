"""The one error every exchange reader raises: the file name and the problem, in Dutch."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.store.errors import StoreError


class ExchangeFileError(StoreError):
    """A file that cannot be read or imported; ``str()`` names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")
