"""What importing one file did, in plain data for the command line and the app."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class ImportStatus(StrEnum):
    """How an import ended."""

    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OLDER = "older"
    FAILED = "failed"


@dataclass(frozen=True)
class ImportOutcome:
    """The result of importing one file; ``message`` is a Dutch line naming the file."""

    path: Path
    status: ImportStatus
    message: str
    kind: str | None = None
    evaluation_id: str | None = None
    changed_statements: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """The file was read without problems (it may still have changed nothing)."""
        return self.status is not ImportStatus.FAILED
