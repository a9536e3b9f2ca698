"""Render the app icon (resources/icons/goedgeregeld.svg) to PNGs in the usual sizes, ICO and ICNS.

``python packaging/make_icons.py``: writes packaging/icons/. Run again when the SVG changes;
the results are committed so a build needs neither Qt's SVG renderer nor Pillow's encoders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "goedgeregeld.svg"
TARGET = ROOT / "packaging" / "icons"
# freedesktop hicolor sizes; Windows ICO and macOS ICNS take theirs from these.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(source: Path, target: Path) -> list[Path]:
    """Render ``source`` at every size into ``target/goedgeregeld-<size>.png``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {source}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = target / f"goedgeregeld-{size}.png"
        image.save(str(path), "PNG")
        written.append(path)
    return written


def write_ico_icns(target: Path) -> None:
    """Windows ICO and macOS ICNS from the largest PNG (Pillow resamples the smaller ones)."""
    from PIL import Image

    largest = Image.open(target / f"goedgeregeld-{max(SIZES)}.png")
    largest.save(target / "goedgeregeld.ico", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(target / "goedgeregeld.icns")


def main() -> int:
    """Write every icon file."""
    TARGET.mkdir(parents=True, exist_ok=True)
    for path in render_pngs(SOURCE, TARGET):
        print(path.relative_to(ROOT))
    write_ico_icns(TARGET)
    print("packaging/icons/goedgeregeld.ico, packaging/icons/goedgeregeld.icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
