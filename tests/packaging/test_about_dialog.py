"""The "Over" dialog shows the version from package metadata and the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

import goedgeregeld
from goedgeregeld.ui.shell.about_dialog import AboutDialog, show_about


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_about_shows_version_and_data_folder(qtbot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == goedgeregeld.__version__
    assert dialog.folder_label.text() == str(tmp_path)
    assert dialog.windowTitle() == "Over Goed Geregeld"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_show_about_opens_without_blocking(qtbot, tmp_path: Path) -> None:
    dialog = show_about(None, tmp_path)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    dialog.close()
