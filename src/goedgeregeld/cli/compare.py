"""``eval compare EVAL [--with OTHER] [--json]``: the change per theme and per mapped statement."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import print_json

if TYPE_CHECKING:
    from goedgeregeld.store.comparison import Comparison, StatementChange


def register_compare(group: Any) -> None:
    """Add ``eval compare`` to the evaluation commands."""
    compare = group.add_parser(
        "compare", help="vergelijk met een andere zelfevaluatie (standaard de vorige)"
    )
    compare.add_argument("evaluation_id", metavar="EVAL_ID")
    compare.add_argument(
        "--with",
        dest="other_id",
        metavar="ANDERE_ID",
        help="vergelijk hiermee (standaard de vorige zelfevaluatie van de organisatie)",
    )
    compare.add_argument("--json", action="store_true", help="als JSON")
    compare.set_defaults(handler=_compare)


def _compare(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.comparison import compare_evaluations, previous_evaluation_id

    db = context.db()
    other = args.other_id or previous_evaluation_id(db, args.evaluation_id)
    if other is None:
        raise CliError(
            "dit is de eerste zelfevaluatie van deze organisatie; "
            "noem met --with een zelfevaluatie om mee te vergelijken"
        )
    if other == args.evaluation_id:
        raise CliError("kies met --with een andere zelfevaluatie dan deze")
    comparison = compare_evaluations(db, args.evaluation_id, other)
    if args.json:
        print_json(comparison_json(comparison))
    else:
        print(_as_text(comparison))
    return 0


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data for scripts."""
    return {
        "current": {"id": comparison.current_id, "version": comparison.current_edition_version},
        "previous": {
            "id": comparison.previous_id,
            "version": comparison.previous_edition_version,
            "created_at": comparison.previous_created_at.isoformat(),
        },
        "across_editions": comparison.across_editions,
        "themes": [
            {
                "id": t.theme_id,
                "title": t.title,
                "previous": t.previous,
                "current": t.current,
                "change": t.change,
                "compared_statements": t.shared_statements,
            }
            for t in comparison.themes
        ],
        "statements": [
            {
                "id": s.statement_id,
                "number": s.number,
                "theme": s.theme_id,
                "kind": s.kind.value,
                "sources": [
                    {"id": source, "answer": answer}
                    for source, answer in zip(s.sources, s.previous_answers, strict=True)
                ],
                "previous": s.previous,
                "previous_basis": _basis(s),
                "current": s.current,
                "change": s.change,
            }
            for s in comparison.statements
        ],
        "dropped": list(comparison.dropped),
    }


def _basis(change: StatementChange) -> str | None:
    """What the old score is: the source's answer, the sources' average, or nothing (new)."""
    from goedgeregeld.domain import MappingKind

    if change.kind == MappingKind.NEW:
        return None
    return "average" if change.kind == MappingKind.MERGED else "source"


def _as_text(comparison: Comparison) -> str:
    from goedgeregeld.words import (
        format_percentage,
        mapping_kind_label,
        points_change_text,
        previous_answer_text,
        short_answer,
    )

    lines = [
        f"Vergelijking van {comparison.current_id} ({comparison.current_edition_version}) "
        f"met {comparison.previous_id} ({comparison.previous_edition_version})",
        "",
    ]
    width = max(len(t.title) for t in comparison.themes)
    for t in comparison.themes:
        lines.append(
            f"  {t.title:<{width}}  {format_percentage(t.previous):>6} → "
            f"{format_percentage(t.current):>6}  {points_change_text(t.change)}"
        )
    lines += ["", "Per stelling (vorige keer → nu):"]
    for s in comparison.statements:
        now = short_answer(s.current)
        before = previous_answer_text(s.sources, s.previous, s.previous_answers)
        label = mapping_kind_label(s.kind.value, s.sources)
        lines.append(f"  {s.statement_id:<18} {before:>8} → {now}  {label}")
    if comparison.dropped:
        lines += ["", "Niet meer gevraagd: " + ", ".join(comparison.dropped)]
    return "\n".join(lines)
