"""Several respondents: who they are, who fills in now, and all answers side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.domain import RespondentRole
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change, Changes
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.models.merged import MergedModel
from goedgeregeld.ui.organisation.voices_data import VoicesData, load_voices
from goedgeregeld.ui.widgets.common import button, row_table, text_label, title_label
from goedgeregeld.ui.widgets.svg_chart import SvgChart
from goedgeregeld.words.voices import (
    DONE,
    MEETING_MODE,
    MERGED_VIEW,
    NOT_DONE,
    REMOVED,
    ROLE_LABELS,
    WHO_FILLS_IN,
    disagreement_rule_text,
    role_label,
    theme_range_text,
)

if TYPE_CHECKING:
    from goedgeregeld.store.merge import MergedView

CHART_SIZE = (760, 330)


class VoicesPage(QWidget):
    home_requested = Signal()
    loaded = Signal()

    def __init__(
        self, operations: Operations, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs = operations, dialogs
        self.evaluation_id: str | None = None
        self.data: VoicesData | None = None
        self.setAccessibleName(tr("Meerdere invullers"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("Meerdere invullers"), self), 1)
        self.meeting_button = button(tr(MEETING_MODE), self, primary=True)
        self.home_button = button(tr("Startscherm"), self)
        top.addWidget(self.meeting_button)
        top.addWidget(self.home_button)
        layout.addLayout(top)
        self.intro = text_label(tr("Gegevens worden geladen…"), self, muted=True)
        layout.addWidget(self.intro)

        add = QHBoxLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(tr("Naam van wie invult"))
        self.name_edit.setAccessibleName(tr("Naam van de respondent"))
        self.role_box = QComboBox(self)
        self.role_box.setAccessibleName(tr("Rol van de respondent"))
        for role, label in ROLE_LABELS.items():
            self.role_box.addItem(tr(label), role.value)
        self.add_button = button(tr("Uitnodigen"), self)
        add.addWidget(self.name_edit, 2)
        add.addWidget(self.role_box, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)

        who = QHBoxLayout()
        who.addWidget(title_label(tr(WHO_FILLS_IN), self, section=True))
        self.who_box = QComboBox(self)
        self.who_box.setAccessibleName(tr(WHO_FILLS_IN))
        who.addWidget(self.who_box, 2)
        self.fill_button = button(tr("Invullen"), self)
        self.export_button = button(tr("Respondentbestand maken…"), self)
        self.import_button = button(tr("Antwoordbestand inlezen…"), self)
        self.remove_button = button(tr("Verwijderen"), self)
        for widget in (
            self.fill_button,
            self.export_button,
            self.import_button,
            self.remove_button,
        ):
            who.addWidget(widget)
        layout.addLayout(who)

        self.tabs = QTabWidget(self)
        merged = QWidget(self.tabs)
        merged_layout = QVBoxLayout(merged)
        merged_layout.setContentsMargins(0, 6, 0, 0)
        self.rule_label = text_label("", merged, muted=True)
        merged_layout.addWidget(self.rule_label)
        self.model = MergedModel(self)
        self.table = row_table(self.model, tr(MERGED_VIEW), merged)
        self.table.setWordWrap(False)
        merged_layout.addWidget(self.table, 1)
        self.tabs.addTab(merged, tr(MERGED_VIEW))
        spread = QWidget(self.tabs)
        spread_layout = QVBoxLayout(spread)
        spread_layout.setContentsMargins(0, 6, 0, 0)
        self.chart = SvgChart(spread)
        self.chart.setAccessibleName(tr("Spreiding per thema"))
        spread_layout.addWidget(self.chart)
        self.theme_label = text_label("", spread)
        spread_layout.addWidget(self.theme_label)
        spread_layout.addStretch(1)
        self.tabs.addTab(spread, tr("Spreiding per thema"))
        layout.addWidget(self.tabs, 1)

        self.home_button.clicked.connect(self.home_requested)
        self.add_button.clicked.connect(self._add)
        self.name_edit.returnPressed.connect(self._add)
        self.fill_button.clicked.connect(self._fill)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)
        self.remove_button.clicked.connect(self._remove)
        self.meeting_button.clicked.connect(self._meeting)
        operations.when_changed(self._data_changed)

    # -- data -------------------------------------------------------------------------------
    def load(self, evaluation_id: str) -> None:
        self.evaluation_id = evaluation_id
        self.operations.read(lambda db: load_voices(db, evaluation_id), self.show_data)

    def _data_changed(self, changes: Changes) -> None:
        if self.evaluation_id is not None and changes & {Change.ANSWERS, Change.EVALUATION}:
            self.load(self.evaluation_id)

    def show_data(self, data: VoicesData) -> None:
        self.data = data
        view = data.view
        rule = view.rule
        people = view.respondents
        active = [p for p in people if not p.removed]
        self.intro.setText(
            tr(
                "Laat iedereen apart invullen, hier om de beurt of op een eigen computer met een "
                "respondentbestand. Daarna bespreekt u samen waar u het oneens bent en legt u het "
                "afgesproken antwoord vast: alleen dat telt mee in de uitkomst."
            )
        )
        self.rule_label.setText(
            tr(disagreement_rule_text(rule.spread_at_least, rule.not_applicable_against_score))
            + " "
            + tr("De lijst begint bij de grootste onenigheid.")
        )
        current = self.who_box.currentData()
        self.who_box.clear()
        for person in active:
            state = DONE if person.done else NOT_DONE
            self.who_box.addItem(
                f"{person.name} ({role_label(person.role)}, {tr(state)})", person.id
            )
        if current is not None and (index := self.who_box.findData(current)) >= 0:
            self.who_box.setCurrentIndex(index)
        editable = not data.completed
        for widget in (self.fill_button, self.export_button, self.remove_button):
            widget.setEnabled(editable and bool(active))
        for control in (self.add_button, self.import_button, self.name_edit):
            control.setEnabled(editable)
        self.meeting_button.setEnabled(editable and bool(people))
        self.model.show_view(view, data.edition)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._show_spread(view)
        self.loaded.emit()

    def _show_spread(self, view: MergedView) -> None:
        from goedgeregeld.report.spread_chart import spread_chart_svg

        names = {p.id: p.name + (f" ({REMOVED})" if p.removed else "") for p in view.respondents}
        themes = [t for t in view.themes if t.low is not None]
        self.chart.load(
            spread_chart_svg(themes, list(names.items()), *CHART_SIZE) if themes else b""
        )
        lines = [
            f"{t.title}: "
            + theme_range_text(t.low, t.high, ", ".join(names[r] for r in t.most_positive) or None)
            for t in themes
        ]
        self.theme_label.setText("\n".join(lines) or tr("Nog geen antwoorden."))

    # -- actions ----------------------------------------------------------------------------
    def _add(self) -> None:
        from goedgeregeld.store.respondents import add_respondent

        name, role = self.name_edit.text(), RespondentRole(self.role_box.currentData())
        evaluation_id = self.evaluation_id
        if evaluation_id is None:
            return

        def added(_record: object) -> None:
            self.name_edit.clear()

        self.operations.write(
            [Change.ANSWERS],
            lambda db: add_respondent(db, evaluation_id, name, role),
            added,
            lambda exc: self.dialogs.error(str(exc)),
        )

    def _chosen(self) -> str | None:
        value = self.who_box.currentData()
        return value if isinstance(value, str) else None

    def _remove(self) -> None:
        from goedgeregeld.store.respondents import remove_respondent

        chosen = self._chosen()
        if chosen is None:
            return
        self.dialogs.confirm(
            tr("Respondent verwijderen"),
            tr("Deze persoon kan dan niet meer invullen. Wat al is ingevuld blijft zichtbaar."),
            lambda: self.operations.write(
                [Change.ANSWERS],
                lambda db: remove_respondent(db, chosen),
                None,
                lambda exc: self.dialogs.error(str(exc)),
            ),
        )

    def _fill(self) -> None:
        from goedgeregeld.ui.organisation.respondent_fill import RespondentFillDialog

        chosen = self._chosen()
        if chosen is None or self.data is None:
            return
        dialog = RespondentFillDialog(self.operations, self.data, chosen, self)
        dialog.open()

    def _meeting(self) -> None:
        from goedgeregeld.ui.organisation.meeting import MeetingDialog

        if self.data is None or self.evaluation_id is None:
            return
        dialog = MeetingDialog(self.operations, self.dialogs, self.data, self.evaluation_id, self)
        dialog.open()

    def _export(self) -> None:
        from goedgeregeld.ui.organisation.respondent_files import make_respondent_file

        chosen = self._chosen()
        if chosen is None or self.data is None:
            return
        person = next(p for p in self.data.view.respondents if p.id == chosen)
        make_respondent_file(self.operations, self.dialogs, chosen, person.name)

    def _import(self) -> None:
        from goedgeregeld.ui.organisation.respondent_files import import_answer_files

        import_answer_files(self.operations, self.dialogs)
