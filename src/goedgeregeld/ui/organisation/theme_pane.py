"""The part of a card page beside the theme list: the theme's title, place and intro, its cards.

The filling-in page and the invitation page show a theme the same way; each adds its own
rows between the intro and the cards, and its own buttons below them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.organisation.theme_sidebar import clear_cards
from goedgeregeld.ui.widgets.common import text_label, title_label
from goedgeregeld.ui.widgets.keep_in_view import KeepInView

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Theme
    from goedgeregeld.ui.widgets.statement_card import StatementCard


class ThemePane:
    """The widgets of one theme's side of the page, made in ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self.title = title_label("", parent, section=True)
        self.counter = QLabel("", parent)
        self.counter.setObjectName("muted")
        self.intro = text_label("", parent, muted=True)
        self.scroll = QScrollArea(parent)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setAccessibleName(tr("Stellingen van dit thema"))
        self.host = QWidget()
        self.cards_layout = QVBoxLayout(self.host)
        self.cards_layout.setContentsMargins(2, 2, 12, 2)
        self.cards_layout.setSpacing(10)
        self.scroll.setWidget(self.host)
        self.in_view = KeepInView(self.scroll)

    def add_heading(self, layout: QVBoxLayout) -> None:
        """The title with its place on one line, the intro below it."""
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.counter)
        layout.addLayout(header)
        layout.addWidget(self.intro)

    def add_cards(self, layout: QVBoxLayout) -> None:
        """The scrolling cards, taking the room that is left."""
        layout.addWidget(self.scroll, 1)

    def show_theme(self, theme: Theme, index: int, count: int, cards: list[StatementCard]) -> None:
        """Theme ``index`` of ``count`` in the heading; the previous theme's ``cards`` go."""
        self.title.setText(theme.title)
        self.counter.setText(tr("Thema {i} van {n}").format(i=index + 1, n=count))
        self.intro.setText(theme.intro)
        self.in_view.follow(None)
        clear_cards(cards, self.cards_layout)

    def add_card(self, card: StatementCard, cards: list[StatementCard]) -> None:
        """Show ``card`` below the others, at once, so it can take the focus now."""
        self.cards_layout.addWidget(card)
        card.show()
        cards.append(card)

    def end_cards(self) -> None:
        """After the last card: the room left stays below the cards."""
        self.cards_layout.addStretch(1)
