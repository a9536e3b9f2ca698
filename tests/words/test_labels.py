"""Every value of the domain enums has exactly one Dutch word, the same for ui, report and cli."""

from __future__ import annotations

from enum import StrEnum

import pytest

from goedgeregeld.domain import ActionStatus, Decision, EvaluationStatus, Variant, Verdict
from goedgeregeld.words import (
    ACTION_STATUS_LABELS,
    DECISION_LABELS,
    DECISION_SENTENCES,
    EVALUATION_STATUS_LABELS,
    NO_DECISION,
    VARIANT_EXPLANATIONS,
    VARIANT_LABELS,
    VERDICT_LABELS,
    action_status_label,
    decision_label,
    evaluation_status_label,
    variant_label,
    verdict_label,
)


@pytest.mark.parametrize(
    ("kind", "labels"),
    [
        (Verdict, VERDICT_LABELS),
        (Decision, DECISION_LABELS),
        (Decision, DECISION_SENTENCES),
        (EvaluationStatus, EVALUATION_STATUS_LABELS),
        (ActionStatus, ACTION_STATUS_LABELS),
        (Variant, VARIANT_LABELS),
        (Variant, VARIANT_EXPLANATIONS),
    ],
)
def test_every_value_has_one_distinct_word(kind: type[StrEnum], labels: dict) -> None:
    assert set(labels) == set(kind)
    assert len(set(labels.values())) == len(labels)


def test_the_stored_values_stay_what_the_database_and_files_hold() -> None:
    assert [s.value for s in EvaluationStatus] == ["draft", "completed"]
    assert [s.value for s in ActionStatus] == ["open", "in_progress", "done"]
    assert [v.value for v in Verdict] == ["agree", "lower", "higher"]
    assert [d.value for d in Decision] == ["ready", "conditions", "not_yet"]
    assert [v.value for v in Variant] == ["full", "small"]


def test_the_words_that_used_to_disagree_are_one_word_now() -> None:
    assert verdict_label(Verdict.LOWER) == verdict_label("lower") == "score moet lager"
    assert verdict_label("higher") == "score moet hoger"
    assert action_status_label("open") == "nog te doen"
    assert decision_label(Decision.CONDITIONS) == "klaar met voorwaarden"
    assert evaluation_status_label("completed") == "afgerond"
    assert variant_label("small") == "korte versie"


def test_missing_and_unknown_values_still_read() -> None:
    assert decision_label(None) == NO_DECISION
    assert action_status_label("later") == "later"
    assert evaluation_status_label("archived") == "archived"
