"""``--self-test`` end to end from source: every step runs and the window picture is not empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from goedgeregeld.cli import main
from goedgeregeld.ui.selftest.render import drawn_share


def test_self_test_passes_and_keeps_nothing_of_the_users_data(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "eigen"), "--self-test"]) == 0
    out = capsys.readouterr().out
    assert "zelftest geslaagd" in out
    assert "goed één venster per gegevensmap" in out  # QtNetwork, as the window loads it
    assert "goed hoofdvenster tekenen" in out
    assert "FOUT" not in out
    assert not (tmp_path / "eigen").exists()


def test_kept_screenshot_shows_the_home_screen(qapp, tmp_path: Path) -> None:
    from goedgeregeld.ui.selftest.run import run_self_test

    assert run_self_test(keep=tmp_path) == 0
    image = QImage(str(tmp_path / "venster.png"))
    assert image.width() >= 960 and image.height() >= 600
    assert drawn_share(image) > 0.05
    assert (tmp_path / "adviesrapport-zelftest.pdf").read_bytes().startswith(b"%PDF-")


def test_a_blank_picture_counts_as_empty() -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    assert drawn_share(image) == 0.0
    image.setPixel(0, 0, 0)
    assert 0 < drawn_share(image) < 0.01
