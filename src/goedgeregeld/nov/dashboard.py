"""Plain data for the NOV dashboard: headlines, charts as SVG, provinces, size and variant."""

from __future__ import annotations

from dataclasses import dataclass, field

from goedgeregeld.exchange.sync.format import EVALUATIONS_COMPLETED, ORGANISATIONS
from goedgeregeld.nov.overview import detail_rows, headlines, province_rows
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
    provinces: list[tuple[str, list[int]]]
    """Per province the exact counts: new organisations, new advisers."""
    totals: dict[str, int]
    sizes: list[tuple[str, int, int]]
    """Per size class: (label, new organisations in the year, all years)."""
    variants: list[tuple[str, int, int]]
    """Per variant: (label, completed evaluations in the year, all years)."""
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
        sizes=detail_rows(figures, ORGANISATIONS.name, chosen),
        variants=detail_rows(figures, EVALUATIONS_COMPLETED.name, chosen),
    )
