"""What the theme chart and the spread chart draw alike: the 0-100% grid and the theme titles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from goedgeregeld.report import fonts

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


def percent_grid(
    drawing: Drawing,
    sheet: Any,
    span: tuple[float, float],
    body: tuple[float, float],
    size: float,
    *,
    dashed: bool,
) -> None:
    """Lines at 0, 25, 50, 75 and 100% across the body, each labelled below it.

    ``span`` is the bars' (left, width), ``body`` the rows' (bottom, top).
    """
    from reportlab.graphics.shapes import Line, String

    (left, width), (bottom, top) = span, body
    dash = {"strokeDashArray": [1, 2]} if dashed else {}
    for tick in (0, 25, 50, 75, 100):
        x = left + width * tick / 100
        drawing.add(
            Line(x, bottom, x, top, strokeColor=sheet.colour("rule"), strokeWidth=0.3, **dash)
        )
        drawing.add(
            String(
                x,
                bottom - size - 1,
                f"{tick}%",
                fontName=fonts.REGULAR,
                fontSize=size * 0.85,
                fillColor=sheet.colour("muted"),
                textAnchor="middle",
            )
        )


def row_title(
    drawing: Drawing, sheet: Any, title: str, right: float, baseline: float, size: float
) -> None:
    """A theme's title, ending at ``right`` (shortened to fit the column left of it)."""
    from reportlab.graphics.shapes import String

    drawing.add(
        String(
            right,
            baseline,
            fonts.fit_text(title, fonts.REGULAR, size, right),
            fontName=fonts.REGULAR,
            fontSize=size,
            fillColor=sheet.colour("text"),
            textAnchor="end",
        )
    )
