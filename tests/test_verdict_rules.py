"""The verdict rules of edition 2027.1, one test per rule, and 2026.1 scoring exactly as before."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from goedgeregeld.domain import ReasonKind
from goedgeregeld.questionnaire.catalog import find_edition, shipped_files
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import (
    NOT_APPLICABLE,
    AnswerValue,
    Variant,
    all_required,
    eligibility_reasons,
    na_not_counted,
    score_evaluation,
    statement_numbers,
)

NEW = find_edition()
OLD = find_edition(version="2026.1")
MUSTS = {s.id: s.must for s in NEW.statements_by_id.values() if s.must is not None}


def _all(edition: Edition, value: AnswerValue = 3) -> dict[str, AnswerValue]:
    return dict.fromkeys(edition.statements_by_id, value)


def test_2026_outcome_is_pinned() -> None:
    """Fixed answers on 2026.1 give exactly what they gave before the 2027.1 rules existed."""
    ids = list(OLD.statements_by_id)
    answers: dict[str, AnswerValue] = {
        sid: (3 if i % 4 else [0, 1, 2, NOT_APPLICABLE][i // 4 % 4]) for i, sid in enumerate(ids)
    }
    result = score_evaluation(OLD, answers, Variant.FULL)
    assert result.total == 85.8 and not result.eligible and not result.open_statements
    assert [(t.theme_id, t.score, t.meets_minimum, t.shortfall) for t in result.themes] == [
        ("visie", 72.2, True, 0.0),
        ("organisatie", 94.4, True, 0.0),
        ("werving", 80.0, True, 0.0),
        ("introductie", 88.9, True, 0.0),
        ("begeleiding", 93.3, True, 0.0),
        ("ontwikkeling", 83.3, True, 0.0),
        ("waardering", 83.3, True, 0.0),
        ("rechtspositie", 100.0, True, 0.0),
        ("veiligheid", 72.2, False, 2.8),
        ("inspraak", 94.4, True, 0.0),
        ("diversiteit", 80.0, True, 0.0),
        ("afscheid", 88.9, True, 0.0),
    ]
    assert eligibility_reasons(result) == [
        "Sociale veiligheid: 72,2%, minimum 75%: 2,8 procentpunten tekort."
    ]
    assert not OLD.has_verdict_rules and NEW.has_verdict_rules


def test_2026_small_club_without_vog_still_passes_as_before() -> None:
    """The issue's example stays as it was on 2026.1: evaluations made on it keep their outcome."""
    answers = {s.id: 3 for s in all_required(OLD, Variant.SMALL)}
    answers |= {"veiligheid.2": 0, "rechtspositie.2": 0}
    result = score_evaluation(OLD, answers, Variant.SMALL)
    assert result.eligible and result.theme("veiligheid").score == 75.0


def test_must_have_below_its_minimum_blocks_whatever_the_theme_score() -> None:
    answers = _all(NEW) | {"veiligheid.2": 0}
    result = score_evaluation(NEW, answers, Variant.FULL, notes={})
    assert result.theme("veiligheid").meets_minimum
    assert result.theme("veiligheid").must_failures == ("veiligheid.2",)
    assert not result.eligible
    (reason,) = result.reasons
    number = statement_numbers(NEW, Variant.FULL)["veiligheid.2"]
    assert (reason.kind, reason.theme_id, reason.statement_id) == (
        ReasonKind.MUST,
        "veiligheid",
        "veiligheid.2",
    )
    assert reason.text.startswith(
        f'Veiligheid en integriteit: stelling {number} ("Wij vragen een VOG'
    )
    assert reason.text.endswith("heeft een 0; voor het keurmerk is minstens 2 nodig.")
    assert reason.as_dict() == {
        "kind": "must",
        "theme_id": "veiligheid",
        "statement_id": "veiligheid.2",
        "text": reason.text,
    }


def test_must_have_at_its_minimum_passes() -> None:
    answers = _all(NEW) | dict(MUSTS)
    assert score_evaluation(NEW, answers, Variant.FULL).eligible


def test_small_organisation_numbers_follow_the_short_list() -> None:
    answers = {s.id: 3 for s in all_required(NEW, Variant.SMALL)} | {"rechtspositie.8": 1}
    result = score_evaluation(NEW, answers, Variant.SMALL)
    number = statement_numbers(NEW, Variant.SMALL)["rechtspositie.8"]
    assert number < statement_numbers(NEW, Variant.FULL)["rechtspositie.8"]
    assert f"stelling {number} " in result.reasons[0].text


def test_na_where_not_allowed_is_explained_in_dutch() -> None:
    warning = na_not_counted(NEW, Variant.FULL, "veiligheid.1")
    assert warning is not None and "telt niet mee voor het keurmerk" in warning
    assert na_not_counted(NEW, Variant.FULL, "veiligheid.2") is None  # the VOG: n.v.t. fits
    assert na_not_counted(OLD, Variant.FULL, "veiligheid.1") is None


