"""``eval start | answer | confirm | show | complete``; ``eval compare`` is in ``cli.compare``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group, print_json
from goedgeregeld.words.choices import NOT_APPLICABLE_SPELLINGS, NOT_APPLICABLE_WORD

if TYPE_CHECKING:
    # Only for annotations: importing scoring builds the pydantic models, which the app
    # window must not wait for (the parser is built before the window opens).
    from goedgeregeld.scoring import AnswerValue


def answer_value(text: str) -> AnswerValue:
    """Argparse type: 0, 1, 2, 3 or nvt (also n.v.t., n and the stable name na)."""
    from goedgeregeld.scoring import NOT_APPLICABLE

    if text.strip().casefold() in NOT_APPLICABLE_SPELLINGS:
        return NOT_APPLICABLE
    if text.strip() in {"0", "1", "2", "3"}:
        return int(text)
    raise argparse.ArgumentTypeError(
        f"ongeldig antwoord '{text}': kies 0, 1, 2, 3 of {NOT_APPLICABLE_WORD}"
    )


def register(subparsers: Any) -> None:
    """Add the evaluation commands."""
    group = command_group(subparsers, "eval", "zelfevaluaties invullen en bekijken")
    start = group.add_parser("start", help="begin een zelfevaluatie; drukt de nieuwe id af")
    start.add_argument("organisation_id", metavar="ORG_ID")
    start.add_argument("--questionnaire", metavar="ID", help="vragenlijst (standaard de nieuwste)")
    start.add_argument(
        "--edition", metavar="VERSIE", help="editie, bijvoorbeeld 2026.1 (standaard de nieuwste)"
    )
    start.add_argument(
        "--from",
        dest="previous_id",
        metavar="VORIGE_ID",
        help="neem antwoorden, bewijs en open actiepunten over uit deze zelfevaluatie "
        "(nog te bevestigen)",
    )
    start.set_defaults(handler=_start)
    answer = group.add_parser("answer", help="beantwoord een stelling")
    answer.add_argument("evaluation_id", metavar="EVAL_ID")
    answer.add_argument("statement_id", metavar="STELLING_ID")
    answer.add_argument(
        "value",
        type=answer_value,
        metavar="ANTWOORD",
        help=f"0, 1, 2, 3 of {NOT_APPLICABLE_WORD} (niet van toepassing; ook: na)",
    )
    answer.add_argument("--note", metavar="TEKST", help="toelichting bij het antwoord")
    answer.add_argument(
        "--respondent",
        metavar="RESPONDENT_ID",
        help="het eigen antwoord van deze respondent (niet het afgesproken antwoord)",
    )
    answer.set_defaults(handler=_answer)
    confirm = group.add_parser(
        "confirm", help="bevestig overgenomen antwoorden zoals ze zijn (alle als u er geen noemt)"
    )
    confirm.add_argument("evaluation_id", metavar="EVAL_ID")
    confirm.add_argument("statement_ids", nargs="*", metavar="STELLING_ID")
    confirm.set_defaults(handler=_confirm)
    show = group.add_parser("show", help="scores, voortgang en keurmerk")
    show.add_argument("evaluation_id", metavar="EVAL_ID")
    show.add_argument("--json", action="store_true", help="als JSON")
    show.set_defaults(handler=_show)
    complete = group.add_parser("complete", help="rond een volledig ingevulde zelfevaluatie af")
    complete.add_argument("evaluation_id", metavar="EVAL_ID")
    complete.set_defaults(handler=_complete)
    from goedgeregeld.cli.compare import register_compare
    from goedgeregeld.cli.respondents import register_respondents

    register_compare(group)
    register_respondents(group, answer_value)


def _start(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.questionnaire.catalog import UnknownEditionError, find_edition
    from goedgeregeld.store.evaluations import start_evaluation

    try:
        edition = find_edition(args.questionnaire, args.edition)
    except UnknownEditionError:
        if args.edition:
            raise CliError(f"onbekende editie '{args.edition}'") from None
        raise CliError(f"onbekende vragenlijst '{args.questionnaire}'") from None
    if args.previous_id:
        from goedgeregeld.store.reassessment import start_from

        record = start_from(context.db(), args.organisation_id, edition, args.previous_id)
    else:
        record = start_evaluation(context.db(), args.organisation_id, edition)
    print(record.id)
    return 0


def _answer(context: CliContext, args: argparse.Namespace) -> int:
    import sys

    if args.respondent:
        from goedgeregeld.cli.respondents import answer_as_respondent

        answer_as_respondent(context, args)
        return 0
    from goedgeregeld.scoring import na_not_counted
    from goedgeregeld.store.evaluations import load_state, save_answer

    db = context.db()
    record = save_answer(db, args.evaluation_id, args.statement_id, args.value, args.note)
    if record.not_applicable:
        state = load_state(db, args.evaluation_id)
        warning = na_not_counted(state.edition, state.variant, args.statement_id)
        if warning is not None:
            print(warning, file=sys.stderr)
    return 0


def _confirm(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.reassessment import confirm_answers
    from goedgeregeld.words import counted

    done = confirm_answers(context.db(), args.evaluation_id, args.statement_ids or None)
    print(f"{counted(len(done), 'antwoord', 'antwoorden')} bevestigd.")
    return 0


def _show(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.app.summary import evaluation_summary
    from goedgeregeld.store.evaluations import load_state

    summary = evaluation_summary(load_state(context.db(), args.evaluation_id))
    summary["keurmerk"] = _keurmerk(context, args.evaluation_id)
    from goedgeregeld.store.shared_spread import shared_spread

    # A client's file may say where its respondents disagreed (never their answers).
    spread = shared_spread(context.db(), args.evaluation_id)
    summary["disagreed"] = sorted(sid for sid, entry in spread.items() if entry.flagged)
    if args.json:
        from goedgeregeld.cli.review_json import review_json

        summary["review"] = review_json(context.db(), args.evaluation_id)
        print_json(summary)
    else:
        print(_as_text(summary))
    return 0


def _keurmerk(context: CliContext, evaluation_id: str) -> dict[str, Any] | None:
    """The mark from a keurmerk certificate that verified, as ``eval show`` reports it."""
    from datetime import date

    from goedgeregeld.store.keurmerk import keurmerk_for

    state = keurmerk_for(context.db(), [evaluation_id], date.today()).get(evaluation_id)
    return None if state is None else state.as_json()


def _keurmerk_lines(mark: dict[str, Any] | None) -> list[str]:
    from datetime import date

    from goedgeregeld.words.keurmerk import (
        keurmerk_not_shown,
        keurmerk_reminder,
        keurmerk_valid_until,
    )

    if mark is None:
        return []
    until = date.fromisoformat(mark["valid_until"])
    if not mark["valid"]:
        return [keurmerk_not_shown(mark["number"], mark["state"])]
    lines = [f"{keurmerk_valid_until(until)} (certificaat {mark['number']})"]
    if mark["reminder"]:
        lines.append(keurmerk_reminder(until, date.today()))
    return lines


def _as_text(summary: dict[str, Any]) -> str:
    from goedgeregeld.words import (
        THEME_ALL_NOT_APPLICABLE,
        THEME_MET,
        THEME_MUST_BELOW,
        THEME_NOT_ASSESSABLE,
        THEME_NOT_STARTED,
        evaluation_status_label,
        format_percentage,
        shortfall_text,
        variant_text,
    )

    variant = variant_text(summary["variant"])
    status = evaluation_status_label(summary["status"])
    progress = summary["progress"]
    lines = [
        f"Zelfevaluatie {summary['id']}",
        f"Vragenlijst: {summary['questionnaire']['id']} {summary['questionnaire']['version']}, {variant}",
        f"Status: {status}; beantwoord: {progress['answered']} van {progress['required']}",
        f"Totaalscore: {format_percentage(summary['total'])}",
        "Keurmerk: " + ("haalbaar" if summary["eligible"] else "nog niet haalbaar"),
        *_keurmerk_lines(summary.get("keurmerk")),
        "",
    ]
    width = max(len(t["title"]) for t in summary["themes"])
    for theme in summary["themes"]:
        if not theme["assessable"]:
            mark = THEME_NOT_ASSESSABLE
        elif theme["score"] is None:
            done = theme["answered"] == theme["required"]
            mark = THEME_ALL_NOT_APPLICABLE if done else THEME_NOT_STARTED
        elif theme["meets_minimum"]:
            mark = THEME_MUST_BELOW if theme["must_below"] else THEME_MET
        else:
            mark = shortfall_text(theme["shortfall"])
        lines.append(
            f"  {theme['title']:<{width}}  {format_percentage(theme['score']):>6}"
            f"  minimum {theme['minimum']}%  {mark}"
        )
    if summary["reasons"]:
        lines += [
            "",
            "Waarom (nog) geen keurmerk:",
            *(f"- {r['text']}" for r in summary["reasons"]),
        ]
    if summary.get("disagreed"):
        from goedgeregeld.words.voices import DISAGREED

        lines += ["", f"{DISAGREED.capitalize()}: {', '.join(summary['disagreed'])}"]
    if summary["to_confirm"]:
        waiting = ", ".join(summary["to_confirm"][:10])
        more = (
            f" en nog {len(summary['to_confirm']) - 10}" if len(summary["to_confirm"]) > 10 else ""
        )
        lines += ["", f"Overgenomen, nog te bevestigen: {waiting}{more}"]
    if summary["open"]:
        shown = ", ".join(summary["open"][:10])
        more = f" en nog {len(summary['open']) - 10}" if len(summary["open"]) > 10 else ""
        lines += ["", f"Open stellingen: {shown}{more}"]
    return "\n".join(lines)


def _complete(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.evaluations import complete_evaluation

    complete_evaluation(context.db(), args.evaluation_id)
    print("Zelfevaluatie afgerond.")
    return 0
