"""The printable keurmerk certificate: one A4 page with the organisation, dates and verification code.

The paper is a copy for the wall; what counts is the signed certificate file. The page says
so, and carries the verification code (derived from the signed file) by which anyone can
check it with NOV or with ``goedgeregeld verify``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from goedgeregeld import __version__
from goedgeregeld.base.atomic import write_through_temp
from goedgeregeld.base.outputs import check_output
from goedgeregeld.report import fonts
from goedgeregeld.report.styles import style_sheet
from goedgeregeld.report.text import markup, plain_line
from goedgeregeld.words import dutch_date
from goedgeregeld.words import keurmerk as say


@dataclass(frozen=True)
class CertificateSheet:
    """What the page shows, as plain values (user text is escaped when drawn)."""

    number: str
    organisation_name: str
    city: str | None
    province: str | None
    issued_on: date
    valid_until: date
    verification_code: str
    edition: str


def write_certificate_pdf(
    sheet: CertificateSheet, target: Path, *, invariant: bool = False
) -> Path:
    """Write the certificate page atomically to ``target`` (refused first if it is not writable)."""
    target = Path(target)
    check_output(target)
    write_through_temp(target, lambda temp: _render(sheet, temp, invariant=invariant))
    return target


def _render(sheet: CertificateSheet, path: Path, *, invariant: bool) -> None:
    from reportlab import rl_config
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    fonts.register_fonts()
    rl_config.invariant = 1 if invariant else 0
    styles = style_sheet()
    primary, muted, text = styles.colour("primary"), styles.colour("muted"), styles.colour("text")
    width, height = A4
    canvas = Canvas(str(path), pagesize=A4, invariant=1 if invariant else 0, lang="nl-NL")
    canvas.setTitle(plain_line(f"{say.CERTIFICATE_TITLE} {sheet.number}"))
    canvas.setAuthor("NOV")
    canvas.setCreator(f"Goed Geregeld {__version__}")
    # A double frame, as certificates have.
    canvas.setStrokeColor(primary)
    canvas.setLineWidth(3)
    canvas.rect(36, 36, width - 72, height - 72)
    canvas.setLineWidth(0.8)
    canvas.rect(46, 46, width - 92, height - 92)
    centre = width / 2
    canvas.setFillColor(primary)
    canvas.setFont(fonts.BOLD, 13)
    canvas.drawCentredString(centre, height - 120, "Vereniging NOV")
    canvas.setFont(fonts.BOLD, 26)
    canvas.drawCentredString(centre, height - 175, "Keurmerk")
    canvas.setFont(fonts.REGULAR, 16)
    canvas.drawCentredString(centre, height - 200, "Vrijwillige Inzet Goed Geregeld")
    canvas.setFillColor(text)
    canvas.setFont(fonts.REGULAR, 12)
    canvas.drawCentredString(centre, height - 260, "toegekend aan")
    room = width - 160
    # A long name gets a smaller size, so the dates below always keep their place.
    for size in (22, 18, 15, 12, 10):
        name_style = ParagraphStyle(
            "organisation", fontName=fonts.BOLD, fontSize=size, leading=size * 1.27,
            alignment=TA_CENTER, textColor=text,
        )  # fmt: skip
        name = Paragraph(markup(sheet.organisation_name), name_style)
        _w, name_height = name.wrap(room, 400)
        if name_height <= 90:
            break
    name.drawOn(canvas, 80, height - 280 - name_height)
    place = ", ".join(p for p in (sheet.city, sheet.province) if p)
    below = height - 300 - name_height
    if place:
        canvas.setFont(fonts.REGULAR, 12)
        canvas.drawCentredString(centre, below, plain_line(place)[:90])
        below -= 22
    explanation = Paragraph(
        "De organisatie heeft de zelfevaluatie ingevuld, een erkend Goed Geregeld-adviseur "
        "heeft haar en de bewijsstukken beoordeeld, en de onafhankelijke eindbeoordelaar "
        f"van NOV heeft het keurmerk toegekend (vragenlijst {markup(sheet.edition)}).",
        ParagraphStyle(
            "explanation", fontName=fonts.REGULAR, fontSize=10.5, leading=15,
            alignment=TA_CENTER, textColor=text,
        ),
    )  # fmt: skip
    _w, explanation_height = explanation.wrap(width - 200, 100)
    explanation.drawOn(canvas, 100, below - 20 - explanation_height)
    rows = (
        (say.CERTIFICATE_NUMBER, sheet.number),
        (say.ISSUED_ON, dutch_date(sheet.issued_on)),
        (say.VALID_UNTIL, dutch_date(sheet.valid_until)),
        (say.VERIFICATION_CODE, sheet.verification_code),
    )
    # Below the explanation, however long the name wrapped; the code line stays above the foot.
    top = max(min(330, below - 60 - explanation_height), 230)
    for index, (label, value) in enumerate(rows):
        y = top - index * 30
        canvas.setFont(fonts.REGULAR, 11)
        canvas.setFillColor(muted)
        canvas.drawRightString(centre - 10, y, label)
        canvas.setFont(fonts.BOLD, 13)
        canvas.setFillColor(text)
        canvas.drawString(centre + 10, y, plain_line(value))
    check = Paragraph(
        "Dit papier is een afdruk. Wat telt is het ondertekende certificaatbestand: controleer "
        "het met <b>goedgeregeld verify</b>, of vraag NOV of het certificaatnummer met deze "
        "verificatiecode in het register staat en niet is ingetrokken.",
        ParagraphStyle(
            "check", fontName=fonts.REGULAR, fontSize=9, leading=12.5, alignment=TA_CENTER,
            textColor=muted,
        ),
    )  # fmt: skip
    check.wrap(width - 200, 80)
    check.drawOn(canvas, 100, 120)
    canvas.showPage()
    canvas.save()
