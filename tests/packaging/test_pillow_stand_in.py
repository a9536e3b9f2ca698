"""The bundle's Pillow stand-in is enough for every PDF and chart the app writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOOK = Path(__file__).resolve().parents[2] / "packaging" / "pillow_stand_in.py"

_SCRIPT = """
import runpy, sys
from datetime import date
from pathlib import Path

runpy.run_path({hook!r})  # as the frozen bundle does before the app starts
folder = Path({folder!r})

from goedgeregeld.app.selftest import SelfTestState, core_steps, run_steps

state = SelfTestState(folder)
try:
    assert run_steps(core_steps(state), print)  # the advice report, as the self-test makes it
finally:
    state.close()

from goedgeregeld.report.keurmerk_certificate import CertificateSheet, write_certificate_pdf

sheet = CertificateSheet("KM-2027-00001", "Hospice De Linde", "Arnhem", "Gelderland",
                         date(2027, 3, 1), date(2031, 3, 1), "ABCD-EFGH-IJKL-MNOP", "2027.1")
write_certificate_pdf(sheet, folder / "keurmerk.pdf")

from goedgeregeld.nov.annual import write_annual_overview
from goedgeregeld.nov.store.figures import KindFigures, NationalFigures

figures = NationalFigures({{
    "organisations": KindFigures("organisations", {{(2027, "Utrecht", "klein"): 12}}),
    "evaluations_completed": KindFigures("evaluations_completed", {{(2027, None, "full"): 5}}),
    "advisers": KindFigures("advisers", {{(2027, "Utrecht", None): 7}}),
    "quality_marks": KindFigures("quality_marks", {{(2027, None, None): 1}}),
}})
write_annual_overview(figures, 2027, folder / "jaaroverzicht.pdf")

from reportlab.graphics.shapes import Drawing, Rect
from goedgeregeld.report.chart import drawing_svg

drawing = Drawing(40, 20)
drawing.add(Rect(0, 0, 40, 20))
assert drawing_svg(drawing).lstrip().startswith(b"<")

import reportlab.lib.utils as utils
assert utils.Image is sys.modules["PIL.Image"], "ReportLab got the real Pillow"
assert not any(name.startswith("PIL._") for name in sys.modules), "a Pillow extension loaded"
print("stand-in ok")
"""


def test_every_pdf_is_written_with_the_stand_in_in_place_of_pillow(tmp_path: Path) -> None:
    script = _SCRIPT.format(hook=str(HOOK), folder=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("stand-in ok")
    for name in ("adviesrapport-zelftest.pdf", "keurmerk.pdf", "jaaroverzicht.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF-"), name


def test_a_bitmap_fails_loudly_instead_of_leaving_a_gap(tmp_path: Path) -> None:
    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    script = (
        f"import runpy; runpy.run_path({str(HOOK)!r})\n"
        "from reportlab.lib.utils import ImageReader\n"
        f"try:\n    ImageReader({str(picture)!r})\nexcept Exception as error:\n"
        "    print(type(error).__name__, error)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "no Pillow" in done.stdout, done.stdout + done.stderr