def test_na_where_not_allowed_that_got_in_anyway_blocks() -> None:
    """An answer stored before the rule (or imported) does not slip through the verdict."""
    result = score_evaluation(
        NEW, _all(NEW) | {"visie.1": NOT_APPLICABLE}, Variant.FULL, {"visie.1": "x"}
    )
    assert [r.kind for r in result.reasons] == [ReasonKind.NOT_ALLOWED]


def test_na_without_reason_is_open_for_the_verdict() -> None:
    answers = _all(NEW) | {"veiligheid.2": NOT_APPLICABLE}
    number = statement_numbers(NEW, Variant.FULL)["veiligheid.2"]
    without = score_evaluation(NEW, answers, Variant.FULL, notes={"veiligheid.2": "  "})
    (reason,) = without.reasons
    assert reason.kind is ReasonKind.NO_REASON and reason.statement_id == "veiligheid.2"
    assert reason.text.startswith(f"Stelling {number}: niet van toepassing zonder reden")
    with_note = score_evaluation(
        NEW, answers, Variant.FULL, notes={"veiligheid.2": "Wij werken niet met kinderen."}
    )
    assert with_note.eligible
    # 2026.1 never asked for a reason.
    assert score_evaluation(
        OLD, _all(OLD) | {"veiligheid.2": NOT_APPLICABLE}, Variant.FULL
    ).eligible


def _variant_of_new(change: Any) -> Edition:
    data = yaml.safe_load(next(p for p in shipped_files() if "2027" in p.name).read_text("utf-8"))
    change(data)
    return Edition.model_validate(data)


def test_theme_with_too_few_applicable_statements_cannot_be_judged() -> None:
    def allow_na(data: dict[str, Any]) -> None:
        for statement in data["themes"][0]["statements"]:
            statement["na_allowed"] = True

    edition = _variant_of_new(allow_na)
    visie = edition.themes[0]
    answers = _all(edition)
    notes = {}
    for statement in visie.statements[:4]:  # 2 of 6 applicable: below 50%
        answers[statement.id] = NOT_APPLICABLE
        notes[statement.id] = "past niet"
    result = score_evaluation(edition, answers, Variant.FULL, notes)
    score = result.theme("visie")
    assert not score.assessable and not score.meets_minimum and score.score == 100
    (reason,) = result.reasons
    assert reason.kind is ReasonKind.NOT_ASSESSABLE and reason.theme_id == "visie"
    assert reason.text.startswith("Visie en beleid: niet te beoordelen.")
    answers[visie.statements[3].id] = 3  # 3 of 6: exactly 50%
    assert score_evaluation(edition, answers, Variant.FULL, notes).eligible


def test_all_na_theme_cannot_be_judged() -> None:
    edition = _variant_of_new(
        lambda d: [s.__setitem__("na_allowed", True) for s in d["themes"][1]["statements"]]
    )
    theme = edition.themes[1]
    answers = _all(edition) | dict.fromkeys((s.id for s in theme.statements), NOT_APPLICABLE)
    notes = {s.id: "reden" for s in theme.statements}
    assert not score_evaluation(edition, answers, Variant.FULL, notes).eligible


def test_advice_comes_from_the_band_tied_to_the_minimum() -> None:
    theme = NEW.themes[0]  # visie: minimum 60, bands 0–60 below, 60–80 met, 80–100 well above
    below, met, well_above = (b.text for b in theme.advice)
    assert theme.advice_for(55.6, meets_minimum=False) == below
    assert theme.advice_for(60.0, meets_minimum=False) == below  # rounded up to the minimum
    assert theme.advice_for(60.0, meets_minimum=True) == met
    assert theme.advice_for(100.0, meets_minimum=True) == well_above
    old_visie = OLD.themes[0]
    assert old_visie.advice_for(55.6) == old_visie.advice[1].text  # 2026.1 as it always was


_values = st.sampled_from([0, 1, 2, 3, NOT_APPLICABLE])


@settings(max_examples=300, deadline=None)
@given(
    answers=st.dictionaries(st.sampled_from(list(NEW.statements_by_id)), _values),
    notes=st.dictionaries(st.sampled_from(list(NEW.statements_by_id)), st.sampled_from(["", "x"])),
    variant=st.sampled_from([Variant.FULL, Variant.SMALL]),
    musts=st.dictionaries(st.sampled_from(sorted(MUSTS)), st.sampled_from([0, 1])),
)
def test_never_eligible_with_an_applicable_must_have_below_its_minimum(
    answers: dict[str, AnswerValue], notes: dict[str, str], variant: Variant, musts: dict[str, int]
) -> None:
    answers = answers | musts
    asked = {s.id for s in all_required(NEW, variant)}
    result = score_evaluation(NEW, answers, variant, notes)
    failing = [
        sid
        for sid, must in MUSTS.items()
        if sid in asked
        and answers.get(sid) not in (None, NOT_APPLICABLE)
        and int(answers[sid]) < must  # type: ignore[arg-type]
    ]
    if failing:
        assert not result.eligible
        named = {r.statement_id for r in result.reasons if r.kind is ReasonKind.MUST}
        assert named == set(failing)
    assert result.eligible == (not result.reasons)
