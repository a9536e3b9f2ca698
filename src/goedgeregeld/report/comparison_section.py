"""The report's comparison with the previous evaluation: per theme, then the changed statements.

Across editions the statements are matched through the edition mapping (``store.comparison``);
the theme scores compare as they are, each by its own edition's rules.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from goedgeregeld.report.blocks import Blocks
from goedgeregeld.store.comparison import Comparison
from goedgeregeld.words import (
    dutch_date,
    format_percentage,
    mapping_kind_label,
    points_change_text,
    previous_answer_text,
    short_answer,
)


def comparison_flowables(comparison: Comparison | None, blocks: Blocks) -> list[Flowable]:
    """The section, or nothing for an organisation's first evaluation."""
    if comparison is None:
        return []
    story: list[Flowable] = [blocks.heading("Vergelijking met de vorige zelfevaluatie", 1)]
    intro = (
        f"Vergeleken met de zelfevaluatie van {dutch_date(comparison.previous_created_at)}. "
        "Verschil in procentpunten; stellingen met ‘n.v.t.’ tellen niet mee."
    )
    if comparison.across_editions:
        intro += (
            f" De vorige keer werd vragenlijst {comparison.previous_edition_version} gebruikt, "
            f"nu {comparison.current_edition_version}: elke themascore telt volgens zijn eigen "
            "vragenlijst, en per stelling staat het antwoord van de stelling(en) die zij voortzet "
            "(bij een samengevoegde stelling het gemiddelde)."
        )
    story.append(blocks.paragraph(intro))
    rows = [
        [
            t.title,
            format_percentage(t.previous),
            format_percentage(t.current),
            points_change_text(t.change),
        ]
        for t in comparison.themes
    ]
    story.append(
        blocks.table(["Thema", "Vorige keer", "Nu", "Verschil"], rows, [0.5, 0.16, 0.16, 0.18])
    )
    changed = [s for s in comparison.statements if not s.sources or s.change not in (None, 0)]
    if changed:
        story.append(blocks.paragraph("Stellingen die veranderd of nieuw zijn:"))
        story.append(
            blocks.table(
                ["Stelling", "Vorige keer", "Nu", "Herkomst"],
                [
                    [
                        f"Stelling {s.number}: {s.text}",
                        previous_answer_text(s.sources, s.previous, s.previous_answers),
                        short_answer(s.current),
                        mapping_kind_label(s.kind.value, s.sources, s.source_numbers),
                    ]
                    for s in changed
                ],
                [0.52, 0.13, 0.1, 0.25],
            )
        )
    return story
