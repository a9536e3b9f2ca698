"""Building blocks of the report: escaped paragraphs, headings for the contents, wrapping tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from goedgeregeld.report import fonts
from goedgeregeld.report.styles import paragraph_styles, style_sheet
from goedgeregeld.report.text import chunks, markup

_HEADING_STYLES = ("h1", "h2", "h3")
# A table row this many lines high always fits on a page, with room to spare.
_MAX_CELL_LINES = 24


class Heading(Paragraph):  # type: ignore[misc]
    """A heading the document template lists in the contents; ``toc_level`` None keeps it out."""

    toc_level: int | None = None
    toc_text: str = ""


class Blocks:
    """Makes flowables in the shipped style for a frame of ``width`` points."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.styles = paragraph_styles()
        self.sheet = style_sheet()

    def paragraph(self, text: str, style: str = "body", *, raw: bool = False) -> Paragraph:
        """A paragraph of user or app text; ``raw`` only for markup built from escaped parts."""
        return Paragraph(text if raw else markup(text), self.styles[style])

    def heading(self, text: str, level: int, *, toc: bool = True) -> Paragraph:
        """A heading at ``level`` (0 chapter, 1 section, 2 subsection), listed in the contents."""
        flowable = Heading(markup(text), self.styles[_HEADING_STYLES[level]])
        flowable.toc_level = level if toc else None
        flowable.toc_text = text
        flowable.keepWithNext = True
        return flowable

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        fractions: Sequence[float],
        *,
        style: str = "cell",
    ) -> Table:
        """A table whose header repeats on every page and whose cells wrap, never clip.

        Strings are escaped. A cell too long for one page continues in extra rows that
        look like the same row (same background, no line between), so the table can
        break between them like between any other rows.
        """
        cell_style, header_style = self.styles[style], self.styles["cell_header"]
        tables = self.sheet.tables
        widths = fit_widths(
            self.width,
            fractions,
            [
                max(
                    [_longest_word(cell, cell_style) for cell in column[1:]]
                    + [_longest_word(column[0], header_style)]
                )
                + 2 * tables.padding
                for column in zip(header, *rows, strict=True)
            ],
        )
        # Generous per-character width, so a piece never needs more lines than estimated.
        line_chars = [int((w - 2 * tables.padding) / (cell_style.fontSize * 0.62)) for w in widths]
        rule = self.sheet.colour("rule")
        zebra = self.sheet.colour(tables.zebra_background)
        data: list[list[Any]] = [[Paragraph(markup(h), header_style) for h in header]]
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), self.sheet.colour(tables.header_background)),
            ("BOX", (0, 0), (-1, -1), tables.grid_width, rule),
            ("INNERGRID", (0, 0), (-1, 0), tables.grid_width, rule),
            ("LINEAFTER", (0, 1), (-2, -1), tables.grid_width, rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("LEFTPADDING", (0, 0), (-1, -1), tables.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), tables.padding),
            ("TOPPADDING", (0, 0), (-1, -1), tables.padding - 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), tables.padding),
        ]
        for index, row in enumerate(rows):
            pieces = [
                chunks(cell, n, _MAX_CELL_LINES) for cell, n in zip(row, line_chars, strict=True)
            ]
            first = len(data)
            for part in range(max(len(p) for p in pieces)):
                data.append(
                    [
                        Paragraph(markup(p[part]) if part < len(p) else "", cell_style)
                        for p in pieces
                    ]
                )
            last = len(data) - 1
            if last > first:
                # Continuation rows: no padding seam, so the cell reads as one text.
                commands.append(("BOTTOMPADDING", (0, first), (-1, last - 1), 0))
                commands.append(("TOPPADDING", (0, first + 1), (-1, last), 0))
            commands.append(("LINEBELOW", (0, last), (-1, last), tables.grid_width, rule))
            if index % 2:
                commands.append(("BACKGROUND", (0, first), (-1, last), zebra))
        return Table(
            data,
            colWidths=widths,
            repeatRows=1,
            style=TableStyle(commands),
            hAlign="LEFT",
            spaceBefore=2,
            spaceAfter=8,
        )

    def bullet(self, text: str, *, raw: bool = False) -> Paragraph:
        """One item of a bulleted list (the bullet is text, so it uses the bundled font)."""
        return Paragraph("•\u00a0" + (text if raw else markup(text)), self.styles["bullet"])

    def facts(self, rows: Sequence[tuple[str, str]], label_fraction: float = 0.28) -> Table:
        """A two-column list of labels and values without a header (used on the cover)."""
        data = [
            [
                Paragraph(markup(label), self.styles["h3"]),
                Paragraph(markup(value), self.styles["body"]),
            ]
            for label, value in rows
        ]
        widths = [self.width * label_fraction, self.width * (1 - label_fraction)]
        return Table(
            data,
            colWidths=widths,
            splitInRow=1,
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, self.sheet.colour("rule")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            ),
        )


def _longest_word(text: str, style: Any) -> float:
    """The width of the widest word of ``text`` in ``style``'s font (bold in a header)."""
    words = text.split()
    if not words:
        return 0.0
    return max(float(stringWidth(word, style.fontName, style.fontSize)) for word in words)


def fit_widths(total: float, fractions: Sequence[float], needed: Sequence[float]) -> list[float]:
    """Column widths in proportion to ``fractions``, widened so each column's longest word fits.

    A column narrower than its longest word would have ReportLab break that word mid-word
    ("Jeugdcoördin|ator"); the room comes from the columns that have more than they need.
    When the words cannot all fit, the proportional widths stand (a long web address still
    wraps).
    """
    share = sum(fractions)
    widths = [total * f / share for f in fractions]
    if sum(needed) > total:
        return widths
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < needed[i]]
        if not short:
            break
        for i in short:
            widths[i] = needed[i]
        spare = [i for i in range(len(widths)) if i not in short and widths[i] > needed[i]]
        excess = sum(widths) - total
        room = sum(widths[i] - needed[i] for i in spare)
        for i in spare:
            widths[i] -= excess * (widths[i] - needed[i]) / room
    return widths
