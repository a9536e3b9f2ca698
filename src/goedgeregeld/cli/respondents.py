"""``eval respondent ...``, ``eval merge`` and ``eval agree``: several voices on one evaluation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group, print_json

if TYPE_CHECKING:
    from goedgeregeld.domain import RespondentRole
    from goedgeregeld.store.merge import MergedView


def _role(text: str) -> RespondentRole:
    from goedgeregeld.words.voices import parse_role, role_choices

    role = parse_role(text)
    if role is None:
        raise argparse.ArgumentTypeError(f"onbekende rol '{text}': kies {role_choices()}")
    return role


def register_respondents(group: Any, answer_value: Any) -> None:
    """Add the respondent, merge and agree commands; ``answer_value`` parses 0-3 or na."""
    respondent = command_group(group, "respondent", "respondenten: wie de zelfevaluatie invullen")
    add = respondent.add_parser("add", help="nodig een respondent uit; drukt de id af")
    add.add_argument("evaluation_id", metavar="EVAL_ID")
    add.add_argument("--name", required=True, metavar="NAAM")
    add.add_argument(
        "--role",
        required=True,
        type=_role,
        metavar="ROL",
        help="bestuur, coördinator, vrijwilliger of beroepskracht",
    )
    add.set_defaults(handler=_add)
    listing = respondent.add_parser("list", help="de respondenten van een zelfevaluatie")
    listing.add_argument("evaluation_id", metavar="EVAL_ID")
    listing.add_argument("--json", action="store_true", help="als JSON")
    listing.set_defaults(handler=_list)
    remove = respondent.add_parser(
        "remove", help="verwijder een respondent (de antwoorden blijven zichtbaar)"
    )
    remove.add_argument("respondent_id", metavar="RESPONDENT_ID")
    remove.set_defaults(handler=_remove)
    done = respondent.add_parser("done", help="meld dat een respondent klaar is met invullen")
    done.add_argument("respondent_id", metavar="RESPONDENT_ID")
    done.add_argument("--not", dest="undo", action="store_true", help="toch nog niet klaar")
    done.set_defaults(handler=_done)
    from goedgeregeld.cli.respondent_files import register_respondent_files

    register_respondent_files(respondent)

    merge = group.add_parser("merge", help="alle antwoorden naast elkaar, gesorteerd op onenigheid")
    merge.add_argument("evaluation_id", metavar="EVAL_ID")
    merge.add_argument("--json", action="store_true", help="als JSON")
    merge.set_defaults(handler=_merge)
    agree = group.add_parser("agree", help="leg het samen afgesproken antwoord vast")
    agree.add_argument("evaluation_id", metavar="EVAL_ID")
    agree.add_argument("statement_id", metavar="STELLING_ID")
    agree.add_argument("value", type=answer_value, metavar="ANTWOORD", help="0, 1, 2, 3 of na")
    agree.add_argument("--note", metavar="TEKST", help="toelichting bij het afgesproken antwoord")
    agree.set_defaults(handler=_agree)


def _add(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.respondents import add_respondent

    print(add_respondent(context.db(), args.evaluation_id, args.name, args.role).id)
    return 0


def _list(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.respondents import list_respondents
    from goedgeregeld.words.voices import DONE, NOT_DONE, REMOVED, role_label

    people = list_respondents(context.db(), args.evaluation_id)
    if args.json:
        print_json([_person_json(p) for p in people])
        return 0
    for p in people:
        state = REMOVED if p.removed else DONE if p.done else NOT_DONE
        print(f"{p.id}  {p.name} ({role_label(p.role)}), {state}")
    return 0


def _person_json(person: Any) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role.value,
        "removed": person.removed,
        "done": person.done,
    }


def _remove(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.respondents import remove_respondent

    person = remove_respondent(context.db(), args.respondent_id)
    print(f"{person.name} verwijderd; de antwoorden blijven zichtbaar in het overzicht.")
    return 0


def _done(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.cli.respondent_files import is_invitation_here
    from goedgeregeld.store.respondents import set_done

    if is_invitation_here(context, args.respondent_id):
        from goedgeregeld.store.invitations import set_invitation_done

        set_invitation_done(context.db(), args.respondent_id, not args.undo)
        print("Klaar gemeld; maak nu het antwoordbestand met 'eval respondent export'.")
        return 0
    from goedgeregeld.words.voices import DONE, NOT_DONE

    person = set_done(context.db(), args.respondent_id, not args.undo)
    print(f"{person.name}: {DONE if person.done else NOT_DONE}.")
    return 0


def _merge(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.respondents import merged_view

    view = merged_view(context.db(), args.evaluation_id)
    if args.json:
        print_json(merge_json(view))
    else:
        print(_merge_text(view))
    return 0


def merge_json(view: MergedView) -> dict[str, Any]:
    """The merged view as plain data for scripts (local only: it names the respondents)."""
    return {
        "evaluation": view.evaluation_id,
        "rule": {
            "spread_at_least": view.rule.spread_at_least,
            "not_applicable_against_score": view.rule.not_applicable_against_score,
        },
        "respondents": [_person_json(p) for p in view.respondents],
        "statements": [
            {
                "id": s.id,
                "number": s.number,
                "theme": s.theme_id,
                "scores": s.scores,
                "notes": s.notes,
                "spread": s.spread,
                "flagged": s.flagged,
                "agreed": s.agreed,
                "agreed_note": s.agreed_note,
            }
            for s in view.statements
        ],
        "themes": [
            {
                "id": t.id,
                "title": t.title,
                "scores": t.scores,
                "low": t.low,
                "high": t.high,
                "most_positive": list(t.most_positive),
            }
            for t in view.themes
        ],
    }


def _merge_text(view: MergedView) -> str:
    from goedgeregeld.words.voices import (
        AGREED,
        DISAGREED,
        REMOVED,
        disagreement_rule_text,
        spread_text,
        theme_range_text,
    )

    names = {p.id: p.name + (f" ({REMOVED})" if p.removed else "") for p in view.respondents}
    rule = view.rule
    lines = [disagreement_rule_text(rule.spread_at_least, rule.not_applicable_against_score), ""]
    lines.append("Respondenten: " + (", ".join(names.values()) or "nog geen"))
    lines.append("")
    for s in view.statements:
        scores = ", ".join(f"{names[r]} {_short(v)}" for r, v in s.scores.items())
        mark = f"  << {DISAGREED}" if s.flagged else ""
        agreed = f"; {AGREED}: {_short(s.agreed)}" if s.is_agreed else ""
        lines.append(f"Stelling {s.number} ({s.id}), {spread_text(s.spread)}{agreed}{mark}")
        lines.append(f"    {scores}")
    lines.append("")
    for t in view.themes:
        top = ", ".join(names[r] for r in t.most_positive) or None
        lines.append(f"{t.title}: {theme_range_text(t.low, t.high, top)}")
    return "\n".join(lines)


def _short(value: object) -> str:
    from goedgeregeld.words import short_answer

    return short_answer(value)


def _agree(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.respondents import agree

    agree(context.db(), args.evaluation_id, args.statement_id, args.value, args.note)
    return 0


def answer_as_respondent(context: CliContext, args: argparse.Namespace) -> None:
    """``eval answer ... --respondent ID``: here, or on the respondent's own computer."""
    from goedgeregeld.cli.respondent_files import is_invitation_here

    db = context.db()
    if is_invitation_here(context, args.respondent):
        from goedgeregeld.store.invitations import answer_invitation, load_invitation

        if load_invitation(db, args.respondent).invitation.evaluation_id != args.evaluation_id:
            raise CliError(f"respondent '{args.respondent}' hoort niet bij deze zelfevaluatie")
        answer_invitation(db, args.respondent, args.statement_id, args.value, args.note)
        return
    from goedgeregeld.store.respondents import respondent_of, save_respondent_answer

    respondent_of(db, args.respondent, args.evaluation_id)
    save_respondent_answer(db, args.respondent, args.statement_id, args.value, args.note)
