"""What one kind of importable file is: how its archive looks and how it lands in the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from goedgeregeld.exchange.container.archive import Archive, ArchiveKind
from goedgeregeld.exchange.outcome import ImportOutcome

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.import_signer import ImportSigner


@dataclass(frozen=True)
class FileKind:
    """One kind of importable file: how its archive looks and how it lands in the database."""

    archive: ArchiveKind
    importer: Callable[[Database, Archive, ImportSigner | None], ImportOutcome]
    """Checks and records the archive; a signed file's signer is pinned in the same
    transaction (None for an unsigned file)."""
