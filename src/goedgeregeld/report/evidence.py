"""Evidence files per statement for the report's appendix, with the hook the adviser workflow fills.

Hook for the adviser workflow (issue 5): ``load_evidence(db, evaluation_id)`` returns the
attached files as ``EvidenceItem`` rows. It returns an empty list until attachments are
stored; the workflow replaces its body with a read of its attachment table. The appendix
"Bewijsstukken" appears only when there is at least one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.report.blocks import Blocks
    from goedgeregeld.store.db.engine import Database


@dataclass(frozen=True)
class EvidenceItem:
    """One file attached as evidence to a statement (the name only; the report never opens it)."""

    statement_id: str
    file_name: str


def load_evidence(db: Database, evaluation_id: str) -> list[EvidenceItem]:
    """The evidence files of an evaluation, by statement and file name."""
    from goedgeregeld.store.evidence import list_attachments

    return [EvidenceItem(a.statement_id, a.file_name) for a in list_attachments(db, evaluation_id)]


def evidence_flowables(
    items: list[EvidenceItem], edition: Edition, blocks: Blocks
) -> list[Flowable]:
    """Appendix B: the file names per statement, in questionnaire order."""
    by_statement: dict[str, list[str]] = {}
    for item in items:
        by_statement.setdefault(item.statement_id, []).append(item.file_name)
    order = list(edition.statements_by_id) + sorted(
        set(by_statement) - set(edition.statements_by_id)
    )
    rows = []
    for statement_id in order:
        names = by_statement.get(statement_id)
        if not names:
            continue
        statement = edition.statements_by_id.get(statement_id)
        label = f"{statement_id} {statement.text}" if statement else statement_id
        rows.append([label, "\n".join(sorted(names, key=str.casefold))])
    return [
        blocks.heading("Bijlage B: Bewijsstukken", 0),
        blocks.paragraph(
            "De bestanden die als bewijsstuk bij een stelling zijn toegevoegd.", "body"
        ),
        blocks.table(["Stelling", "Bestanden"], rows, [0.55, 0.45]),
    ]
