"""The action plan table and appendix A with every answer in one table."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from goedgeregeld.report.blocks import Blocks
from goedgeregeld.report.data import ReportData
from goedgeregeld.report.labels import answer_label, statement_label
from goedgeregeld.scoring import all_required, statement_numbers
from goedgeregeld.words import action_status_label, dutch_date


def action_plan(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """The action plan: what, for which statement, who, when, status."""
    story: list[Flowable] = [blocks.heading("Plan van aanpak", 0)]
    if not data.actions:
        story.append(
            blocks.paragraph(
                "Er zijn nog geen actiepunten vastgelegd. Gebruik de verbeterpunten uit dit "
                "rapport om samen een plan van aanpak te maken: wat gaat u doen, wie doet het "
                "en wanneer is het klaar?"
            )
        )
        return story
    edition = data.state.edition
    rows = []
    for number, action in enumerate(data.actions, start=1):
        theme = edition.theme_of.get(action.statement_id or "")
        about = f"{action.statement_id} ({theme.title})" if theme else (action.statement_id or "–")
        rows.append(
            [
                str(number),
                action.description,
                about,
                action.owner or "–",
                dutch_date(action.deadline) if action.deadline else "–",
                action_status_label(action.status),
            ]
        )
    story.append(
        blocks.table(
            ["Nr.", "Actie", "Stelling", "Wie", "Uiterlijk", "Status"],
            rows,
            [0.06, 0.35, 0.18, 0.14, 0.14, 0.13],
        )
    )
    return story


def answers_appendix(data: ReportData, blocks: Blocks) -> list[Flowable]:
    """Appendix A: every asked statement with its answer and note, in questionnaire order."""
    edition, answers = data.state.edition, data.state.answers
    rows = []
    numbers = statement_numbers(edition, data.result.variant)
    for statement in all_required(edition, data.result.variant):
        answer = answers.get(statement.id)
        rows.append(
            [
                statement_label(statement, numbers.get(statement.id)),
                answer_label(edition, answer),
                answer.note.strip() if answer is not None else "",
            ]
        )
    return [
        PageBreak(),
        blocks.heading("Bijlage A: Alle antwoorden", 0),
        blocks.table(["Stelling", "Antwoord", "Toelichting"], rows, [0.45, 0.2, 0.35]),
    ]
