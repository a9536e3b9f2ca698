"""The action plan: pick weak statements, turn them into actions, edit owner, deadline, status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.models.actions import COLUMNS, ActionsModel, WeakStatementsModel
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.ui.widgets.date_edit import DutchDateEdit
from goedgeregeld.words import ACTION_STATUS_LABELS

if TYPE_CHECKING:
    from goedgeregeld.store.actions import WeakStatement
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.records import ActionRecord

Index = QModelIndex | QPersistentModelIndex


class StatusDelegate(QStyledItemDelegate):
    """Edit an action's status with a list of the three Dutch choices."""

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QComboBox:
        editor = QComboBox(parent)
        editor.setAccessibleName(tr("Status"))
        for key, label in ACTION_STATUS_LABELS.items():
            editor.addItem(tr(label), key)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(0x0002))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())


class DeadlineDelegate(QStyledItemDelegate):
    """Edit "Uiterlijk" with a Dutch date editor; a typed non-date keeps the old date and says so."""

    refused = Signal(str)
    accepted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        return DutchDateEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(0x0002)
        if isinstance(editor, DutchDateEdit) and isinstance(value, QDate):
            editor.setDate(value)
            editor.typed, editor.touched = None, False

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: Index,
    ) -> None:
        if not isinstance(editor, DutchDateEdit) or not editor.touched:
            return  # opened and left: an action without a date does not get today's
        if editor.typed is not None and editor.typed_is_refused():
            self.refused.emit(editor.typed)
            return
        model.setData(index, editor.date())
        self.accepted.emit()


def load_plan(db: Database, evaluation_id: str) -> tuple[list[WeakStatement], list[ActionRecord]]:
    """The weakest statements and the current actions (runs off the GUI thread)."""
    from goedgeregeld.store.actions import list_actions, weakest_statements
    from goedgeregeld.store.evaluations import load_state

    return weakest_statements(load_state(db, evaluation_id), limit=15), list_actions(
        db, evaluation_id
    )


