"""Plain data for the NOV dashboard: headline sentences, charts as SVG and the province table."""

from __future__ import annotations

from dataclasses import dataclass, field

from goedgeregeld.nov.overview import headlines, province_rows
from goedgeregeld.nov.store.figures import NationalFigures
from goedgeregeld.nov.store.quarantine import QuarantineRecord


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for one chosen year."""

    year: int | None
    years: list[int]
    headlines: list[str]
    years_svg: bytes
    provinces_svg: bytes
    provinces: list[tuple[str, list[str]]]
    """Per province the published (masked) counts: new organisations, new advisers."""
    totals: dict[str, int]
    held: list[QuarantineRecord] = field(default_factory=list)
    """Files in quarantine, waiting for NOV's decision (not in any figure above)."""


def _svg(drawing: object) -> bytes:
    from reportlab.graphics import renderSVG

    text: str = renderSVG.drawToString(drawing)
    return text.encode("utf-8")


def build_dashboard(figures: NationalFigures, year: int | None = None) -> Dashboard:
    """The dashboard for ``year`` (default: the latest year with figures)."""
    from goedgeregeld.nov.charts import provinces_chart, years_chart

    years = figures.years()
    chosen = year if year in years else (years[-1] if years else None)
    lines = headlines(figures, chosen) if chosen is not None else []
    return Dashboard(
        year=chosen,
        years=years,
        headlines=lines,
        years_svg=_svg(years_chart(figures, 520, 200, chosen)),
        provinces_svg=_svg(provinces_chart(figures, chosen, 520, 200)),
        provinces=province_rows(figures, chosen),
        totals={kind: figures[kind].total for kind in figures.kinds},
    )
