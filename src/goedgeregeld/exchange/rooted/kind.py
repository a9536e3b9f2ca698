"""One kind of NOV-signed document: its model, its checks and (if importable) its importer.

``exchange.kinds.root_document_kinds`` lists them all; ``verify`` and ``import`` look a
document up there by its format name. A new kind (the keurmerk certificate) adds a
``RootDocumentKind`` and a line in that list, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from goedgeregeld.exchange.rooted.document import SignedDocument
from goedgeregeld.trust.revocations import KnownRevocations

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.store.db.engine import Database


@dataclass(frozen=True)
class RootDocumentKind:
    """A kind of document NOV's root key signs."""

    format_name: str
    label: str
    """Dutch name, e.g. ``adviseurscertificaat``."""
    model: type[BaseModel]
    """The strict model of the ``document`` part."""
    still_valid: Callable[[Any, KnownRevocations, date], str | None]
    """None when the document holds on ``date`` with these revocations, else the Dutch reason."""
    describe: Callable[[Any], str]
    """One Dutch line saying what the document says (for ``verify``)."""
    importer: Callable[[Database, VerifiedDocument], ImportOutcome] | None = None
    """How ``import`` records it; None for a kind that is only verified."""


@dataclass(frozen=True)
class VerifiedDocument:
    """A document that verified against the root: its kind, its parsed content, its file."""

    kind: RootDocumentKind
    body: Any
    """An instance of ``kind.model``."""
    signed: SignedDocument

    @property
    def path(self) -> Path:
        """The file it was read from."""
        return self.signed.path
