"""What this installation trusts: the configured NOV root and the revocations it has read."""

from __future__ import annotations

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.root_trust import known_revocations
from goedgeregeld.trust.revocations import KnownRevocations
from goedgeregeld.trust.root import TrustRoot, configured_root


def root_and_revocations(db: Database) -> tuple[TrustRoot, KnownRevocations]:
    """The root this installation trusts and what it knows NOV withdrew."""
    root = configured_root(db.path.parent)
    return root, known_revocations(db, root.fingerprint)
