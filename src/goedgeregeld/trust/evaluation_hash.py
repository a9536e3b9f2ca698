"""The content hash of an evaluation: what a keurmerk certificate names as "what was assessed".

Computed the same way at NOV (from the evaluation file the assessor read) and at the
organisation (from its own database), so a certificate fits exactly the answers, notes and
evidence that were assessed: change one answer afterwards and the certificate no longer fits.
Timestamps, status and the action plan are left out on purpose: they change without
changing what was assessed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

CONTEXT = b"goedgeregeld-evaluatie-inhoud-1\n"


@dataclass(frozen=True)
class AssessedAnswer:
    """One answer as assessed: the value (0-3 or None), not applicable, and the note."""

    statement_id: str
    value: int | None
    not_applicable: bool
    note: str


@dataclass(frozen=True)
class AssessedContent:
    """Everything the hash covers, as plain values."""

    evaluation_id: str
    organisation_id: str
    edition_id: str
    edition_version: str
    edition_hash: str
    variant: str
    answers: tuple[AssessedAnswer, ...]
    evidence: tuple[tuple[str, str], ...]
    """(statement id, SHA-256 of the file) pairs."""


def assessed_content(
    *,
    evaluation_id: str,
    organisation_id: str,
    edition: tuple[str, str, str],
    variant: str,
    answers: Iterable[AssessedAnswer],
    evidence: Iterable[tuple[str, str]],
) -> AssessedContent:
    """The content in canonical order (answers by statement, evidence pairs sorted, once each)."""
    return AssessedContent(
        evaluation_id=evaluation_id,
        organisation_id=organisation_id,
        edition_id=edition[0],
        edition_version=edition[1],
        edition_hash=edition[2],
        variant=variant,
        answers=tuple(sorted(answers, key=lambda a: a.statement_id)),
        evidence=tuple(sorted(set(evidence))),
    )


def evaluation_content_hash(content: AssessedContent) -> str:
    """SHA-256 (hex) over a fixed context line and the canonical JSON of the content."""
    document = {
        "evaluation_id": content.evaluation_id,
        "organisation_id": content.organisation_id,
        "edition": [content.edition_id, content.edition_version, content.edition_hash],
        "variant": content.variant,
        "answers": [[a.statement_id, a.value, a.not_applicable, a.note] for a in content.answers],
        "evidence": [list(pair) for pair in content.evidence],
    }
    canonical = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(CONTEXT + canonical.encode("utf-8")).hexdigest()
