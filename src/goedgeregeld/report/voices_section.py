"""The report's section on several respondents: the spread per theme and where they disagreed.

Respondents appear by role only; their names and separate answers stay out of the PDF.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.report.blocks import Blocks
from goedgeregeld.report.spread_chart import spread_chart, spread_chart_height
from goedgeregeld.store.merge import MergedView
from goedgeregeld.words import short_answer
from goedgeregeld.words.voices import (
    VOICES_HEADING,
    disagreement_rule_text,
    role_labels,
    spread_range_text,
    voices_intro,
)


def voices_flowables(view: MergedView | None, edition: Edition, blocks: Blocks) -> list[Flowable]:
    """The section, or nothing for an evaluation one person filled in."""
    if view is None or not view.respondents:
        return []
    labels = role_labels([p.role for p in view.respondents])
    people = [(p.id, label) for p, label in zip(view.respondents, labels, strict=True)]
    rule = view.rule
    story: list[Flowable] = [
        blocks.heading(VOICES_HEADING, 1),
        blocks.paragraph(voices_intro(len(people), ", ".join(labels))),
        blocks.paragraph(
            disagreement_rule_text(rule.spread_at_least, rule.not_applicable_against_score),
            "small",
        ),
    ]
    themes = [t for t in view.themes if t.low is not None]
    height = spread_chart_height(len(themes))
    story += [
        CondPageBreak(height + 40),
        blocks.heading("Spreiding per thema", 2, toc=False),
        # Dots without names or roles: the PDF may travel, and no one's answers with it.
        spread_chart(themes, [(rid, "") for rid, _ in people], blocks.width, height),
    ]
    flagged = view.flagged
    if flagged:
        story.append(blocks.heading("Waarover men het oneens was", 2, toc=False))
        rows = [
            [
                f"Stelling {s.number}",
                edition.statements_by_id[s.id].text,
                spread_range_text(list(s.scores.values())),
                short_answer(s.agreed),
            ]
            for s in flagged
        ]
        story.append(
            blocks.table(
                ["Stelling", "Tekst", "Uiteenlopend", "Afgesproken"],
                rows,
                [0.13, 0.55, 0.2, 0.12],
            )
        )
    return story
