"""The spread chart: per theme, each respondent's score as a dot on the range (PDF and app).

Drawn like the theme chart (``report.chart``): a ReportLab drawing that the PDF embeds and the
app shows as SVG, so both show the same picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from goedgeregeld.report import fonts
from goedgeregeld.report.chart import drawing_svg
from goedgeregeld.report.chart_parts import percent_grid, row_title
from goedgeregeld.report.styles import style_sheet
from goedgeregeld.store.merge import MergedTheme
from goedgeregeld.words import format_percentage

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

_LEGEND_HEIGHT = 16.0
_AXIS_HEIGHT = 12.0
_DOT_COLOURS = ("primary", "low", "ok", "minimum", "muted")
"""Colours of the style sheet, one per respondent in turn."""


def spread_chart_height(themes: int) -> float:
    """The height a chart of this many themes needs at the report's font size."""
    return 22.0 * max(themes, 1) + 34


def spread_chart(
    themes: Sequence[MergedTheme],
    people: Sequence[tuple[str, str]],
    width: float,
    height: float,
) -> Drawing:
    """One row per theme: the range from lowest to highest score, a dot per respondent.

    ``people`` are (respondent id, label) in legend order. With empty labels (the PDF, which
    names no one) every dot has one colour and there is no legend.
    """
    from reportlab.graphics.shapes import Circle, Drawing, Rect, String

    fonts.register_fonts()
    sheet = style_sheet()
    style = sheet.chart
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = style.font_size
    rows = max(len(themes), 1)
    body_top = height - 2.0
    body_bottom = _LEGEND_HEIGHT + _AXIS_HEIGHT
    row_height = (body_top - body_bottom) / rows
    size = min(style.font_size, row_height * 0.72)
    label_width = width * style.label_fraction
    value_width = size * 7.5
    left = label_width + 6
    span = max(width - left - value_width - 4, 10.0)
    text_colour = sheet.colour("text")
    named = any(label for _, label in people)
    colour_of = {
        rid: sheet.colour(_DOT_COLOURS[n % len(_DOT_COLOURS) if named else 0])
        for n, (rid, _) in enumerate(people)
    }
    # Dots of equal scores would hide each other: each respondent sits a little higher.
    offset = {rid: (n - (len(people) - 1) / 2) * 2.0 for n, (rid, _) in enumerate(people)}
    percent_grid(drawing, sheet, (left, span), (body_bottom, body_top), size, dashed=False)
    for index, theme in enumerate(themes):
        centre = body_top - row_height * (index + 0.5)
        baseline = centre - size * 0.35
        row_title(drawing, sheet, theme.title, label_width, baseline, size)
        track = row_height * 0.18
        drawing.add(
            Rect(
                left,
                centre - track / 2,
                span,
                track,
                fillColor=sheet.colour("track"),
                strokeColor=None,
            )
        )
        if theme.low is None or theme.high is None:
            continue
        drawing.add(
            Rect(
                left + span * theme.low / 100,
                centre - track,
                max(span * (theme.high - theme.low) / 100, 1.0),
                track * 2,
                fillColor=sheet.colour("accent"),
                strokeColor=sheet.colour("rule"),
                strokeWidth=0.5,
            )
        )
        for rid, _label in people:
            score = theme.scores.get(rid)
            if score is not None:
                drawing.add(
                    Circle(
                        left + span * score / 100,
                        centre + (offset[rid] if named else 0.0),
                        min(row_height * 0.22, 4.0),
                        fillColor=colour_of[rid],
                        strokeColor=sheet.colour("text"),
                        strokeWidth=0.3,
                    )
                )
        spread = (
            format_percentage(theme.low)
            if theme.low == theme.high
            else f"{format_percentage(theme.low)}–{format_percentage(theme.high)}"
        )
        drawing.add(
            String(
                left + span + 6,
                baseline,
                spread,
                fontName=fonts.BOLD,
                fontSize=size,
                fillColor=text_colour,
            )
        )
    x = left
    for rid, label in people if named else ():
        drawing.add(Circle(x + 3, 5, 3, fillColor=colour_of[rid], strokeColor=None))
        drawing.add(
            String(
                x + 9, 2, label, fontName=fonts.REGULAR, fontSize=size * 0.9, fillColor=text_colour
            )
        )
        x += 9 + _text_width(label, size * 0.9) + 12
    return drawing


def _text_width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, fonts.REGULAR, size))


def spread_chart_svg(
    themes: Sequence[MergedTheme], people: Sequence[tuple[str, str]], width: int, height: int
) -> bytes:
    """The same chart as SVG, for the app (through the theme chart's SVG path)."""
    return drawing_svg(spread_chart(themes, people, width, height))
