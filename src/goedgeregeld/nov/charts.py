"""Charts of the national figures as ReportLab drawings: PDF pages and the app (as SVG) share them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.exchange.sync.format import UNKNOWN_PROVINCE
from goedgeregeld.nov.store.figures import NationalFigures

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

Series = tuple[str, str, dict[str, int]]
"""(legend label, #rrggbb colour, value per category)"""

PRIMARY = "#1f4e79"
SECONDARY = "#7fa7cf"
MUTED = "#5f6b76"


def bar_chart(
    categories: list[str],
    series: list[Series],
    width: float,
    height: float,
    *,
    highlight: str | None = None,
) -> Drawing:
    """Grouped vertical bars with value labels, exact (the charts are NOV's own view).

    The ``highlight`` category's label is bold. A single series needs no legend: the
    chart's title says it.
    """
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor

    from goedgeregeld.report import fonts

    fonts.register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = 8
    legend_h, axis_h, label_h = 14.0, 14.0, 10.0
    left, right = 4.0, 4.0
    plot_bottom = axis_h
    plot_top = height - legend_h - label_h
    values = [v for _l, _c, data in series for v in data.values()]
    # No axis to read off, so no round maximum: the highest bar fills most of the height.
    top = max(max(values, default=0), 1) / 0.9
    plot_h = max(plot_top - plot_bottom, 10.0)
    slot = (width - left - right) / max(len(categories), 1)
    bar_w = slot * 0.8 / max(len(series), 1)
    size = 7.5 if slot > 24 else 6.0
    drawing.add(Line(left, plot_bottom, width - right, plot_bottom, strokeColor=HexColor(MUTED)))
    for i, category in enumerate(categories):
        x0 = left + i * slot + slot * 0.1
        chosen = category == highlight
        drawing.add(
            String(
                left + (i + 0.5) * slot,
                plot_bottom - 10,
                category,
                fontName=fonts.BOLD if chosen else fonts.REGULAR,
                fontSize=size,
                textAnchor="middle",
                fillColor=HexColor(PRIMARY if chosen else MUTED),
            )
        )
        for j, (_label, colour, data) in enumerate(series):
            value = data.get(category, 0)
            bar_h = plot_h * value / top
            x = x0 + j * bar_w
            if bar_h > 0:
                drawing.add(
                    Rect(
                        x,
                        plot_bottom,
                        bar_w * 0.92,
                        bar_h,
                        fillColor=HexColor(colour),
                        strokeColor=None,
                    )
                )
            drawing.add(
                String(
                    x + bar_w * 0.46,
                    plot_bottom + bar_h + 2,
                    str(value),
                    fontName=fonts.REGULAR,
                    fontSize=size,
                    textAnchor="middle",
                )
            )
    x = left
    for label, colour, _data in series if len(series) > 1 else ():
        drawing.add(Rect(x, height - 10, 8, 8, fillColor=HexColor(colour), strokeColor=None))
        drawing.add(String(x + 11, height - 9, label, fontName=fonts.REGULAR, fontSize=8))
        x += 22 + len(label) * 4.6
    return drawing


def years_chart(
    figures: NationalFigures, width: float, height: float, year: int | None = None, last: int = 8
) -> Drawing:
    """New organisations and completed evaluations per year: ``last`` years up to ``year``.

    Without ``year``, the latest years; with one, it is the last bar and stands out.
    """
    shown = [y for y in figures.years() if year is None or y <= year][-last:]
    years = [str(y) for y in shown]
    organisations = {str(y): n for y, n in figures["organisations"].by_year().items()}
    completed = {str(y): n for y, n in figures["evaluations_completed"].by_year().items()}
    return bar_chart(
        years,
        [
            ("Nieuwe organisaties", PRIMARY, organisations),
            ("Afgeronde zelfevaluaties", SECONDARY, completed),
        ],
        width,
        height,
        highlight=str(year) if year is not None else None,
    )


def provinces_chart(
    figures: NationalFigures, year: int | None, width: float, height: float
) -> Drawing:
    """New organisations per province (a year, or all years), exact: NOV's dashboard."""
    from goedgeregeld.base.provinces import PROVINCES

    counts = figures["organisations"].by_province(year)
    short = {p: p.replace("Noord-", "N-").replace("Zuid-", "Z-") for p in PROVINCES}
    data = {short[p]: counts.get(p, 0) for p in PROVINCES}
    if counts.get(UNKNOWN_PROVINCE):
        data[UNKNOWN_PROVINCE] = counts[UNKNOWN_PROVINCE]
    return bar_chart(list(data), [("Organisaties per provincie", PRIMARY, data)], width, height)
