"""Per theme: the score against its minimum, every statement with answer and note, advice where low."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from goedgeregeld.questionnaire.model import Theme
from goedgeregeld.report.blocks import Blocks
from goedgeregeld.report.data import ReportData
from goedgeregeld.report.labels import answer_label, is_low, statement_label, theme_outcome
from goedgeregeld.report.text import markup
from goedgeregeld.scoring import ThemeScore, required_statements, statement_numbers
from goedgeregeld.words import THEME_NOT_ASSESSABLE, format_percentage


def themes(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """The chapter with one section per theme."""
    story: list[Flowable] = [
        blocks.heading("Resultaten per thema", 0),
        blocks.paragraph(
            "Per thema ziet u de score en het minimum voor het keurmerk. Daaronder staan alle "
            "stellingen met uw antwoord en toelichting. Bij een antwoord 0 of 1 staat een advies. "
            "Stellingen met een ster (★) zijn kernstellingen."
        ),
    ]
    for theme in data.state.edition.themes:
        story += _theme(theme, data.result.theme(theme.id), data, blocks)
    story.append(PageBreak())
    return story


def _theme(theme: Theme, score: ThemeScore, data: ReportData, blocks: Blocks) -> list[Flowable]:
    edition, answers = data.state.edition, data.state.answers
    story: list[Flowable] = [CondPageBreak(150), blocks.heading(theme.title, 1)]
    story.append(
        blocks.paragraph(
            f"<b>Score: {markup(format_percentage(score.score))}</b> · minimum: {score.minimum}% · "
            f"{markup(theme_outcome(score))}",
            raw=True,
        )
    )
    story.append(blocks.paragraph(theme.intro, "small"))
    if not score.assessable:
        story.append(
            blocks.paragraph(
                f"Dit thema is {THEME_NOT_ASSESSABLE}: te weinig stellingen zijn van toepassing. "
                "Zolang dat zo is, kan het keurmerk er niet op worden gegeven.",
                "advice",
            )
        )
    elif score.score is None and score.required and score.answered == score.required:
        story.append(
            blocks.paragraph(
                "Alle stellingen van dit thema zijn niet van toepassing. Daarom heeft dit thema "
                "geen score; voor het keurmerk telt het als gehaald.",
                "advice",
            )
        )
    elif score.score is not None:
        story.append(
            blocks.paragraph(
                f"<b>Advies voor dit thema:</b> {markup(theme.advice_for(score.score, score.meets_minimum))}",
                "advice",
                raw=True,
            )
        )
    numbers = statement_numbers(data.state.edition, data.result.variant)
    for statement in required_statements(theme, data.result.variant):
        answer = answers.get(statement.id)
        heading = blocks.paragraph(
            statement_label(statement, numbers.get(statement.id)), "statement"
        )
        heading.keepWithNext = True
        story.append(heading)
        story.append(
            blocks.paragraph(f"Antwoord: {markup(answer_label(edition, answer))}", "body", raw=True)
        )
        if answer is not None and answer.note.strip():
            story.append(
                blocks.paragraph(f"Toelichting: {markup(answer.note.strip())}", "note", raw=True)
            )
        if is_low(answer):
            story.append(
                blocks.paragraph(f"<b>Advies:</b> {markup(statement.advice)}", "advice", raw=True)
            )
    return story
