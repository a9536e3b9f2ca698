"""The report's appendix "Bijlage: Bewijsstukken": the evidence file names per statement.

It prints the store's own ``AttachmentRecord`` rows (read by ``report.data`` through
``store.evidence.list_attachments``); the appendix appears only when there is at least
one file, and the report never opens a file itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from goedgeregeld.report.labels import statement_label

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from goedgeregeld.questionnaire.model import Edition
    from goedgeregeld.report.blocks import Blocks
    from goedgeregeld.store.records import AttachmentRecord


def evidence_flowables(
    items: Sequence[AttachmentRecord], edition: Edition, numbers: Mapping[str, int], blocks: Blocks
) -> list[Flowable]:
    """The appendix: the file names per statement, in questionnaire order."""
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
        number = numbers.get(statement_id)
        label = statement_label(statement, number) if statement else "andere stelling"
        rows.append([label, "\n".join(sorted(names, key=str.casefold))])
    return [
        blocks.heading("Bijlage: Bewijsstukken", 0),
        blocks.paragraph(
            "De bestanden die als bewijsstuk bij een stelling zijn toegevoegd.", "body"
        ),
        blocks.table(["Stelling", "Bestanden"], rows, [0.55, 0.45]),
    ]
