"""The signer of a received file, pinned inside the transaction that records the file.

A signed file's key and subject origin land with its content or not at all: the import
use cases (``client_import``, ``review_import``) take an ``ImportSigner`` and hand it to
``store.trust`` in their own transaction. The trust rules stay ``goedgeregeld.trust``'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from goedgeregeld.store.trust import record_signer_in
from goedgeregeld.trust import PresentedKey, Subject
from goedgeregeld.trust.identity import LinkStatement


@dataclass(frozen=True)
class ImportSigner:
    """Who signed a received file, and what the file is about (None if unreadable)."""

    key: PresentedKey
    subject: Subject | None
    link: LinkStatement | None = None
    """A link statement the checks accepted: its old id folds into the signer's."""


def pin_signer(session: Session, signer: ImportSigner | None) -> None:
    """Record the signer in the caller's transaction; nothing for an unsigned file."""
    if signer is not None:
        record_signer_in(session, signer.key, signer.subject, signer.link)
