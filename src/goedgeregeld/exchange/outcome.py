"""What importing one file did, in plain data for the command line and the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.records import ImportStatus

__all__ = ["ImportOutcome", "ImportStatus"]


@dataclass(frozen=True)
class ImportOutcome:
    """The result of importing one file; ``message`` is a Dutch line naming the file."""

    path: Path
    status: ImportStatus
    message: str
    kind: str | None = None
    evaluation_id: str | None = None
    changed_statements: tuple[str, ...] = ()
    signer: str | None = None
    """Fingerprint of the key that signed the file; None for an unsigned (version 1) file."""
    error: StoreError | None = field(default=None, compare=False)
    """Why a file failed: the UI tells a missing password or a changed key from the rest."""
    respondent_id: str | None = None
    """A respondent file or an answer file: whose invitation or answers it held."""

    @property
    def ok(self) -> bool:
        """The file was read without problems (it may still have changed nothing)."""
        return self.status is not ImportStatus.FAILED
