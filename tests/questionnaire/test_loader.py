"""The questionnaire loader: shipped editions pass, every problem is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from goedgeregeld.base.resources import questionnaires_dir
from goedgeregeld.questionnaire.catalog import shipped_editions, shipped_files
from goedgeregeld.questionnaire.loader import check_file, load_edition
from goedgeregeld.questionnaire.problems import QuestionnaireError
from goedgeregeld.questionnaire.schema import edition_schema_json


def test_every_shipped_edition_passes_the_checker() -> None:
    assert shipped_files(), "no questionnaire shipped"
    for path in shipped_files():
        assert check_file(path) == [], path


def test_first_edition_covers_the_domain() -> None:
    edition = max(shipped_editions(), key=lambda e: e.version)
    ids = [t.id for t in edition.themes]
    assert len(ids) >= 11
    assert "veiligheid" in ids
    statements = list(edition.statements_by_id.values())
    assert 60 <= len(statements) <= 90
    for theme in edition.themes:
        assert any(s.core for s in theme.statements), theme.id
    safety = " ".join(s.text for s in edition.themes[ids.index("veiligheid")].statements)
    for word in ("VOG", "gedragscode", "vertrouwenscontactpersoon"):
        assert word.lower() in safety.lower(), word


def test_published_schema_is_up_to_date() -> None:
    published = (questionnaires_dir() / "goed-geregeld.schema.json").read_text(encoding="utf-8")
    assert published == edition_schema_json(), "run: goedgeregeld questionnaire schema > ..."


def _broken_copy(tmp_path: Path, mutate) -> Path:
    source = shipped_files()[0]
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    mutate(data)
    target = tmp_path / "kapot.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(needle)


def test_duplicate_id_and_unknown_key_are_both_reported_with_lines(tmp_path: Path) -> None:
    def mutate(data: dict) -> None:
        first, second = data["themes"][0]["statements"][:2]
        second["id"] = first["id"]
        data["themes"][1]["statements"][0]["tekst"] = "onbekend"

    path = _broken_copy(tmp_path, mutate)
    problems = check_file(path)
    messages = [str(p) for p in problems]
    duplicate = [p for p in problems if "twee keer" in p.message]
    unknown = [p for p in problems if "onbekende sleutel 'tekst'" in p.message]
    assert duplicate and unknown, messages
    first_id = yaml.safe_load(path.read_text())["themes"][0]["statements"][0]["id"]
    assert duplicate[0].line == _line_of(path, f"id: {first_id}", occurrence=2)
    assert duplicate[0].theme == "visie" and duplicate[0].statement == first_id
    assert unknown[0].line == _line_of(path, "tekst:")
    assert unknown[0].theme == "organisatie"
    assert str(unknown[0]).startswith(f"{path}:{unknown[0].line}:")
    with pytest.raises(QuestionnaireError) as raised:
        load_edition(path)
    assert len(raised.value.problems) == len(problems)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["themes"][0].__setitem__("minimum", 120), "mag hoogstens 100"),
        (lambda d: d["themes"][0].__setitem__("minimum", -5), "moet minstens 0"),
        (lambda d: d["themes"][0]["statements"][0].__setitem__("text", "   "), "mag niet leeg"),
        (lambda d: d["themes"][0]["advice"][1].__setitem__("from", 60), "gat tussen"),
        (lambda d: d["themes"][0]["advice"][1].__setitem__("from", 40), "overlappen"),
        (lambda d: d["themes"][0]["advice"][-1].__setitem__("to", 90), "houden op bij 90"),
        (
            lambda d: [s.__setitem__("core", False) for s in d["themes"][2]["statements"]],
            "geen kernstelling",
        ),
        (lambda d: d["themes"][0]["statements"][0].pop("advice"), "'advice' ontbreekt"),
        (lambda d: d["themes"][1].__setitem__("id", d["themes"][0]["id"]), "thema-id"),
    ],
)
def test_each_kind_of_problem_is_named(tmp_path: Path, mutate, expected: str) -> None:
    problems = check_file(_broken_copy(tmp_path, mutate))
    assert any(expected in p.message for p in problems), [str(p) for p in problems]
    assert all(p.line > 0 for p in problems)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "syntax.yaml"
    path.write_text("id: x\nthemes: [\n  - a: b\n", encoding="utf-8")
    problems = check_file(path)
    assert len(problems) == 1 and "geen geldige YAML" in problems[0].message
    assert problems[0].line >= 2


def test_duplicate_yaml_key_is_reported(tmp_path: Path) -> None:
    source = shipped_files()[0].read_text(encoding="utf-8")
    path = tmp_path / "dubbel.yaml"
    path.write_text(source.replace('version: "2026.1"', 'version: "2026.1"\nversion: "2"'), "utf-8")
    assert any("twee keer" in p.message and p.line == 7 for p in check_file(path))


def test_content_hash_ignores_formatting(tmp_path: Path) -> None:
    source = shipped_files()[0]
    reformatted = tmp_path / "anders.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    reformatted.write_text(yaml.safe_dump(data, width=40), encoding="utf-8")
    assert load_edition(reformatted).content_hash == load_edition(source).content_hash
