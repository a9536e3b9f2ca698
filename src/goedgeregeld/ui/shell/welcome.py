"""First run: what the self-evaluation is, start, or look around in the sample."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.words.files import OPEN_INVITATION


class WelcomePage(QWidget):
    start_requested = Signal()
    sample_requested = Signal()
    invitation_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Welkom"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.setSpacing(18)
        layout.addWidget(title_label(tr("Welkom bij Goed Geregeld"), self))
        for text in (
            tr(
                "Met de zelfevaluatie kijkt u hoe uw organisatie het werken met vrijwilligers "
                "heeft geregeld. U geeft bij korte stellingen aan hoe het er nu voor staat, "
                "van 0 (niet geregeld) tot 3 (volledig geregeld en vastgelegd)."
            ),
            tr(
                "U hoeft het niet in één keer te doen. Elk antwoord wordt meteen bewaard op "
                "deze computer. Sluit u de app, dan gaat u de volgende keer verder waar u was."
            ),
            tr(
                "Aan het eind ziet u per thema waar u staat, krijgt u advies en maakt u een "
                "plan van aanpak. Het is ook de eerste stap op weg naar het keurmerk."
            ),
            tr(
                "Bent u Goed Geregeld-adviseur? Kies ‘Beginnen’ en dan de rol adviseur: u leest "
                "de zelfevaluaties van uw klanten in, beoordeelt ze per stelling en stuurt uw "
                "beoordeling terug."
            ),
        ):
            layout.addWidget(text_label(text, self))
        layout.addSpacing(12)
        buttons = QHBoxLayout()
        self.start_button = button(tr("Beginnen"), self, primary=True)
        self.sample_button = button(tr("Eerst rondkijken in een voorbeeld"), self)
        self.sample_button.setToolTip(
            tr(
                "Een voorbeeldorganisatie met een half ingevulde zelfevaluatie; uw eigen gegevens blijven apart."
            )
        )
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # Someone who installed the app only to answer another organisation's invitation.
        invited = QHBoxLayout()
        invited.addWidget(
            text_label(
                tr(
                    "Kreeg u een uitnodiging (een .ggresp-bestand) om mee te doen aan de "
                    "zelfevaluatie van een organisatie? Open die dan hier."
                ),
                self,
                muted=True,
            ),
            1,
        )
        self.invitation_button = button(tr(OPEN_INVITATION), self)
        invited.addWidget(self.invitation_button)
        layout.addLayout(invited)
        layout.addStretch(1)
        self.start_button.clicked.connect(self.start_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.invitation_button.clicked.connect(self.invitation_requested)
        self.setFocusProxy(self.start_button)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
