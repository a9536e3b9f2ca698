"""Verify or import a NOV-signed document on this installation: its root, its known revocations.

The one entry point other kinds reuse: ``verify_here`` checks any registered document against
the configured root (``trust.root``) and the revocation list this installation has read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from goedgeregeld.exchange.kinds import root_document_kinds
from goedgeregeld.exchange.outcome import ImportOutcome
from goedgeregeld.exchange.rooted.document import DocumentError
from goedgeregeld.exchange.rooted.kind import VerifiedDocument
from goedgeregeld.exchange.rooted.local import root_and_revocations
from goedgeregeld.exchange.rooted.verify import verify_file
from goedgeregeld.store.db.engine import Database

__all__ = ["import_root_document", "root_and_revocations", "verify_here"]


def verify_here(db: Database, path: Path, today: date | None = None) -> VerifiedDocument:
    """Verify ``path`` against this installation's root and revocations (DocumentError if not)."""
    root, revocations = root_and_revocations(db)
    return verify_file(path, root_document_kinds(), root, revocations, today or date.today())


def import_root_document(db: Database, path: Path) -> ImportOutcome:
    """Verify a NOV-signed document completely, then let its kind record it (one transaction)."""
    verified = verify_here(db, path)
    if verified.kind.importer is None:
        raise DocumentError(
            path, f"een {verified.kind.label} wordt niet ingelezen; controleer het met 'verify'"
        )
    return verified.kind.importer(db, verified)
