"""The NOV "jaaroverzicht": one A4 page with the year's headline figures, a chart and provinces."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from goedgeregeld.nov.overview import MASKED, headlines, province_rows
from goedgeregeld.nov.store.figures import NationalFigures

TITLE = "Jaaroverzicht Vrijwillige Inzet Goed Geregeld"


def _province_table(figures: NationalFigures, year: int, width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    from goedgeregeld.report import fonts
    from goedgeregeld.report.styles import style_sheet

    sheet = style_sheet()
    this_year = dict(province_rows(figures, year))
    until_year = province_rows(figures, year, until=True)
    data: list[list[str]] = [
        ["", "Organisaties", "", "Adviseurs", ""],
        ["Provincie", f"nieuw in {year}", f"t/m {year}", f"nieuw in {year}", f"t/m {year}"],
    ]
    for province, (organisations, advisers) in until_year:
        new_orgs, new_advisers = this_year.get(province, ["0", "0"])
        data.append([province, new_orgs, organisations, new_advisers, advisers])
    table = Table(data, colWidths=[width * 0.24] + [width * 0.19] * 4, repeatRows=2)
    padding = sheet.tables.padding / 2
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("FONTNAME", (0, 0), (-1, 1), fonts.BOLD),
                ("SPAN", (1, 0), (2, 0)),
                ("SPAN", (3, 0), (4, 0)),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("LEADING", (0, 0), (-1, -1), 9.5),
                ("TEXTCOLOR", (0, 0), (-1, 1), sheet.colour("#ffffff")),
                ("BACKGROUND", (0, 0), (-1, 1), sheet.colour(sheet.tables.header_background)),
                (
                    "ROWBACKGROUNDS",
                    (0, 1),
                    (-1, -1),
                    [None, sheet.colour(sheet.tables.zebra_background)],
                ),
                ("ALIGN", (1, 0), (-1, 0), "CENTER"),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), sheet.tables.grid_width, sheet.colour("rule")),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    return table


def build_annual_overview(figures: NationalFigures, year: int) -> list[Any]:
    """The flowables of the one-page overview for ``year``."""
    from reportlab.platypus import Paragraph, Spacer

    from goedgeregeld.nov.charts import years_chart
    from goedgeregeld.report.styles import paragraph_styles

    styles = paragraph_styles()
    width = 595.27 - 2 * 50
    story: list[Any] = [
        Paragraph(escape(f"Jaaroverzicht {year}"), styles["title"]),
        Paragraph(
            escape(
                "Vrijwillige Inzet Goed Geregeld. Cijfers uit de statistiekbestanden van alle "
                "installaties, zonder namen of andere gegevens van organisaties."
            ),
            styles["small"],
        ),
        Paragraph("De kern", styles["h2"]),
    ]
    story += [Paragraph("• " + escape(line), styles["bullet"]) for line in headlines(figures, year)]
    # Everything on the page stops at the report's year, also for a year long past.
    totals = (
        f"Tot en met {year}: {figures['organisations'].up_to(year)} organisaties met een "
        f"account, {figures['evaluations_completed'].up_to(year)} afgeronde zelfevaluaties en "
        f"{figures['quality_marks'].up_to(year)} keurmerken."
    )
    story.append(Paragraph(escape(totals), styles["body"]))
    story.append(Paragraph("Per jaar", styles["h2"]))
    story.append(years_chart(figures, width, 150, year))
    story.append(Paragraph("Per provincie", styles["h2"]))
    story.append(_province_table(figures, year, width))
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            escape(
                f"Aantallen van 1 tot en met 4 staan in de tabel als '{MASKED}', zodat geen "
                "enkele organisatie of adviseur herkenbaar is. Een organisatie telt in het jaar "
                "waarin ze haar account maakte; 'onbekend' is een organisatie zonder provincie."
            ),
            styles["small"],
        )
    )
    return story


def write_annual_overview(figures: NationalFigures, year: int, path: Path) -> None:
    """Write the one-page jaaroverzicht PDF for ``year``; every font embedded."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from goedgeregeld import __version__
    from goedgeregeld.base.atomic import write_bytes_atomically
    from goedgeregeld.report import fonts

    fonts.register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=50,
        rightMargin=50,
        topMargin=44,
        bottomMargin=40,
        title=f"{TITLE} {year}",
        author="NOV",
        creator=f"Goed Geregeld {__version__}",
        initialFontName=fonts.REGULAR,
    )
    document.build(build_annual_overview(figures, year))
    write_bytes_atomically(path, buffer.getvalue())
