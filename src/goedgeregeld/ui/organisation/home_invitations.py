"""On the home screen: invitations to answer another organisation's evaluation, to come back to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.common import button, title_label
from goedgeregeld.words.files import INVITATIONS_TITLE
from goedgeregeld.words.nouns import STATEMENT
from goedgeregeld.words.voices import DONE, NOT_DONE, role_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

    from goedgeregeld.store.invitations import InvitationProgress


def invitation_line(item: InvitationProgress) -> str:
    """One invitation in words: whose, as whom, how far."""
    invitation = item.invitation
    state = DONE if invitation.done_at is not None else NOT_DONE
    return tr("{organisation}: u vult in als {name} ({role}). {part} beantwoord, {state}.").format(
        organisation=invitation.organisation_name,
        name=invitation.respondent_name,
        role=role_label(invitation.role),
        part=STATEMENT.of(item.answered, item.asked),
        state=tr(state),
    )


class HomeInvitations(QWidget):
    """A row per invitation with its progress and a button to go on answering."""

    open_invitation = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr(INVITATIONS_TITLE))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        outer.addWidget(title_label(tr(INVITATIONS_TITLE), self, section=True))
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        outer.addLayout(self.rows)
        # Keeps the rows at the top when the panel takes the room of the evaluations list.
        outer.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        self.hide()

    def show_invitations(self, items: tuple[InvitationProgress, ...], fill: bool = False) -> None:
        """Show ``items`` (newest first), hidden when there are none; ``fill``: take the room."""
        vertical = QSizePolicy.Policy.Expanding if fill else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        while self.rows.count():
            taken = self.rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons = {}
        for item in items:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(invitation_line(item), row)
            label.setWordWrap(True)
            line.addWidget(label, 1)
            respondent_id = item.invitation.respondent_id
            done = item.invitation.done_at is not None
            go = button(tr("Bekijken") if done else tr("Verder invullen"), row, primary=not done)
            go.setAccessibleName(
                tr("Uitnodiging van {organisation} openen").format(
                    organisation=item.invitation.organisation_name
                )
            )
            go.clicked.connect(lambda _checked=False, r=respondent_id: self.open_invitation.emit(r))
            line.addWidget(go)
            self.rows.addWidget(row)
            self.buttons[respondent_id] = go
        self.setVisible(bool(items))


def respondent_only_text() -> str:
    """The home screen of a computer that holds only invitations, no organisation of its own."""
    return tr(
        "U bent uitgenodigd om mee te doen aan de zelfevaluatie van een organisatie. Ga "
        "hieronder verder waar u was. Wilt u ook een zelfevaluatie voor uw eigen organisatie "
        "doen? Kies dan Bestand › Nieuwe organisatie…"
    )
