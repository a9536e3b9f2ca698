"""Prepare the QApplication: bundled fonts, Dutch locale and Qt translations, style and icon."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from goedgeregeld.base.resources import font_path, resources_dir

APP_FONT_FAMILY = "DejaVu Sans"
# By name: building the Language/Country enums (600 members) costs ~20 ms at start-up.
DUTCH = QLocale("nl_NL")


def register_fonts() -> list[str]:
    """Register the bundled DejaVu Sans faces; returns the families Qt now knows."""
    families: list[str] = []
    for bold, italic in ((False, False), (True, False), (False, True)):
        font_id = QFontDatabase.addApplicationFont(str(font_path(bold=bold, italic=italic)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def install_dutch_translations(app: QApplication) -> bool:
    """Qt's own dialogs in Dutch (qtbase_nl.qm from the Qt installation); True when loaded."""
    QLocale.setDefault(DUTCH)
    # The window is painted before this runs, with the system locale ("0.0" on an English or
    # C system); give it, and so every page built in it, the Dutch one ("0,0").
    for widget in app.topLevelWidgets():
        widget.setLocale(DUTCH)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(DUTCH, "qtbase", "_", folder):
        app.installTranslator(translator)
        return True
    return False


def app_icon() -> QIcon:
    """The app icon (an SVG, sharp at every size and on HiDPI screens)."""
    return QIcon(str(resources_dir() / "icons" / "goedgeregeld.svg"))


def style_sheet() -> str:
    """The app's style sheet, with the absolute path of the bundled icons filled in."""
    text = (resources_dir() / "style.qss").read_text(encoding="utf-8")
    return text.replace("@ICONS@", (resources_dir() / "icons").as_posix())


def configure_application(app: QApplication) -> None:
    """Fonts, translations, style sheet and icon; cheap enough to run before the first paint."""
    app.setApplicationName("Goed Geregeld")
    app.setOrganizationName("GoedGeregeld")
    register_fonts()
    font = QFont(APP_FONT_FAMILY, 10)
    app.setFont(font)
    install_dutch_translations(app)
    app.setWindowIcon(app_icon())
    app.setStyleSheet(style_sheet())