class ActionPlanPage(QWidget):
    back_requested = Signal(str)
    loaded = Signal()

    def __init__(
        self, operations: Operations, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs = operations, dialogs
        self.evaluation_id = ""
        self.setAccessibleName(tr("Plan van aanpak"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("Plan van aanpak"), self), 1)
        self.back_button = button(tr("Terug naar de uitkomst"), self)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        layout.addWidget(
            title_label(tr("1. Kies de stellingen waar u mee aan de slag wilt"), self, section=True)
        )
        layout.addWidget(
            text_label(
                tr(
                    "Hieronder staan de stellingen met de laagste score. Vink aan wat u wilt aanpakken; "
                    "de app maakt er actiepunten van met het advies uit de vragenlijst."
                ),
                self,
                muted=True,
            )
        )
        self.weak_model = WeakStatementsModel(self)
        self.weak_list = QListView(self)
        self.weak_list.setModel(self.weak_model)
        self.weak_list.setAccessibleName(tr("Zwakste stellingen om uit te kiezen"))
        self.weak_list.setWordWrap(True)
        self.weak_list.setMinimumHeight(150)
        layout.addWidget(self.weak_list, 2)
        row = QHBoxLayout()
        self.create_button = button(
            tr("Actiepunten maken van de aangevinkte stellingen"), self, primary=True
        )
        row.addWidget(self.create_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(
            title_label(tr("2. Actiepunten: wie doet wat, en wanneer"), self, section=True)
        )
        self.actions_model = ActionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.actions_model)
        self.table.setAccessibleName(tr("Actiepunten"))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab leaves the table (arrows move between cells); otherwise a keyboard user is stuck.
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(COLUMNS.index("status"), StatusDelegate(self.table))
        self.deadline_delegate = DeadlineDelegate(self.table)
        self.table.setItemDelegateForColumn(COLUMNS.index("deadline"), self.deadline_delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 160), (2, 150), (3, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        layout.addWidget(self.table, 3)
        self.date_message = text_label("", self)
        self.date_message.setObjectName("errorState")
        self.date_message.setAccessibleName(tr("Melding bij de datum"))
        self.date_message.hide()
        layout.addWidget(self.date_message)
        row = QHBoxLayout()
        self.add_button = button(tr("Nieuw actiepunt"), self)
        self.delete_button = button(tr("Actiepunt verwijderen"), self)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(
            text_label(
                tr("Wijzigen: dubbelklik of F2. Alles wordt meteen bewaard."), self, muted=True
            )
        )
        layout.addLayout(row)
        self.back_button.clicked.connect(lambda: self.back_requested.emit(self.evaluation_id))
        self.create_button.clicked.connect(self._create_from_checked)
        self.add_button.clicked.connect(self._add_blank)
        self.delete_button.clicked.connect(self._delete_selected)
        self.actions_model.action_edited.connect(self._store_edit)
        self.deadline_delegate.refused.connect(self._date_refused)
        self.deadline_delegate.accepted.connect(self.date_message.hide)
        self.setFocusProxy(self.weak_list)

    def _date_refused(self, typed: str) -> None:
        self.date_message.setText(
            tr(
                "‘{typed}’ is geen datum die bestaat. De datum blijft zoals hij was. "
                "Typ bijvoorbeeld 1-3-2027 of 1 maart 2027, of kies in de kalender."
            ).format(typed=typed.strip())
        )
        self.date_message.show()
        # On a small screen the message takes room from the table: keep the row in view.
        self.table.scrollTo(self.table.currentIndex())

    def load(self, evaluation_id: str) -> None:
        self.evaluation_id = evaluation_id
        self.operations.read(lambda db: load_plan(db, evaluation_id), self._show)

    def _show(self, loaded: tuple[list[WeakStatement], list[ActionRecord]]) -> None:
        weak, actions = loaded
        planned = {a.statement_id for a in actions}
        self.weak_model.set_rows([w for w in weak if w.statement_id not in planned])
        if self.weak_model.rowCount():
            # A current row from the start, so the first Space ticks it (and shows where it is).
            self.weak_list.setCurrentIndex(self.weak_model.index(0, 0))
        self.actions_model.set_rows(actions)
        self.table.resizeRowsToContents()
        self.loaded.emit()

    def _create_from_checked(self) -> None:
        from goedgeregeld.store.actions import create_actions_for

        chosen = self.weak_model.checked_ids()
        if not chosen:
            self.dialogs.inform(tr("Plan van aanpak"), tr("Vink eerst een of meer stellingen aan."))
            return
        evaluation_id = self.evaluation_id
        self.operations.write(
            {Change.ACTIONS},
            lambda db: create_actions_for(db, evaluation_id, chosen),
            lambda _c: self.load(evaluation_id),
        )

    def _add_blank(self) -> None:
        from goedgeregeld.store.actions import add_action

        evaluation_id = self.evaluation_id
        self.operations.write(
            {Change.ACTIONS},
            lambda db: add_action(db, evaluation_id, tr("Nieuw actiepunt")),
            self._added,
        )

    def _added(self, record: ActionRecord) -> None:
        self.actions_model.append(record)
        index = self.actions_model.index(self.actions_model.rowCount() - 1, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _delete_selected(self) -> None:
        from goedgeregeld.store.actions import delete_action

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        record = self.actions_model.rows()[row]

        def delete() -> None:
            self.operations.write(
                {Change.ACTIONS},
                lambda db: delete_action(db, record.id),
                lambda _r: self.load(evaluation_id),
            )

        evaluation_id = self.evaluation_id
        self.dialogs.confirm(
            tr("Actiepunt verwijderen"),
            tr("‘{d}’ verwijderen?").format(d=record.description),
            delete,
        )

    def _store_edit(self, record: ActionRecord) -> None:
        from goedgeregeld.store.actions import update_action

        self.operations.write(
            {Change.ACTIONS},
            lambda db: update_action(
                db,
                record.id,
                description=record.description,
                owner=record.owner,
                deadline=record.deadline,
                status=record.status,
            ),
            lambda _saved: self.table.resizeRowsToContents(),
        )
