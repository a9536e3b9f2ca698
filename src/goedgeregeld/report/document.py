"""The page layout: A4 templates, running header, "pagina X van Y" footer, contents and bookmarks."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from goedgeregeld.report import fonts
from goedgeregeld.report.blocks import Heading
from goedgeregeld.report.styles import StyleSheet, style_sheet
from goedgeregeld.report.text import markup, plain_line


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end so each footer can say "pagina X van Y"."""

    header_left = ""
    header_right = ""
    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        """Remember the page instead of emitting it now."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Draw header and footer on every remembered page, then write the file."""
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_running_text(total)
            super().showPage()
        super().save()

    def _draw_running_text(self, total: int) -> None:
        sheet = style_sheet()
        width, height = A4
        page = sheet.page
        left, right = page.margin_left, width - page.margin_right
        self.saveState()
        self.setFillColor(sheet.colour("muted"))
        self.setStrokeColor(sheet.colour("rule"))
        self.setLineWidth(0.5)
        if self._pageNumber > 1:
            top = height - page.margin_top + 22
            self.setFont(fonts.REGULAR, 8)
            right_text = fonts.fit_text(self.header_right, fonts.REGULAR, 8, (right - left) * 0.45)
            self.drawRightString(right, top, right_text)
            room = right - left - stringWidth(right_text, fonts.REGULAR, 8) - 12
            self.drawString(left, top, fonts.fit_text(self.header_left, fonts.REGULAR, 8, room))
            self.line(left, top - 5, right, top - 5)
        bottom = page.margin_bottom - 28
        self.line(left, bottom + 11, right, bottom + 11)
        self.setFont(fonts.REGULAR, 8)
        self.drawString(
            left, bottom, fonts.fit_text(self.footer_left, fonts.REGULAR, 8, (right - left) * 0.7)
        )
        self.drawRightString(right, bottom, f"pagina {self._pageNumber} van {total}")
        self.restoreState()


class ReportTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A4 document whose headings feed the table of contents and the PDF bookmarks."""

    def __init__(self, target: Any, sheet: StyleSheet, **kwargs: Any) -> None:
        page = sheet.page
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=page.margin_left,
            rightMargin=page.margin_right,
            topMargin=page.margin_top,
            bottomMargin=page.margin_bottom,
            initialFontName=fonts.REGULAR,
            lang="nl-NL",
            displayDocTitle=1,
            **kwargs,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._bookmarks = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        """Register headings in the contents and as bookmarks in the PDF outline."""
        if not isinstance(flowable, Heading) or flowable.toc_level is None:
            return
        self._bookmarks += 1
        key = f"h{self._bookmarks}"
        level = flowable.toc_level
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(plain_line(flowable.toc_text), key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, markup(flowable.toc_text), self.page, key))

    def handle_documentBegin(self) -> None:  # noqa: N802 - ReportLab's name
        """Each build pass numbers its bookmarks from the start, so the passes agree."""
        self._bookmarks = 0
        super().handle_documentBegin()


def canvas_maker(header_left: str, header_right: str, footer_left: str) -> Any:
    """A canvas factory for one document, carrying its running header and footer texts."""

    def make(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, **kwargs)
        canvas.header_left = plain_line(header_left)
        canvas.header_right = plain_line(header_right)
        canvas.footer_left = plain_line(footer_left)
        return canvas

    return make
