"""Typed loader of the report's style sheet (``styles.yaml``) and ReportLab styles built from it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from goedgeregeld.report import fonts

if TYPE_CHECKING:
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle

STYLES_FILE = Path(__file__).with_name("styles.yaml")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
Points = Annotated[float, Field(ge=0, le=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageStyle(_Strict):
    """Margins of every page and the running header text."""

    margin_left: Points
    margin_right: Points
    margin_top: Points
    margin_bottom: Points
    header_text: str


class Colours(_Strict):
    """Named colours; paragraph and table styles refer to them by name."""

    primary: str
    accent: str
    text: str
    muted: str
    rule: str
    ok: str
    low: str
    track: str
    minimum: str

    @field_validator("*")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not _HEX.match(value):
            raise ValueError(f"kleur '{value}' is geen #rrggbb")
        return value


class ParagraphSpec(_Strict):
    """One paragraph style; ``colour`` is a colour name from ``colours`` or #rrggbb."""

    size: Annotated[float, Field(gt=0, le=72)]
    leading: Annotated[float, Field(gt=0, le=96)]
    bold: bool = False
    italic: bool = False
    colour: str = "text"
    space_before: Points = 0
    space_after: Points = 0
    left_indent: Points = 0
    first_line_indent: Annotated[float, Field(ge=-100, le=100)] = 0


class TableStyleSpec(_Strict):
    """Padding, grid and backgrounds of every table."""

    padding: Points
    grid_width: Annotated[float, Field(ge=0, le=5)]
    header_background: str
    zebra_background: str


class ChartStyle(_Strict):
    """Proportions of the theme chart."""

    font_size: Annotated[float, Field(gt=0, le=24)]
    bar_fraction: Annotated[float, Field(gt=0, le=1)]
    label_fraction: Annotated[float, Field(gt=0, lt=1)]


REQUIRED_PARAGRAPHS = [
    "body",
    "small",
    "bullet",
    "cell",
    "cell_header",
    "title",
    "cover_org",
    "cover_line",
    "h1",
    "h2",
    "h3",
    "statement",
    "note",
    "advice",
    "toc1",
    "toc2",
]


class StyleSheet(_Strict):
    """The whole style sheet as written in ``styles.yaml``."""

    page: PageStyle
    colours: Colours
    paragraphs: dict[str, ParagraphSpec]
    tables: TableStyleSpec
    chart: ChartStyle

    @field_validator("paragraphs")
    @classmethod
    def _complete(cls, value: dict[str, ParagraphSpec]) -> dict[str, ParagraphSpec]:
        missing = [name for name in REQUIRED_PARAGRAPHS if name not in value]
        if missing:
            raise ValueError(f"alinea-stijlen ontbreken: {', '.join(missing)}")
        return value

    def colour_hex(self, name: str) -> str:
        """A colour by name (``primary``) or literally (``#ffffff``)."""
        if _HEX.match(name):
            return name
        try:
            return str(getattr(self.colours, name))
        except AttributeError:
            raise ValueError(f"onbekende kleur '{name}' in de rapportstijl") from None

    def colour(self, name: str) -> Color:
        """A ReportLab colour by name or #rrggbb."""
        from reportlab.lib.colors import HexColor

        return HexColor(self.colour_hex(name))


def load_style_sheet(path: Path) -> StyleSheet:
    """Read and check a style sheet file; raises ``ValueError`` naming the file on problems."""
    import yaml
    from pydantic import ValidationError

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        sheet = StyleSheet.model_validate(data)
        for spec in sheet.paragraphs.values():
            sheet.colour_hex(spec.colour)
        for name in (sheet.tables.header_background, sheet.tables.zebra_background):
            sheet.colour_hex(name)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        raise ValueError(f"{path}: rapportstijl niet in orde: {problems}") from exc
    except (yaml.YAMLError, ValueError) as exc:
        raise ValueError(f"{path}: rapportstijl niet in orde: {exc}") from exc
    return sheet


@cache
def style_sheet() -> StyleSheet:
    """The shipped style sheet, read once per process."""
    return load_style_sheet(STYLES_FILE)


@cache
def paragraph_styles() -> dict[str, ParagraphStyle]:
    """ReportLab paragraph styles by name, all in the bundled font."""
    from reportlab.lib.styles import ParagraphStyle

    fonts.register_fonts()
    sheet = style_sheet()
    styles: dict[str, ParagraphStyle] = {}
    for name, spec in sheet.paragraphs.items():
        font = fonts.BOLD if spec.bold else fonts.ITALIC if spec.italic else fonts.REGULAR
        styles[name] = ParagraphStyle(
            name,
            fontName=font,
            fontSize=spec.size,
            leading=spec.leading,
            textColor=sheet.colour(spec.colour),
            spaceBefore=spec.space_before,
            spaceAfter=spec.space_after,
            leftIndent=spec.left_indent,
            firstLineIndent=spec.first_line_indent,
            # Long words (URLs, 200-character names) must break, never run off the page.
            splitLongWords=True,
            wordWrap=None,
        )
    return styles
