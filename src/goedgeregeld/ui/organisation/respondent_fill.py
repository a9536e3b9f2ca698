"""'Wie vult nu in?': one respondent answers on this laptop, seeing only their own answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Operations
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.ui.widgets.statement_card import StatementCard

if TYPE_CHECKING:
    from goedgeregeld.scoring import AnswerValue
    from goedgeregeld.store.records import AnswerRecord
    from goedgeregeld.ui.organisation.voices_data import VoicesData


def _as_answer(statement_id: str, value: object, note: str) -> AnswerRecord | None:
    from goedgeregeld.store.clock import utc_now
    from goedgeregeld.store.records import AnswerRecord

    if value is None and not note:
        return None
    score = value if isinstance(value, int) else None
    return AnswerRecord(statement_id, score, value == "na", note, utc_now())


class RespondentFillDialog(QDialog):
    """Every statement as a card; each click is stored as this respondent's own answer."""

    def __init__(
        self, operations: Operations, data: VoicesData, respondent_id: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.operations, self.respondent_id = operations, respondent_id
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        person = next(p for p in data.view.respondents if p.id == respondent_id)
        self.setWindowTitle(tr("Invullen als {name}").format(name=person.name))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(tr("Invullen als {name}").format(name=person.name), self))
        layout.addWidget(
            text_label(
                tr(
                    "U ziet alleen uw eigen antwoorden; die van de anderen blijven verborgen tot "
                    "u klaar bent. Elk antwoord wordt meteen bewaard."
                ),
                self,
                muted=True,
            )
        )
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        inner = QWidget(area)
        cards = QVBoxLayout(inner)
        by_id = {s.id: s for s in data.view.statements}
        self.cards: dict[str, StatementCard] = {}
        asked = [s for s in data.edition.statements_by_id.values() if s.id in by_id]
        for statement in asked:
            merged = by_id[statement.id]
            answer = _as_answer(
                statement.id, merged.scores.get(respondent_id), merged.notes.get(respondent_id, "")
            )
            card = StatementCard(statement, merged.number, data.edition, answer, inner)
            card.answered.connect(self._answered)
            card.note_edited.connect(self._note)
            cards.addWidget(card)
            self.cards[statement.id] = card
        cards.addStretch(1)
        area.setWidget(inner)
        layout.addWidget(area, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.done_button = button(tr("Ik ben klaar"), self, primary=True)
        self.close_button = button(tr("Sluiten"), self)
        bottom.addWidget(self.done_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.done_button.clicked.connect(self._done)
        self.close_button.clicked.connect(self.accept)

    def _answered(self, statement_id: str, value: AnswerValue) -> None:
        from goedgeregeld.store.respondents import save_respondent_answer

        card = self.cards[statement_id]
        card.set_saving()
        rid = self.respondent_id
        self.operations.write(
            [Change.ANSWERS],
            lambda db: save_respondent_answer(db, rid, statement_id, value),
            lambda _r: card.set_saved(),
            lambda exc: card.set_failed(str(exc)),
        )

    def _note(self, statement_id: str, text: str) -> None:
        from goedgeregeld.store.respondents import save_respondent_answer

        card = self.cards[statement_id]
        rid = self.respondent_id
        self.operations.write(
            [Change.ANSWERS],
            lambda db: save_respondent_answer(db, rid, statement_id, None, text),
            lambda _r: card.note_stored(text),
            lambda exc: card.note_failed(str(exc)),
        )

    def _done(self) -> None:
        from goedgeregeld.store.respondents import set_done

        rid = self.respondent_id
        self.operations.write(
            [Change.ANSWERS], lambda db: set_done(db, rid), lambda _r: self.accept()
        )
