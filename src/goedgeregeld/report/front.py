"""The first pages: cover, contents and the summary with chart, strengths and points to improve."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.questionnaire.model import Statement
from goedgeregeld.report import fonts
from goedgeregeld.report.blocks import Blocks
from goedgeregeld.report.chart import theme_chart
from goedgeregeld.report.data import ReportData
from goedgeregeld.report.labels import statement_label, theme_outcome
from goedgeregeld.report.text import markup
from goedgeregeld.scoring import statement_numbers
from goedgeregeld.words import (
    EVALUATION_STATUS_LABELS,
    counted,
    dutch_date,
    format_percentage,
    plural,
    variant_text,
)
from goedgeregeld.words.nouns import STATEMENT

MAX_STRENGTHS = 3
MAX_IMPROVEMENTS = 5


def cover(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """Organisation, place, date, questionnaire edition, variant and status (the hash is in the metadata)."""
    organisation, record = data.organisation, data.state.evaluation
    edition = data.state.edition
    place = ", ".join(p for p in (organisation.city, organisation.province) if p)
    if record.is_completed and record.completed_at is not None:
        status = (
            f"{EVALUATION_STATUS_LABELS[EvaluationStatus.COMPLETED]} op "
            f"{dutch_date(record.completed_at)}"
        )
    else:
        status = (
            f"{EVALUATION_STATUS_LABELS[EvaluationStatus.DRAFT]}: {data.result.answered} van "
            f"{data.result.required} stellingen beantwoord"
        )
    story: list[Flowable] = [
        Spacer(1, 90),
        blocks.paragraph("Adviesrapport", "title"),
        blocks.paragraph("Zelfevaluatie vrijwillige inzet", "cover_line"),
        Spacer(1, 36),
        blocks.paragraph(organisation.name, "cover_org"),
    ]
    if place:
        story.append(blocks.paragraph(place, "cover_line"))
    story += [
        Spacer(1, 40),
        blocks.facts(
            [
                ("Datum", dutch_date(data.report_date)),
                ("Vragenlijst", edition.title),
                ("Versie", edition.version),
                ("Variant", variant_text(data.result.variant)),
                ("Status", status),
                *_keurmerk_facts(data),
            ]
        ),
        *_keurmerk_reminder(data, blocks),
        PageBreak(),
    ]
    return story


def _keurmerk_facts(data: ReportData) -> list[tuple[str, str]]:
    """The mark, only from a certificate that verified: never from a review's own claim."""
    mark = data.keurmerk
    if mark is None or not mark.valid:
        return []
    return [("Keurmerk", f"geldig tot {dutch_date(mark.valid_until)} (certificaat {mark.number})")]


def _keurmerk_reminder(data: ReportData, blocks: Blocks) -> list[Flowable]:
    from goedgeregeld.words.keurmerk import keurmerk_reminder

    mark = data.keurmerk
    if mark is None or not mark.valid or not mark.reminder:
        return []
    return [
        Spacer(1, 12),
        blocks.paragraph(keurmerk_reminder(mark.valid_until, data.report_date), "body"),
    ]


