"""The NOV "jaaroverzicht": one A4 page with the year's headline figures, a chart and provinces."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from goedgeregeld.exchange.sync.format import UNKNOWN_PROVINCE
from goedgeregeld.nov.overview import ALL_YEARS, PROVINCE_KINDS, headlines
from goedgeregeld.nov.publication import HIDDEN, HIDDEN_NOTE, UNKNOWN_NOTE, province_table
from goedgeregeld.nov.store.figures import NationalFigures

TITLE = "Jaaroverzicht Vrijwillige Inzet Goed Geregeld"


def _province_data(figures: NationalFigures, year: int) -> tuple[list[list[str]], list[str]]:
    """The table's rows as published, and the footnotes that explain what is in them.

    Per province the year's new organisations and advisers; when the year is the last with
    figures also everything up to it (the publication's "alle jaren"), never a running
    total of an earlier year: that would be a second table to combine with the first.
    """
    tables = [province_table(figures, kind) for kind in PROVINCE_KINDS]
    years = figures.years()
    with_total = not years or year >= years[-1]
    columns = [str(year), ALL_YEARS] if with_total else [str(year)]
    head = ["Provincie"]
    for kind_label in ("Organisaties", "Adviseurs"):
        head += [f"{kind_label} nieuw in {year}"] + (
            [f"{kind_label} t/m {year}"] if with_total else []
        )
    data = [head]
    hidden = False
    for row in tables[0].rows:
        cells = [table.shown(row, column) for table in tables for column in columns]
        hidden = hidden or HIDDEN in cells
        data.append([row, *cells])
    notes = ["Een organisatie telt in het jaar waarin ze haar account maakte."]
    if hidden:
        notes.append(HIDDEN_NOTE)
    if UNKNOWN_PROVINCE in tables[0].rows:
        notes.append(UNKNOWN_NOTE)
    return data, notes


def _province_table(data: list[list[str]], width: float) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    from goedgeregeld.report import fonts
    from goedgeregeld.report.styles import paragraph_styles, style_sheet

    sheet = style_sheet()
    header_style = paragraph_styles()["small"].clone(
        "province_head", textColor=sheet.colour("#ffffff"), fontName=fonts.BOLD, fontSize=8
    )
    rows: list[list[Any]] = [[Paragraph(escape(text), header_style) for text in data[0]]]
    rows += data[1:]
    count = len(data[0]) - 1
    table = Table(rows, colWidths=[width * 0.24] + [width * 0.76 / count] * count, repeatRows=1)
    padding = sheet.tables.padding / 2
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), fonts.BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("LEADING", (0, 0), (-1, -1), 9.5),
                ("TEXTCOLOR", (0, 0), (-1, 0), sheet.colour("#ffffff")),
                ("BACKGROUND", (0, 0), (-1, 0), sheet.colour(sheet.tables.header_background)),
                (
                    "ROWBACKGROUNDS",
                    (0, 1),
                    (-1, -1),
                    [None, sheet.colour(sheet.tables.zebra_background)],
                ),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
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
                "Vrijwillige Inzet Goed Geregeld. Cijfers die organisaties en adviseurs met de "
                "app Goed Geregeld aan NOV sturen: alleen aantallen, zonder namen of andere "
                "gegevens van organisaties."
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
    data, notes = _province_data(figures, year)
    story.append(_province_table(data, width))
    story.append(Spacer(1, 6))
    story.append(Paragraph(escape(" ".join(notes)), styles["small"]))
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
