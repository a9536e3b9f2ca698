"""The one table of Dutch words the app shows: labels, numbers, dates and plurals.

ui, report and cli take their words from here, so a verdict, a status or a date reads the
same on screen, on paper and in a terminal. Formatting goes through Babel with the Dutch
locale (``LOCALE``), never through the operating system's locale.
"""

from goedgeregeld.words.chain import (
    NOT_RECOGNISED_ADVISER,
    NOT_RECOGNISED_EFFECT,
    RECOGNISED_ADVISER,
)
from goedgeregeld.words.dates import dutch_date, parse_dutch_date, short_date
from goedgeregeld.words.labels import (
    ACTION_STATUS_LABELS,
    DECISION_LABELS,
    DECISION_SENTENCES,
    EVALUATION_STATUS_LABELS,
    NO_DECISION,
    NOT_ANSWERED,
    NOT_APPLICABLE,
    VARIANT_EXPLANATIONS,
    VARIANT_LABELS,
    VERDICT_LABELS,
    action_status_label,
    decision_label,
    evaluation_status_label,
    variant_label,
    variant_text,
    verdict_label,
)
from goedgeregeld.words.locale import LOCALE
from goedgeregeld.words.numbers import format_number, format_percentage
from goedgeregeld.words.plurals import counted, plural
from goedgeregeld.words.reassessment import (
    CARRIED_ACTION,
    CARRIED_HINT,
    CARRIED_TO_CONFIRM,
    COMPARISON_NEW,
    CONFIRM_AS_IS,
    MAPPING_KIND_SHORT,
    NEXT_TO_CONFIRM,
    NEXT_TO_CONFIRM_ORDER,
    START_FROM_PREVIOUS,
    mapping_kind_label,
    points_change_text,
    previous_answer_text,
    short_answer,
)
from goedgeregeld.words.themes import (
    THEME_ALL_NOT_APPLICABLE,
    THEME_MET,
    THEME_NOT_STARTED,
    shortfall_text,
)
from goedgeregeld.words.verdicts import THEME_MUST_BELOW, THEME_NOT_ASSESSABLE, must_hint

__all__ = [
    "NOT_RECOGNISED_ADVISER",
    "NOT_RECOGNISED_EFFECT",
    "RECOGNISED_ADVISER",
    "CARRIED_ACTION",
    "CARRIED_HINT",
    "CARRIED_TO_CONFIRM",
    "COMPARISON_NEW",
    "CONFIRM_AS_IS",
    "MAPPING_KIND_SHORT",
    "NEXT_TO_CONFIRM",
    "NEXT_TO_CONFIRM_ORDER",
    "START_FROM_PREVIOUS",
    "mapping_kind_label",
    "points_change_text",
    "previous_answer_text",
    "short_answer",
    "ACTION_STATUS_LABELS",
    "DECISION_LABELS",
    "DECISION_SENTENCES",
    "EVALUATION_STATUS_LABELS",
    "LOCALE",
    "NOT_ANSWERED",
    "NOT_APPLICABLE",
    "NO_DECISION",
    "THEME_ALL_NOT_APPLICABLE",
    "THEME_MET",
    "THEME_MUST_BELOW",
    "THEME_NOT_ASSESSABLE",
    "THEME_NOT_STARTED",
    "VARIANT_EXPLANATIONS",
    "VARIANT_LABELS",
    "VERDICT_LABELS",
    "action_status_label",
    "counted",
    "decision_label",
    "dutch_date",
    "evaluation_status_label",
    "format_number",
    "format_percentage",
    "must_hint",
    "plural",
    "parse_dutch_date",
    "short_date",
    "shortfall_text",
    "variant_label",
    "variant_text",
    "verdict_label",
]
