"""Edition 2027.1 and the checks on its new keys: must-haves, levelled bands, the mapping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from goedgeregeld.questionnaire.catalog import find_edition, previous_shipped
from goedgeregeld.questionnaire.loader import check_file, load_edition
from goedgeregeld.questionnaire.problems import Problem, QuestionnaireError

SOURCE = Path(__file__).resolve().parents[2] / "questionnaires" / "goed-geregeld-2027.yaml"
Data = dict[str, Any]


def _statement(data: Data, statement_id: str) -> Data:
    theme = next(t for t in data["themes"] if statement_id.startswith(t["id"] + "."))
    return next(s for s in theme["statements"] if s["id"] == statement_id)


def _theme(data: Data, theme_id: str) -> Data:
    return next(t for t in data["themes"] if t["id"] == theme_id)


def _broken(tmp_path: Path, mutate: Callable[[Data], object]) -> Path:
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    mutate(data)
    target = tmp_path / "editie.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return target


def _line_of(path: Path, needle: str, after: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines[start:], start) if needle in line) + 1


def _only(problems: list[Problem], words: str) -> Problem:
    found = [p for p in problems if words in p.message]
    assert found, [str(p) for p in problems]
    return found[0]


def test_2027_is_the_default_and_2026_stays_shipped() -> None:
    edition = find_edition()
    statements = list(edition.statements_by_id.values())
    assert edition.version == "2027.1" and edition.continues == "2026.1"
    assert len(edition.themes) == 12 and len(statements) == 81
    assert sum(s.core for s in statements) == 34
    assert sorted(s.id for s in statements if s.must is not None) == [
        "rechtspositie.7",
        "rechtspositie.8",
        "veiligheid.1",
        "veiligheid.2",
        "veiligheid.4",
        "veiligheid.5",
    ]
    assert all(s.explanation for s in statements)
    assert find_edition(version="2026.1").version == "2026.1"


def test_2026_keeps_its_content_hash() -> None:
    """The new optional keys stay out of 2026.1's canonical JSON: stored snapshots still match."""
    old = find_edition(version="2026.1")
    assert old.content_hash == "f919ca5decf6c6e75756e582c1d590a9e10cae0c5587c830c8543562c2ed4e0b"
    for key in ('"must"', '"na_allowed"', '"continues"', '"level"', '"dropped"', "min_applicable"):
        assert key not in old.canonical_json()
    assert all(s.explanation is None for s in old.statements_by_id.values())


def test_shipped_2027_passes_against_2026() -> None:
    assert check_file(SOURCE, previous_shipped) == []


@pytest.mark.parametrize(
    ("mutate", "words", "theme", "statement", "key"),
    [
        (
            lambda d: _statement(d, "veiligheid.1").__setitem__("must", 4),
            "schaal gaat maar tot 3",
            "veiligheid",
            "veiligheid.1",
            "must:",
        ),
        (
            lambda d: _statement(d, "veiligheid.6").__setitem__("must", 2),
            "geen kernstelling",
            "veiligheid",
            "veiligheid.6",
            "must:",
        ),
        (
            lambda d: _statement(d, "inspraak.7").__setitem__("continues", ["inspraak.99"]),
            "'inspraak.99' bestaat niet in editie 2026.1",
            "inspraak",
            "inspraak.7",
            "inspraak.99",
        ),
        (
            lambda d: (
                _statement(d, "rechtspositie.7").__setitem__("continues", ["rechtspositie.8"]),
                _statement(d, "rechtspositie.8").__setitem__("continues", ["rechtspositie.7"]),
            ),
            "kringverwijzing",
            "rechtspositie",
            "rechtspositie.7",
            "continues:",
        ),
        (
            lambda d: _statement(d, "visie.2").__setitem__("id", "visie.1"),
            "'visie.1' komt twee keer voor",
            "visie",
            "visie.1",
            "id: visie.1",
        ),
    ],
)
def test_bad_statement_is_named_with_file_line_theme_and_statement(
    tmp_path: Path,
    mutate: Callable[[Data], object],
    words: str,
    theme: str,
    statement: str,
    key: str,
) -> None:
    path = _broken(tmp_path, mutate)
    problem = _only(check_file(path, previous_shipped), words)
    assert (problem.theme, problem.statement) == (theme, statement)
    # The line of the key within the statement (for a duplicate id: its second occurrence).
    after = f"id: {statement}"
    if "twee keer" in words:
        text = path.read_text(encoding="utf-8").splitlines()
        expected = [i + 1 for i, line in enumerate(text) if line.strip() == "- id: visie.1"][1]
    else:
        expected = _line_of(path, key, after)
    assert problem.line == expected
    assert str(problem).startswith(
        f"{path}:{problem.line}: thema '{theme}', stelling '{statement}':"
    )
    with pytest.raises(QuestionnaireError):
        load_edition(path, previous_shipped)


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: _theme(d, "visie")["advice"][1].__setitem__("from", 50), "prijst een score"),
        (lambda d: _theme(d, "visie")["advice"][0].__setitem__("to", 70), "tot boven het minimum"),
        (lambda d: _theme(d, "visie")["advice"][1].__setitem__("from", 65), "gat tussen"),
        (lambda d: _theme(d, "visie")["advice"][1].pop("level"), "geef elke band"),
        (lambda d: _theme(d, "visie").__setitem__("minimum", 65), "geen adviesband begint bij"),
    ],
)
def test_band_that_praises_a_failing_score_is_refused(
    tmp_path: Path, mutate: Callable[[Data], object], words: str
) -> None:
    path = _broken(tmp_path, mutate)
    problem = _only(check_file(path, previous_shipped), words)
    assert problem.theme == "visie" and problem.line > _line_of(path, "id: visie", "themes:") - 1
    assert str(problem).startswith(f"{path}:{problem.line}: thema 'visie':")


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d.__setitem__("continues", "2027.1"), "zet zichzelf voort"),
        (lambda d: d.__setitem__("continues", "2025.1"), "niet meegeleverd"),
        (lambda d: d.__setitem__("dropped", []), "veiligheid.3"),
        (lambda d: d.__setitem__("dropped", ["veiligheid.3", "visie.1"]), "zet haar voort"),
        (lambda d: d.__setitem__("dropped", ["veiligheid.3", "visie.77"]), "'visie.77' bestaat"),
    ],
)
def test_edition_mapping_problems(
    tmp_path: Path, mutate: Callable[[Data], object], words: str
) -> None:
    path = _broken(tmp_path, mutate)
    problem = _only(check_file(path, previous_shipped), words)
    assert problem.line > 0 and str(problem).startswith(f"{path}:{problem.line}:")


def test_without_a_previous_edition_statements_cannot_continue(tmp_path: Path) -> None:
    path = _broken(tmp_path, lambda d: (d.pop("continues"), d.pop("dropped")))
    problem = _only(check_file(path, previous_shipped), "zegt niet welke editie")
    assert problem.theme == "visie" and problem.statement == "visie.1"
