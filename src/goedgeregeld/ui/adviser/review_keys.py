"""The review page's keys: one legend (shown on the page and in Help) and the navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

# (keys, what they do, the short form under the statements): the page's legend and the Help
# text read this one table.
REVIEW_KEYS = (
    ("Enter", "eens en door naar de volgende stelling", "eens en door"),
    ("-  /  +", "score één punt lager / hoger, dan de opmerking", "lager / hoger"),
    ("Enter in de opmerking", "opslaan en door (Shift+Enter: nieuwe regel)", ""),
    ("Ctrl+Enter", "eens met de rest van dit thema", "rest van het thema eens"),
    ("F3", "naar de volgende stelling zonder oordeel", "volgende zonder oordeel"),
    ("Ctrl+PgDn  /  Ctrl+PgUp", "volgend / vorig thema", "thema"),
    ("Alt+PgDn  /  Alt+PgUp", "volgende / vorige klant", "klant"),
    ("Ctrl+B", "eerste bewijsstuk van de stelling openen", "bewijsstuk"),
)


def legend_line() -> str:
    """The legend in one short line, for under the statements (Help has it in full)."""
    shown = [
        f"{tr(keys).replace('  ', '')} {tr(short)}" for keys, _t, short in REVIEW_KEYS if short
    ]
    return tr("Toetsen: ") + "  ·  ".join(shown) + tr("  (alles: Help)")


def legend_html() -> str:
    """The legend as a small table, for the Help menu."""
    rows = "".join(
        f"<tr><td><b>{tr(k)}</b>&nbsp;&nbsp;</td><td>{tr(t)}</td></tr>" for k, t, _s in REVIEW_KEYS
    )
    intro = tr("Toetsen op de pagina Beoordelen (adviseur):")
    return f"<p>{intro}</p><table>{rows}</table>"


def install_review_shortcuts(page: Any) -> list[QShortcut]:
    """The page-wide keys; Enter, "-" and "+" belong to each statement (``ReviewRow``)."""
    bindings: list[tuple[str, Callable[[], None]]] = [
        ("Ctrl+Return", page.agree_with_rest),
        ("Ctrl+Enter", page.agree_with_rest),
        ("F3", page.next_unreviewed),
        ("Ctrl+PgDown", lambda: page.step_theme(1)),
        ("Ctrl+PgUp", lambda: page.step_theme(-1)),
        ("Alt+PgDown", lambda: page.step_client(1)),
        ("Alt+PgUp", lambda: page.step_client(-1)),
        ("Ctrl+B", page.open_current_evidence),
    ]
    return [_shortcut(page, keys, slot) for keys, slot in bindings]


def _shortcut(parent: QWidget, keys: str, slot: Callable[[], None]) -> QShortcut:
    shortcut = QShortcut(QKeySequence(keys), parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut
