"""Numbers in fields are Dutch even when the window was painted before the locale was set."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDoubleSpinBox, QMainWindow

from goedgeregeld.ui.shell.app_setup import configure_application


def test_a_field_in_a_window_painted_first_shows_a_decimal_comma(qapp) -> None:
    # Seen under Xvfb (C.UTF-8 system): the profile's fte field showed "0.0".
    QLocale.setDefault(QLocale.c())
    window = QMainWindow()
    configure_application(qapp)
    field = QDoubleSpinBox(window)
    field.setDecimals(1)
    field.setValue(1.5)
    assert field.text() == "1,5"
    window.close()


def test_file_dialogs_have_dutch_labels(qtbot, tmp_path) -> None:
    # Found by trying NOV mode: "Look in:" and "Files of type:" stayed English, because
    # Qt's Dutch translation lacks the newer "&Look in:" and "Files of &type:".
    from PySide6.QtWidgets import QFileDialog, QLabel

    from goedgeregeld.ui.core.dialogs import file_dialog

    dialog = file_dialog(None, "Kies", tmp_path, "CSV-bestand (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "Zoeken &in:" in labels and "Bestands&type:" in labels
    assert not [
        text for text in labels if "Look" in text or "type:" in text.lower() and "Files" in text
    ]
