"""Words for several respondents on one evaluation: roles, the merged view, the consensus round."""

from __future__ import annotations

from goedgeregeld.domain import RespondentRole
from goedgeregeld.words.numbers import format_number
from goedgeregeld.words.plurals import counted

ROLE_LABELS = {
    RespondentRole.BOARD: "bestuur",
    RespondentRole.COORDINATOR: "coördinator",
    RespondentRole.VOLUNTEER: "vrijwilliger",
    RespondentRole.PROFESSIONAL: "beroepskracht",
}
_ROLE_INPUT = {
    **{label: role for role, label in ROLE_LABELS.items()},
    **{role.value: role for role in RespondentRole},
}

RESPONDENT = "respondent"
RESPONDENTS = "respondenten"
REMOVED = "verwijderd"
"""A respondent removed after answering: their answers stay in the merged view."""
NOT_DONE = "nog bezig"
"""A respondent who has not said they are done."""
DONE = "klaar"
WHO_FILLS_IN = "Wie vult nu in?"
THE_GROUP = "De groep (afgesproken antwoord)"
"""Answering as the group: the agreed answer of the consensus round."""
DISAGREED = "hierover was men het oneens"
"""What the adviser sees beside a statement on which the respondents disagreed."""


def disagreed_text(spread: int | None) -> str:
    """The adviser's line beside a statement the respondents disagreed on."""
    if spread is None:
        return f"⚑ {DISAGREED}"
    return f"⚑ {DISAGREED} (verschil {spread} {'punt' if spread == 1 else 'punten'})"


DISAGREED_SHORT = "oneens"
"""The same in a narrow column of the merged view."""
AGREED = "afgesproken"
NOT_AGREED = "nog niet afgesproken"
MEETING_MODE = "Overlegmodus"
MERGED_VIEW = "Alle antwoorden naast elkaar"
SPREAD = "spreiding"
SHARE_SPREAD = "Spreiding per stelling meesturen (geen losse antwoorden of namen)"


def role_label(role: RespondentRole | str) -> str:
    """The Dutch word for a respondent's role."""
    return ROLE_LABELS[RespondentRole(role)]


def parse_role(text: str) -> RespondentRole | None:
    """The role a user typed ("coördinator", "coordinator", "Bestuur"), or None."""
    return _ROLE_INPUT.get(text.strip().lower())


def role_choices() -> str:
    """The roles to choose from, for a message: "bestuur, coördinator, ..."."""
    return ", ".join(ROLE_LABELS.values())


def disagreement_rule_text(spread_at_least: int, not_applicable_against_score: bool) -> str:
    """The disagreement rule as the merged view explains it."""
    text = (
        f"Een stelling is gemarkeerd als de hoogste en de laagste score {spread_at_least} "
        f"of meer uit elkaar liggen"
    )
    if not_applicable_against_score:
        text += ", of als de een n.v.t. kiest en de ander een score geeft"
    return text + "."


def spread_text(spread: int | None) -> str:
    """The spread of one statement: "spreiding 2", or a dash without two scores."""
    return "spreiding –" if spread is None else f"spreiding {spread}"


def theme_range_text(low: float | None, high: float | None, most_positive: str | None) -> str:
    """A theme's range over the respondents and who sees it most positively."""
    if low is None or high is None:
        return "nog geen scores"
    text = f"{format_number(low)}% tot {format_number(high)}%"
    if most_positive and high > low:
        text += f"; het positiefst: {most_positive}"
    return text


def open_to_agree_text(count: int, example: str) -> str:
    """Why an evaluation with respondents cannot be completed yet."""
    return (
        f"nog {counted(count, 'stelling', 'stellingen')} zonder afgesproken antwoord, "
        f"bijvoorbeeld {example}; spreek die eerst samen af"
    )


VOICES_HEADING = "Meerdere stemmen"
"""The report's section on an evaluation filled in by several respondents."""


def role_labels(roles: list[RespondentRole]) -> list[str]:
    """A label per respondent by role only (no names), numbered where a role repeats."""
    labels = [role_label(r) for r in roles]
    return [
        f"{label} {labels[: i + 1].count(label)}" if labels.count(label) > 1 else label
        for i, label in enumerate(labels)
    ]


def voices_intro(count: int, roles: str) -> str:
    """The first line of the report's section: how many answered, in which roles."""
    return (
        f"{counted(count, 'persoon', 'personen')} vulden deze zelfevaluatie elk apart in "
        f"({roles}). De scores in dit rapport zijn de antwoorden die de groep daarna samen "
        "heeft afgesproken. Namen en losse antwoorden staan niet in dit rapport; de grafiek "
        "toont per thema de laagste en hoogste score, met een stip per persoon."
    )


def spread_range_text(values: list[object]) -> str:
    """The range of the answers to one statement without saying who gave which: "0 tot 3"."""
    scores = sorted(int(v) for v in values if isinstance(v, int) and not isinstance(v, bool))
    parts = []
    if scores:
        parts.append(f"{scores[0]} tot {scores[-1]}" if scores[0] != scores[-1] else str(scores[0]))
    if "na" in values:
        parts.append("n.v.t.")
    return " en ".join(parts) or "–"
