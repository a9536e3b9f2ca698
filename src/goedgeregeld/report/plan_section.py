"""The action plan table: what, for which statement, who, when, status."""

from __future__ import annotations

from reportlab.platypus import Flowable

from goedgeregeld.report.blocks import Blocks
from goedgeregeld.report.data import ReportData
from goedgeregeld.scoring import statement_numbers
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
    numbers = statement_numbers(edition, data.result.variant)
    rows = []
    for number, action in enumerate(data.actions, start=1):
        about = _statement_about(action.statement_id, numbers, data)
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


def _statement_about(statement_id: str | None, numbers: dict[str, int], data: ReportData) -> str:
    """The number the user sees and the theme, never the internal id: "Stelling 16 (Waardering)"."""
    if not statement_id:
        return "–"
    theme = data.state.edition.theme_of.get(statement_id)
    number = numbers.get(statement_id)
    if theme is None or number is None:
        return "andere stelling"
    return f"Stelling {number} ({theme.title})"
