"""Build the whole PDF advice report for one evaluation and write it atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from goedgeregeld import __version__
from goedgeregeld.base.atomic import write_through_temp
from goedgeregeld.base.outputs import check_output
from goedgeregeld.store.db.engine import Database

Progress = Callable[[int, int], None]
_STEPS = 4


def write_advice_report(
    db: Database,
    evaluation_id: str,
    target: Path,
    *,
    invariant: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Build the advice report of ``evaluation_id`` and write it to ``target``.

    Safe to call from a worker thread: it touches no Qt and opens its own short DB
    sessions through the store functions. The PDF is written to a temporary file in the
    target's folder and moved into place, so a reader never sees half a report.
    ``invariant`` gives byte-identical output for the same data (used by tests).
    """
    from goedgeregeld.report.data import load_report_data

    report = progress or (lambda _done, _total: None)
    target = Path(target)
    check_output(target)  # refused before the report is built, not after
    data = load_report_data(db, evaluation_id, invariant=invariant)
    report(1, _STEPS)
    write_through_temp(
        target, lambda temp: render_report(data, temp, invariant=invariant, progress=report)
    )
    report(_STEPS, _STEPS)
    return target


def render_report(data: Any, path: Path, *, invariant: bool, progress: Progress) -> None:
    """Lay out ``data`` (a ``ReportData``) as the PDF at ``path``."""
    from goedgeregeld.report.blocks import Blocks
    from goedgeregeld.report.comparison_section import comparison_flowables
    from goedgeregeld.report.document import ReportTemplate, canvas_maker
    from goedgeregeld.report.evidence import evidence_flowables
    from goedgeregeld.report.front import contents, cover, summary
    from goedgeregeld.report.plan_section import action_plan
    from goedgeregeld.report.review_section import review_flowables
    from goedgeregeld.report.styles import style_sheet
    from goedgeregeld.report.text import plain_line
    from goedgeregeld.report.themes_section import themes
    from goedgeregeld.report.voices_section import voices_flowables
    from goedgeregeld.scoring import statement_numbers

    sheet = style_sheet()
    organisation = plain_line(data.organisation.name)
    edition = data.state.edition
    doc = ReportTemplate(
        str(path),
        sheet,
        title=f"Adviesrapport Goed Geregeld – {organisation}",
        author=organisation,
        subject=f"Zelfevaluatie vrijwillige inzet: {edition.title}, versie {edition.version}",
        creator=f"Goed Geregeld {__version__}",
        keywords=[
            "Goed Geregeld",
            "zelfevaluatie",
            "vrijwillige inzet",
            "adviesrapport",
            f"vragenlijst {edition.version} {data.state.evaluation.edition_hash[:12]}",
        ],
        invariant=1 if invariant else 0,
    )
    blocks = Blocks(doc.width)
    story = cover(data, blocks) + contents(blocks)
    # The adviser's own report opens with the review: it speaks as the adviser's report.
    own_review = data.review is not None and data.review.origin == "own"
    if own_review:
        story += _adviser_review(data, blocks) + [_page_break()]
    story += summary(data, blocks) + themes(data, blocks)
    story += comparison_flowables(data.comparison, blocks)
    story += voices_flowables(data.voices, edition, blocks)
    story += action_plan(data, blocks)
    if data.review is not None and not own_review:
        story.append(_page_break())
        story += review_flowables(data.review, edition, data.state.answers, blocks)
    if data.evidence:
        story.append(_page_break())
        numbers = statement_numbers(edition, data.result.variant)
        story += evidence_flowables(data.evidence, edition, numbers, blocks)
    progress(2, _STEPS)
    from goedgeregeld.words import dutch_date

    doc.multiBuild(
        story,
        canvasmaker=canvas_maker(
            header_left=f"{sheet.page.header_text} · {organisation}",
            header_right=dutch_date(data.report_date),
            footer_left=f"{edition.title}, versie {edition.version}",
        ),
    )
    progress(3, _STEPS)


def _adviser_review(data: Any, blocks: Any) -> list[Any]:
    from goedgeregeld.report.review_section import review_flowables
    from goedgeregeld.store.review_guard import assess_readiness

    readiness = assess_readiness(data.state, data.review)
    return review_flowables(data.review, data.state.edition, data.state.answers, blocks, readiness)


def _page_break() -> Any:
    from reportlab.platypus import PageBreak

    return PageBreak()
