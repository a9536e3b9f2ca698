"""Runtime hook of the frozen bundle: a stand-in for Pillow, which the bundle leaves out.

ReportLab's ``reportlab.lib.utils`` runs ``from PIL import Image`` when it is imported, but
only its bitmap code (``ImageReader``, ``Canvas.drawImage``, ``platypus.Image``) ever touches
Pillow, and the app's PDFs hold no bitmaps: the advice report, the keurmerk certificate and
NOV's annual report are text, tables and vector charts (``reportlab.graphics`` shapes), and
the evidence appendix lists file names without opening the files. Pillow with the image
libraries it links (libjpeg, libtiff, libopenjp2, libzstd, liblzma, libxcb, libXau) is
about 6 MiB of the bundle. The spec excludes ``PIL`` and runs this hook before the app
starts, so ReportLab's import finds this module; drawing a bitmap would fail loudly in
``open`` instead of producing a PDF without the picture. ``tests/packaging/test_pillow_stand_in.py``
writes every PDF the app makes with this stand-in in place of Pillow.
"""

import importlib.machinery
import sys
import types


class _Image:
    """Never instantiated: ReportLab's ``isinstance(x, Image.Image)`` is then always false."""


def _open(*_args: object, **_kwargs: object) -> None:
    raise ImportError("the Goed Geregeld bundle has no Pillow: it puts no bitmaps in a PDF")


def install() -> None:
    """Register ``PIL`` and ``PIL.Image`` in ``sys.modules`` unless a real Pillow is there."""
    if "PIL" in sys.modules:
        return
    package = types.ModuleType("PIL", "Stand-in for Pillow (packaging/pillow_stand_in.py).")
    package.__spec__ = importlib.machinery.ModuleSpec("PIL", None, is_package=True)
    package.__path__ = []
    image = types.ModuleType("PIL.Image", "Stand-in for PIL.Image: no bitmaps.")
    image.__spec__ = importlib.machinery.ModuleSpec("PIL.Image", None)
    image.Image = _Image  # type: ignore[attr-defined]
    image.open = _open  # type: ignore[attr-defined]
    package.Image = image  # type: ignore[attr-defined]
    sys.modules["PIL"] = package
    sys.modules["PIL.Image"] = image


install()
