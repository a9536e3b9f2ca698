"""Compare: per theme the change since the organisation's previous evaluation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import Operations
from goedgeregeld.ui.models.comparison import ComparisonModel, StatementChangesModel
from goedgeregeld.ui.widgets.common import button, row_table, text_label, title_label
from goedgeregeld.words import dutch_date, format_number, format_percentage
from goedgeregeld.words.nouns import THEME
from goedgeregeld.words.plurals import plural

if TYPE_CHECKING:
    from goedgeregeld.store.comparison import Comparison, TotalChange


def _mark_text(eligible: bool) -> str:
    return tr("alle eisen gehaald") if eligible else tr("nog niet alle eisen gehaald")


def totals_text(totals: TotalChange | None) -> str:
    """The total score and the quality-mark verdict, before and now, in two lines."""
    if totals is None:
        return ""
    change = totals.change
    if change is None:
        difference = ""
    elif change == 0:
        difference = " " + tr("(gelijk)")
    else:
        sign = "+" if change > 0 else "−"
        difference = " " + tr("({sign}{n} procentpunt)").format(
            sign=sign, n=format_number(abs(change))
        )
    return "\n".join(
        (
            tr("Totaalscore: vorige keer {old}, nu {new}{difference}").format(
                old=format_percentage(totals.previous),
                new=format_percentage(totals.current),
                difference=difference,
            ),
            tr("Keurmerk: vorige keer {old}, nu {new}").format(
                old=_mark_text(totals.previous_eligible), new=_mark_text(totals.current_eligible)
            ),
        )
    )


class ComparePage(QWidget):
    back_requested = Signal(str)
    home_requested = Signal()
    loaded = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.evaluation_id: str | None = None
        self.comparison: Comparison | None = None
        self.setAccessibleName(tr("Vergelijken met de vorige zelfevaluatie"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("Vergelijken met de vorige zelfevaluatie"), self), 1)
        self.back_button = button(tr("Naar de uitkomst"), self, primary=True)
        self.home_button = button(tr("Startscherm"), self)
        top.addWidget(self.back_button)
        top.addWidget(self.home_button)
        layout.addLayout(top)
        self.totals_label = text_label("", self)
        self.totals_label.setObjectName("sectionTitle")
        layout.addWidget(self.totals_label)
        self.summary = text_label(tr("Gegevens worden geladen…"), self)
        layout.addWidget(self.summary)
        self.model = ComparisonModel(self)
        self.table = row_table(self.model, tr("Score per thema, vorige keer en nu"), self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 3)
        self.note = text_label("", self, muted=True)
        layout.addWidget(self.note)
        layout.addWidget(title_label(tr("Per stelling"), self, section=True))
        self.statement_model = StatementChangesModel(self)
        self.statement_table = row_table(
            self.statement_model, tr("Antwoord per stelling, vorige keer en nu"), self
        )
        header = self.statement_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.statement_table, 4)
        self.back_button.clicked.connect(lambda: self.back_requested.emit(self.evaluation_id))
        self.home_button.clicked.connect(self.home_requested)
        self.setFocusProxy(self.table)

    def load(self, evaluation_id: str) -> None:
        from goedgeregeld.store.comparison import compare_with_previous

        self.evaluation_id = evaluation_id
        self.operations.read(
            lambda db: compare_with_previous(db, evaluation_id), self.show_comparison
        )

    def show_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        if comparison is None:
            self.summary.setText(
                tr(
                    "Dit is de eerste zelfevaluatie van deze organisatie; er is nog niets om mee te vergelijken."
                )
            )
            self.totals_label.setText("")
            self.model.set_rows([])
            self.statement_model.set_rows([])
            self.loaded.emit()
            return
        self.totals_label.setText(totals_text(comparison.totals))
        better = sum(1 for t in comparison.themes if (t.change or 0) > 0)
        worse = sum(1 for t in comparison.themes if (t.change or 0) < 0)
        self.summary.setText(
            tr(
                "Vergeleken met de zelfevaluatie van {date}: {better} {went} vooruit, {worse} achteruit."
            ).format(
                date=dutch_date(comparison.previous_created_at),
                better=THEME(better),
                went=plural(better, tr("ging"), tr("gingen")),
                worse=worse,
            )
        )
        self.model.set_rows(comparison.themes)
        self.statement_model.set_rows(comparison.statements)
        if comparison.across_editions:
            self.note.setText(
                tr(
                    "De vorige keer werd vragenlijst {old} gebruikt, nu {new}. Elke themascore "
                    "telt volgens zijn eigen vragenlijst. Per stelling ziet u het antwoord van "
                    "de vorige keer: een gesplitste stelling tegen haar bron, een "
                    "samengevoegde tegen het gemiddelde van haar bronnen. Stellingen met "
                    "‘n.v.t.’ tellen niet mee."
                ).format(
                    old=comparison.previous_edition_version, new=comparison.current_edition_version
                )
            )
        else:
            self.note.setText(
                tr("Verschil in procentpunten. Stellingen met ‘n.v.t.’ tellen niet mee.")
            )
        self.loaded.emit()