def contents(blocks: Blocks) -> list[Flowable]:
    """The table of contents, filled in by the document's second build pass."""
    toc = TableOfContents(
        levelStyles=[blocks.styles["toc1"], blocks.styles["toc2"]],
        dotsMinLevel=0,
        # The contents is a table: without its own font it would pull in Helvetica.
        tableStyle=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    heading = blocks.heading("Inhoud", 0, toc=False)
    return [heading, toc, PageBreak()]


def summary(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """Overall score, the quality-mark verdict per theme, the chart, strengths and improvements."""
    result = data.result
    story: list[Flowable] = [blocks.heading("Samenvatting", 0)]
    if data.state.edition.has_verdict_rules:
        story += _verdict_first(data, blocks)
    story.append(
        blocks.paragraph(
            f"Totaalscore: <b>{markup(format_percentage(result.total))}</b>. "
            f"U hebt {STATEMENT.of(result.answered, result.required)} beantwoord.",
            raw=True,
        )
    )
    if not data.state.edition.has_verdict_rules:
        story += _verdict_by_theme(data, blocks)
    story.append(blocks.paragraph("In de tabel ziet u per thema hoe het ervoor staat.", "small"))
    rows = [
        [t.title, format_percentage(t.score), f"{t.minimum}%", theme_outcome(t)]
        for t in result.themes
    ]
    story.append(Spacer(1, 6))
    story.append(
        blocks.table(["Thema", "Score", "Minimum", "Uitkomst"], rows, [0.4, 0.14, 0.14, 0.32])
    )
    chart_height = 22.0 * len(result.themes) + 34
    story += [
        CondPageBreak(chart_height + 40),
        blocks.heading("Scores per thema", 1, toc=False),
        theme_chart(result, blocks.width, chart_height),
    ]
    story += _strengths(data, blocks)
    story += _improvements(data, blocks)
    story.append(PageBreak())
    return story


def _strengths(data: ReportData, blocks: Blocks) -> list[Flowable]:
    story: list[Flowable] = [blocks.heading("Wat goed gaat", 1)]
    strong = sorted(
        (
            t
            for t in data.result.themes
            if t.score is not None and t.meets_minimum and not t.must_failures
        ),
        key=lambda t: (-(t.score or 0), t.title),
    )[:MAX_STRENGTHS]
    if not strong:
        story.append(
            blocks.paragraph(
                "Nog geen thema haalt het minimum. De verbeterpunten hieronder helpen u op weg."
            )
        )
    for theme in strong:
        story.append(
            blocks.bullet(
                f"<b>{markup(theme.title)}</b>: {markup(format_percentage(theme.score))} "
                f"(minimum {theme.minimum}%).",
                raw=True,
            )
        )
    return story


def _must_fails(statement: Statement, value: int | None) -> bool:
    return statement.must is not None and value is not None and value < statement.must


def _improvements(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """The weakest statements: failing must-haves, then themes furthest below their minimum."""
    edition, answers = data.state.edition, data.state.answers
    story: list[Flowable] = [blocks.heading("Belangrijkste verbeterpunten", 1)]
    shortfall = {t.theme_id: t.shortfall for t in data.result.themes}
    order = {sid: i for i, sid in enumerate(edition.statements_by_id)}
    low = [
        answer
        for answer in answers.values()
        if answer.value is not None and answer.value <= 1 and answer.statement_id in order
    ]
    numbers = statement_numbers(edition, data.result.variant)
    # Advice by shortfall against the minimum, not by the lowest score: a must-have below its
    # minimum first, then the themes furthest below their minimum, then the lower answer.
    low.sort(
        key=lambda a: (
            not _must_fails(edition.statements_by_id[a.statement_id], a.value),
            -shortfall.get(edition.theme_of[a.statement_id].id, 0.0),
            a.value,
            order[a.statement_id],
        )
    )
    if not low:
        story.append(
            blocks.paragraph(
                "Geen enkele stelling scoort 0 of 1. Bij de thema's leest u hoe u het nog "
                "beter kunt regelen."
            )
        )
    for answer in low[:MAX_IMPROVEMENTS]:
        statement = edition.statements_by_id[answer.statement_id]
        theme = edition.theme_of[answer.statement_id]
        story.append(
            blocks.bullet(
                f"{markup(statement_label(statement, numbers.get(statement.id)))} "
                f"<i>({markup(theme.title)}, antwoord: {markup(edition.scale_label(answer.value))})</i>",
                raw=True,
            )
        )
    if len(low) > MAX_IMPROVEMENTS:
        story.append(
            blocks.paragraph(
                f"Nog {counted(len(low) - MAX_IMPROVEMENTS, 'stelling', 'stellingen')} "
                f"{plural(len(low) - MAX_IMPROVEMENTS, 'scoort', 'scoren')} 0 of 1; "
                "u vindt ze bij de thema's.",
                "small",
            )
        )
    return story


# Only where no adviser has reviewed yet; with a review the adviser's own section speaks.
_ASK_ADVISER = " U kunt een adviseur vragen om te beoordelen of u klaar bent voor het keurmerk."
_ASK_FOR_ASSESSMENT = (
    " U kunt een adviseur vragen om te beoordelen of u klaar bent voor de keurmerktoetsing."
)


def _verdict_by_theme(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """The quality-mark verdict of editions before 2027.1: open statements, themes below."""
    result = data.result
    story: list[Flowable] = []
    story.append(blocks.heading("Keurmerk", 1))
    if result.eligible:
        story.append(
            blocks.paragraph(
                "Uw organisatie haalt op elk thema het minimum en heeft alle stellingen "
                "beantwoord." + _ASK_ADVISER * (data.review is None)
            )
        )
    else:
        story.append(
            blocks.paragraph(
                "Uw organisatie haalt de eisen voor het keurmerk nog niet. Daarvoor moet "
                "uw organisatie op elk thema het minimum halen en alle stellingen beantwoorden. "
                "Dit ontbreekt nog:"
            )
        )
        if result.open_statements:
            story.append(
                blocks.bullet(
                    f"{counted(len(result.open_statements), 'stelling', 'stellingen')} "
                    f"{plural(len(result.open_statements), 'is', 'zijn')} nog niet beantwoord."
                )
            )
        below = [t.title for t in result.themes if not t.meets_minimum and t.score is not None]
        if below:
            themes = counted(len(below), "thema", "thema's")
            count = f"{themes} {plural(len(below), 'haalt', 'halen')}"
            story.append(blocks.bullet(f"{count} het minimum nog niet: {', '.join(below)}."))
    return story


MAX_REASONS = 8


def _verdict_first(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """The verdict and every reason for it, before the scores: what to act on comes first."""
    result = data.result
    story: list[Flowable] = [blocks.heading("Keurmerk", 1)]
    if result.eligible:
        story.append(
            blocks.paragraph(
                "Uw organisatie haalt alle eisen voor het keurmerk."
                + _ASK_FOR_ASSESSMENT * (data.review is None)
            )
        )
        return story
    story.append(
        blocks.paragraph(
            "Uw organisatie haalt de eisen voor het keurmerk nog niet. Dit moet eerst beter:"
        )
    )
    reasons = [reason.text for reason in result.reasons]
    for text in reasons[:MAX_REASONS]:
        story.append(blocks.bullet(text))
    if len(reasons) > MAX_REASONS:
        rest = len(reasons) - MAX_REASONS
        story.append(blocks.bullet(f"En nog {counted(rest, 'punt', 'punten')}; zie de thema's."))
    story.append(Spacer(1, 8))
    return story
