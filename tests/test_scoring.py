"""Scoring: exact examples and properties that must hold for any answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from goedgeregeld.questionnaire.catalog import find_edition
from goedgeregeld.scoring import (
    NOT_APPLICABLE,
    AnswerValue,
    Variant,
    all_required,
    eligibility_reasons,
    score_evaluation,
    variant_for,
)
from goedgeregeld.words import format_percentage

EDITION = find_edition(version="2026.1")  # pinned: these rules predate edition 2027.1
ALL_IDS = list(EDITION.statements_by_id)
CORE_IDS = [s.id for s in all_required(EDITION, Variant.SMALL)]
VALUES: list[AnswerValue] = [0, 1, 2, 3, NOT_APPLICABLE]

answers_strategy = st.dictionaries(st.sampled_from(ALL_IDS), st.sampled_from(VALUES))
variants = st.sampled_from([Variant.FULL, Variant.SMALL])


def test_small_rule_needs_both_limits() -> None:
    rule = EDITION.small_organisation
    assert variant_for(rule, 20, 0) is Variant.SMALL
    assert variant_for(rule, 99, 1.9) is Variant.SMALL
    assert variant_for(rule, 100, 0) is Variant.FULL
    assert variant_for(rule, 20, 2) is Variant.FULL
    assert variant_for(rule, None, None) is Variant.FULL


def test_all_threes_give_100_and_eligible() -> None:
    result = score_evaluation(EDITION, dict.fromkeys(ALL_IDS, 3), Variant.FULL)
    assert result.total == 100 and result.eligible and not result.open_statements
    assert all(t.score == 100 for t in result.themes)


def test_theme_score_is_percentage_of_applicable_maximum() -> None:
    theme = EDITION.themes[0]
    ids = [s.id for s in theme.statements]
    answers: dict[str, AnswerValue] = {ids[0]: 3, ids[1]: 1, ids[2]: NOT_APPLICABLE}
    score = score_evaluation(EDITION, answers, Variant.FULL).theme(theme.id)
    assert score.score == round(4 / 6 * 100, 1)
    assert score.applicable == 2 and score.answered == 3


def test_shortfall_is_explained_per_theme() -> None:
    answers: dict[str, AnswerValue] = dict.fromkeys(ALL_IDS, 3)
    theme = EDITION.themes[0]
    for statement in theme.statements:
        answers[statement.id] = 1
    result = score_evaluation(EDITION, answers, Variant.FULL)
    score = result.theme(theme.id)
    assert not score.meets_minimum and not result.eligible
    assert score.shortfall == round(theme.minimum - 100 / 3, 1)
    reasons = eligibility_reasons(result)
    assert reasons == [
        f"{theme.title}: 33,3%, minimum {theme.minimum}%: "
        f"{str(score.shortfall).replace('.', ',').removesuffix(',0')} procentpunten tekort."
    ]


def test_theme_all_not_applicable_has_no_score_but_does_not_block() -> None:
    answers: dict[str, AnswerValue] = dict.fromkeys(ALL_IDS, 3)
    for statement in EDITION.themes[1].statements:
        answers[statement.id] = NOT_APPLICABLE
    result = score_evaluation(EDITION, answers, Variant.FULL)
    assert result.theme(EDITION.themes[1].id).score is None
    assert result.eligible
    assert format_percentage(None) == "–"


def test_unanswered_theme_does_not_meet_its_minimum() -> None:
    result = score_evaluation(EDITION, {}, Variant.FULL)
    assert not any(t.meets_minimum for t in result.themes)
    assert result.total is None and result.answered == 0


@given(answers_strategy, variants, st.sampled_from(ALL_IDS))
@settings(max_examples=300, deadline=None)
def test_raising_an_answer_never_lowers_a_score(answers, variant, statement_id) -> None:
    current = answers.get(statement_id)
    if current is None or current == NOT_APPLICABLE or current == 3:
        return
    base = score_evaluation(EDITION, answers, variant)
    raised = dict(answers)
    raised[statement_id] = current + 1
    higher = score_evaluation(EDITION, raised, variant)
    for before, after in zip(base.themes, higher.themes, strict=True):
        if before.score is not None:
            assert after.score is not None and after.score >= before.score
    if base.total is not None:
        assert higher.total is not None and higher.total >= base.total
    assert higher.eligible or not base.eligible


@given(answers_strategy, variants, st.sampled_from(ALL_IDS))
@settings(max_examples=300, deadline=None)
def test_not_applicable_never_lowers_a_score(answers, variant, statement_id) -> None:
    # Compared with the lowest answer, and with no answer at all.
    for alternative in (0, None):
        other = dict(answers)
        if alternative is None:
            other.pop(statement_id, None)
        else:
            other[statement_id] = alternative
        with_na = dict(answers)
        with_na[statement_id] = NOT_APPLICABLE
        before = score_evaluation(EDITION, other, variant)
        after = score_evaluation(EDITION, with_na, variant)
        for b, a in zip(before.themes, after.themes, strict=True):
            if b.score is not None and a.score is not None:
                assert a.score >= b.score
        if before.total is not None and after.total is not None:
            assert after.total >= before.total


@given(answers_strategy, st.dictionaries(st.sampled_from(ALL_IDS), st.sampled_from(VALUES)))
@settings(max_examples=200, deadline=None)
def test_small_variant_ignores_non_core_statements(answers, noise) -> None:
    core_only = {k: v for k, v in answers.items() if k in CORE_IDS}
    noisy = dict(core_only)
    noisy.update({k: v for k, v in noise.items() if k not in CORE_IDS})
    assert score_evaluation(EDITION, core_only, Variant.SMALL) == score_evaluation(
        EDITION, noisy, Variant.SMALL
    )
    assert score_evaluation(EDITION, {}, Variant.SMALL).required == len(CORE_IDS)
