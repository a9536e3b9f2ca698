"""While filling in: the adviser's verdict and the evidence per statement, read and changed.

Owned by the filling-in page: it reads the review and the attachments, hands each card the
plain records for its statement, and attaches, opens or removes files through the
operations. A write announces ``Change.EVIDENCE``; the data is read again from that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change, Changes
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.widgets.statement_card import StatementCard

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.records import AttachmentRecord
    from goedgeregeld.store.review_records import ReviewRecord

EVIDENCE_FILTER = (
    "Documenten en afbeeldingen (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods *.png "
    "*.jpg *.jpeg);;Alle bestanden (*)"
)
SHOWN_DATA = frozenset({Change.EVIDENCE, Change.REVIEW})


class CardEvidence(QObject):
    """The review and attachments of one evaluation, shown on the page's statement cards."""

    def __init__(
        self,
        operations: Operations,
        dialogs: Dialogs,
        evaluation_id: str,
        cards: Callable[[], Iterable[StatementCard]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs, self.evaluation_id = operations, dialogs, evaluation_id
        self._cards = cards
        self.review: ReviewRecord | None = None
        self.attachments: dict[str, list[AttachmentRecord]] = {}
        self.ready = False
        operations.when_changed(self._data_changed)
        self.reload()

    def reload(self) -> None:
        """Read the review and the attachments again, then show them on every card."""
        evaluation_id = self.evaluation_id

        def read(
            db: Database,
        ) -> tuple[ReviewRecord | None, dict[str, list[AttachmentRecord]]]:
            from goedgeregeld.store.evidence import attachments_by_statement
            from goedgeregeld.store.reviews import load_review

            return load_review(db, evaluation_id), attachments_by_statement(db, evaluation_id)

        self.operations.read(read, self._loaded)

    def _data_changed(self, changes: Changes) -> None:
        if changes & SHOWN_DATA:
            self.reload()

    def _loaded(self, data: tuple[ReviewRecord | None, dict[str, list[AttachmentRecord]]]) -> None:
        self.review, self.attachments = data
        self.ready = True
        for card in self._cards():
            self.show_on(card)

    def connect_card(self, card: StatementCard) -> None:
        """Wire a new card's evidence buttons here and show what is known for it."""
        statement_id = card.statement_id
        card.review.add_requested.connect(lambda: self.choose(statement_id))
        card.review.open_requested.connect(self.open)
        card.review.remove_requested.connect(self.remove)
        self.show_on(card)

    def show_on(self, card: StatementCard) -> None:
        """Hand ``card`` the verdict and the attachments of its statement (once read)."""
        if not self.ready:
            return
        record = self.review.statements.get(card.statement_id) if self.review else None
        attachments: Sequence[AttachmentRecord] = self.attachments.get(card.statement_id, [])
        card.review.show_review(record, attachments)

    def choose(self, statement_id: str) -> None:
        self.dialogs.choose_open_paths(
            tr("Bewijsstuk toevoegen"),
            tr(EVIDENCE_FILTER),
            lambda paths: self.attach(statement_id, paths),
        )

    def attach(self, statement_id: str, paths: Sequence[Path]) -> None:
        from goedgeregeld.store.evidence import attach_evidence

        evaluation_id = self.evaluation_id
        self.operations.write(
            {Change.EVIDENCE},
            lambda db: [attach_evidence(db, evaluation_id, statement_id, p) for p in paths],
        )

    def open(self, attachment_id: str) -> None:
        from goedgeregeld.ui.adviser.review_page import open_attachment

        open_attachment(self.operations, self.dialogs, attachment_id)

    def remove(self, attachment: AttachmentRecord) -> None:
        from goedgeregeld.store.evidence import remove_attachment

        self.dialogs.confirm(
            tr("Bewijsstuk verwijderen"),
            tr("‘{n}’ weghalen bij deze stelling?").format(n=attachment.file_name),
            lambda: self.operations.write(
                {Change.EVIDENCE}, lambda db: remove_attachment(db, attachment.id)
            ),
        )
