"""The theme chart: each theme's score as a horizontal bar against its minimum (PDF and app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.report import fonts
from goedgeregeld.report.chart_parts import percent_grid, row_title
from goedgeregeld.report.styles import style_sheet
from goedgeregeld.scoring import EvaluationScore, ThemeScore
from goedgeregeld.words import THEME_ALL_NOT_APPLICABLE, THEME_NOT_STARTED, format_percentage

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

_LEGEND_HEIGHT = 16.0
_AXIS_HEIGHT = 12.0


def _status_text(theme: ThemeScore) -> str:
    """What to print instead of a bar when a theme has no score."""
    if theme.answered and theme.answered == theme.required:
        return THEME_ALL_NOT_APPLICABLE
    return THEME_NOT_STARTED


def theme_chart(result: EvaluationScore, width: float, height: float) -> Drawing:
    """Horizontal bars, one per theme: the score, a marker at the minimum, the percentage.

    Every string uses the bundled DejaVu font, so the PDF embeds it and the SVG names it.
    """
    from reportlab.graphics.shapes import Drawing, Line, Rect, String

    fonts.register_fonts()
    sheet = style_sheet()
    style = sheet.chart
    drawing = Drawing(width, height)
    # The renderer's starting state would otherwise select Helvetica.
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = style.font_size
    themes = result.themes
    rows = max(len(themes), 1)
    body_top = height - 2.0
    body_bottom = _LEGEND_HEIGHT + _AXIS_HEIGHT
    row_height = (body_top - body_bottom) / rows
    size = min(style.font_size, row_height * 0.72)
    label_width = width * style.label_fraction
    value_width = size * 3.6
    bar_left = label_width + 6
    bar_width = max(width - bar_left - value_width - 4, 10.0)
    bar_height = row_height * style.bar_fraction
    text_colour, muted = sheet.colour("text"), sheet.colour("muted")

    percent_grid(drawing, sheet, (bar_left, bar_width), (body_bottom, body_top), size, dashed=True)

    for index, theme in enumerate(themes):
        centre = body_top - row_height * (index + 0.5)
        baseline = centre - size * 0.35
        row_title(drawing, sheet, theme.title, label_width, baseline, size)
        bar_bottom = centre - bar_height / 2
        drawing.add(
            Rect(
                bar_left,
                bar_bottom,
                bar_width,
                bar_height,
                fillColor=sheet.colour("track"),
                strokeColor=None,
            )
        )
        if theme.score is None:
            drawing.add(
                String(
                    bar_left + 4,
                    baseline,
                    _status_text(theme),
                    fontName=fonts.ITALIC,
                    fontSize=size * 0.9,
                    fillColor=muted,
                )
            )
        else:
            colour = sheet.colour("ok" if theme.meets_minimum else "low")
            drawing.add(
                Rect(
                    bar_left,
                    bar_bottom,
                    bar_width * theme.score / 100,
                    bar_height,
                    fillColor=colour,
                    strokeColor=None,
                )
            )
            drawing.add(
                String(
                    bar_left + bar_width + 4,
                    baseline,
                    format_percentage(theme.score),
                    fontName=fonts.BOLD,
                    fontSize=size,
                    fillColor=text_colour,
                )
            )
        marker = bar_left + bar_width * theme.minimum / 100
        drawing.add(
            Line(
                marker,
                bar_bottom - 2,
                marker,
                bar_bottom + bar_height + 2,
                strokeColor=sheet.colour("minimum"),
                strokeWidth=1.6,
            )
        )

    _legend(drawing, bar_left, size)
    return drawing


_LEGEND_ITEMS = (("ok", "minimum gehaald"), ("low", "onder het minimum"))
_LEGEND_MARKER = "minimum voor het keurmerk"


def _legend_width(size: float) -> float:
    """The width of the legend line at font ``size`` (see ``_legend`` for its parts)."""
    boxes = sum(11 + _text_width(text, size) + 14 for _colour, text in _LEGEND_ITEMS)
    return boxes + 10 + _text_width(_LEGEND_MARKER, size)


def _legend(drawing: Drawing, left: float, size: float) -> None:
    """Explain the colours and the marker in one line under the axis.

    It starts under the bars; where that leaves too little room, further left, and where
    the whole width is too little, in smaller type.
    """
    from reportlab.graphics.shapes import Line, Rect, String

    sheet = style_sheet()
    y = 2.0
    legend_size = size * 0.9
    room = drawing.width - 4
    if _legend_width(legend_size) > room:
        legend_size *= room / _legend_width(legend_size)
    x = max(2.0, min(left, drawing.width - 2 - _legend_width(legend_size)))
    for colour, text in _LEGEND_ITEMS:
        drawing.add(Rect(x, y, 8, 8, fillColor=sheet.colour(colour), strokeColor=None))
        drawing.add(
            String(
                x + 11,
                y + 1,
                text,
                fontName=fonts.REGULAR,
                fontSize=legend_size,
                fillColor=sheet.colour("text"),
            )
        )
        x += 11 + _text_width(text, legend_size) + 14
    drawing.add(
        Line(x + 4, y - 1, x + 4, y + 9, strokeColor=sheet.colour("minimum"), strokeWidth=1.6)
    )
    drawing.add(
        String(
            x + 10,
            y + 1,
            _LEGEND_MARKER,
            fontName=fonts.REGULAR,
            fontSize=legend_size,
            fillColor=sheet.colour("text"),
        )
    )


def _text_width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, fonts.REGULAR, size))


def theme_chart_svg(result: EvaluationScore, width: int, height: int) -> bytes:
    """The same chart as SVG for the app; the font family names the DejaVu face Qt loads."""
    return drawing_svg(theme_chart(result, width, height))


def drawing_svg(drawing: Drawing) -> bytes:
    """A report drawing as SVG for the app, with the font family names Qt knows."""
    from reportlab.graphics import renderSVG

    svg = renderSVG.drawToString(drawing)
    text = svg if isinstance(svg, str) else svg.decode("utf-8")
    # Qt registers the bundled file as family "DejaVu Sans"; ReportLab writes its own font name.
    for name, family in (
        (fonts.BOLD, "'DejaVu Sans'; font-weight: bold"),
        (fonts.ITALIC, "'DejaVu Sans'; font-style: oblique"),
        (fonts.REGULAR, "'DejaVu Sans'"),
    ):
        text = text.replace(f"font-family: {name}", f"font-family: {family}")
    return text.encode("utf-8")
