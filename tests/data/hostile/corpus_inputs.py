"""The ``in-`` files of the hostile corpus: texts the one validator refuses, numbers out of bounds.

Derived from the valid base files, so ``python tests/data/hostile/corpus_inputs.py`` rebuilds
only these and replaces the ``in-`` entries of ``manifest.json``, leaving the others as they are
(``make_corpus.py`` calls :func:`input_attacks` too, when it rebuilds everything).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_kinds import QUESTIONNAIRE, _raw, _rewrite, _setter  # noqa: E402
from corpus_lib import BASE_DIR, HERE, MANIFEST_FILE, case, cases  # noqa: E402

PREFIX = "in-"
BIG = "9" * 4000  # Python still converts it: the bound, not the parser, must refuse it
ESCAPE = "kleur \x1b[31mrood"
ONE_LINE = "moet op één regel"
INVISIBLE = "alleen onzichtbare tekens"
REVERSES = "leesrichting omdraait"


def _zip_cases(kind: str, suffix: str, base: Path, entries: list[tuple[Any, ...]]) -> None:
    for name, member, path, value, *fragments in entries:
        target = HERE / kind / f"{PREFIX}{name}{suffix}"
        _rewrite(base, target, {member: _setter(path, value)})
        shown = value if len(repr(value)) < 60 else f"{str(value)[:20]}... ({len(value)} chars)"
        attack = f"{member} {'.'.join(map(str, path))} = {shown!r}"
        case(f"{kind}/{target.name}", kind, attack, *fragments)


def _raw_cases(kind: str, suffix: str, base: Path, entries: list[tuple[str, ...]]) -> None:
    """Members edited as bytes, for numbers json.dumps would not write as such."""
    for name, member, old, new, fragment in entries:
        target = HERE / kind / f"{PREFIX}{name}{suffix}"
        _raw(base, target, member, old.encode(), new.encode())
        case(f"{kind}/{target.name}", kind, f"{member}: {old} -> {new[:40]}", fragment)


def evaluation_cases() -> None:
    """Organisation, answers, actions, evidence and edition of an evaluation file."""
    org, ev, ed = "organisation.json", "evaluation.json", "edition.json"
    note, action = ("answers", 0, "note"), ("actions", 0)
    _zip_cases(
        "evaluation",
        ".ggeval",
        BASE_DIR / "valid.ggeval",
        [
            ("org-name-zero-width", org, ("name",), "\u200b", INVISIBLE),
            ("org-name-zero-widths", org, ("name",), "\u200b\u200c\u200d\u2060", INVISIBLE),
            ("org-name-bom", org, ("name",), "\ufeff", INVISIBLE),
            ("org-name-hangul-filler", org, ("name",), "\u3164\u3164", INVISIBLE),
            ("org-name-spaces", org, ("name",), "   ", "mag niet leeg zijn"),
            ("org-name-rlo", org, ("name",), "Club \u202eorreK", REVERSES, "U+202E"),
            ("org-name-lre", org, ("name",), "\u202aClub", REVERSES, "U+202A"),
            ("org-name-isolate", org, ("name",), "\u2066Club\u2069", REVERSES, "U+2066"),
            ("org-name-u2028", org, ("name",), "Club\u2028Oost", ONE_LINE, "U+2028"),
            ("org-name-u2029", org, ("name",), "Club\u2029Oost", ONE_LINE, "U+2029"),
            ("org-name-newline", org, ("name",), "Club\nOost", ONE_LINE),
            ("org-name-tab", org, ("name",), "Club\tOost", "stuurteken (U+0009)"),
            ("org-name-escape", org, ("name",), ESCAPE, "stuurteken (U+001B)"),
            ("org-name-too-long", org, ("name",), "A" * 301, "'name' is te lang"),
            ("org-city-rlo", org, ("city",), "Utrecht\u202e", REVERSES),
            ("org-city-u2028", org, ("city",), "Utrecht\u2028Oost", ONE_LINE),
            ("org-city-zero-width", org, ("city",), "\u200b", INVISIBLE),
            ("org-volunteers-million", org, ("volunteers",), 1_000_001, "'volunteers' is te groot"),
            ("org-volunteers-negative", org, ("volunteers",), -1, "'volunteers' is te klein"),
            ("org-fte-huge", org, ("paid_fte",), 1e308, "'paid_fte' is te groot"),
            ("org-created-year-1", org, ("created_at",), "0001-01-01T00:00:00", "tussen 1900"),
            ("note-escape", ev, note, ESCAPE, "stuurteken (U+001B)"),
            ("note-bell", ev, note, "bel\x07", "stuurteken (U+0007)"),
            ("note-c1-csi", ev, note, "kleur \x9b31m", "stuurteken (U+009B)"),
            ("note-rlo", ev, note, "toelichting \u202etxet", REVERSES),
            ("note-pdi", ev, note, "toelichting \u2069", REVERSES),
            ("note-zero-width-only", ev, note, "\u200b\u200b", INVISIBLE),
            ("note-too-long", ev, note, "A" * 20_001, "is te lang"),
            ("action-description-spaces", ev, (*action, "description"), "   ", "niet leeg"),
            ("action-description-rlo", ev, (*action, "description"), "\u202eactie", REVERSES),
            ("action-owner-u2028", ev, (*action, "owner"), "bestuur\u2028kas", ONE_LINE),
            ("action-owner-too-long", ev, (*action, "owner"), "A" * 301, "te lang"),
            ("action-deadline-year-9999", ev, (*action, "deadline"), "9999-12-31", "tussen 1900"),
            (
                "action-position-huge",
                ev,
                (*action, "position"),
                10**30,
                "'actions.0.position' is te groot",
            ),
            ("evidence-name-rlo", ev, ("evidence", 0, "file_name"), "fdp\u202e.exe", REVERSES),
            ("evidence-name-newline", ev, ("evidence", 0, "file_name"), "a\nb.pdf", ONE_LINE),
            ("answer-value-huge", ev, ("answers", 0, "value"), 10**30, "te groot"),
            ("updated-year-1", ev, ("updated_at",), "0001-01-01T00:00:00", "tussen 1900"),
            (
                "edition-title-rlo",
                ed,
                ("themes", 0, "title"),
                "Thema \u202eomeht",
                REVERSES,
            ),
            (
                "edition-statement-isolate",
                ed,
                ("themes", 0, "statements", 0, "text"),
                "\u2067Stelling",
                REVERSES,
            ),
            (
                "edition-volunteers-huge",
                ed,
                ("small_organisation", "volunteers_below"),
                10**30,
                "te groot",
            ),
            ("edition-must-7", ed, ("themes", 0, "statements", 0, "must"), 7, "te groot"),
            ("edition-text-too-long", ed, ("title",), "A" * 20_001, "te lang"),
        ],
    )
    _raw_cases(
        "evaluation",
        ".ggeval",
        BASE_DIR / "valid.ggeval",
        [
            (
                "org-volunteers-4000-digits",
                org,
                '"volunteers": 30',
                f'"volunteers": {BIG}',
                "groot",
            ),
            ("note-surrogate", ev, '"note": "toelichting', '"note": "\\ud800', "ongeldig teken"),
        ],
    )


def review_cases() -> None:
    """Adviser, verdicts, theme comments and conditions of a review file."""
    rv = "review.json"
    _zip_cases(
        "review",
        ".ggreview",
        BASE_DIR / "valid.ggreview",
        [
            ("adviser-name-zero-width", rv, ("adviser", "name"), "\u200b", INVISIBLE),
            ("adviser-name-rlo", rv, ("adviser", "name"), "An \u202eneb", REVERSES),
            ("adviser-name-u2028", rv, ("adviser", "name"), "An\u2028Jansen", ONE_LINE),
            ("adviser-region-escape", rv, ("adviser", "region"), ESCAPE, "stuurteken (U+001B)"),
            ("adviser-region-too-long", rv, ("adviser", "region"), "A" * 201, "te lang"),
            ("comment-escape", rv, ("statements", 0, "comment"), ESCAPE, "stuurteken (U+001B)"),
            ("comment-rlo", rv, ("statements", 0, "comment"), "oud \u202ekool", REVERSES),
            ("comment-zero-width", rv, ("statements", 0, "comment"), "\u2060", INVISIBLE),
            ("theme-comment-isolate", rv, ("themes", 0, "comment"), "\u2068x", REVERSES),
            ("condition-u2028", rv, ("conditions", 0, "text"), "Beleid\u2028nu", ONE_LINE),
            ("condition-spaces", rv, ("conditions", 0, "text"), "   ", "niet leeg"),
            ("condition-too-long", rv, ("conditions", 0, "text"), "A" * 2001, "te lang"),
            ("condition-deadline-year-1", rv, ("conditions", 0, "deadline"), "0001-01-01", "1900"),
            ("proposed-score-huge", rv, ("statements", 0, "proposed_score"), 10**30, "te groot"),
            ("decided-year-9999", rv, ("decided_at",), "9999-01-01T00:00:00", "tussen 1900"),
        ],
    )


def sync_cases() -> None:
    """Sync files: numbers far out of range, text where only codes belong, bytes not UTF-8."""
    text = (BASE_DIR / "valid-sync.json").read_text("utf-8")
    valid = json.loads(text)
    out = HERE / "sync"

    def put(name: str, content: str | bytes, attack: str, fragment: str) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (out / f"{PREFIX}{name}.json").write_bytes(data)
        case(f"sync/{PREFIX}{name}.json", "sync", attack, fragment)

    def entry(name: str, key: str, value: Any, fragment: str) -> None:
        changed = json.loads(text)
        changed["organisations"][0][key] = value
        put(name, json.dumps(changed, ensure_ascii=False), f"organisations.0.{key}", fragment)

    put("year-4000-digits", text.replace('"year":2026', f'"year":{BIG}', 1), "year", "jaar")
    put("sequence-huge", text.replace('"sequence":1', f'"sequence":{BIG}', 1), "seq", "sequence")
    put("sequence-negative", text.replace('"sequence":1', '"sequence":-1', 1), "seq", "sequence")
    put("key-not-utf8", text.encode().replace(b'"format"', b'"\x80ormat"', 1), "key", "JSON")
    entry("province-rlo", "province", "Utrecht\u202e", "geen provincie")
    entry("province-zero-width", "province", "Utrecht\u200b", "geen provincie")
    entry("id-zero-width", "id", valid["organisations"][0]["id"] + "\u200b", "geen UUID")
    entry("year-float", "year", 2026.0, "jaar")


def questionnaire_cases() -> None:
    """Questionnaire YAML: reversing and invisible texts, numbers above their bounds."""
    text = QUESTIONNAIRE.read_text(encoding="utf-8")
    out = HERE / "questionnaire"

    def put(name: str, old: str, new: str, attack: str, fragment: str) -> None:
        assert old in text, old
        (out / f"{PREFIX}{name}.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
        case(f"questionnaire/{PREFIX}{name}.yaml", "questionnaire", attack, fragment)

    title = next(x for x in text.splitlines() if x.startswith("title:"))
    put("title-rlo", title, 'title: "Vrijwillige \u202einzet"', "RLO", REVERSES)
    put("title-zero-width", title, 'title: "\u200b"', "ZWSP only", INVISIBLE)
    put("title-isolate", title, 'title: "\u2066inzet\u2069"', "isolate", REVERSES)
    put("title-too-long", title, f'title: "{"A" * 20_001}"', "20,001 chars", "te lang")
    put("title-c1", title, 'title: "inzet \\x9b"', "C1 control, escaped", "stuurteken")
    small = "volunteers_below: "
    line = next(x for x in text.splitlines() if small in x)
    put(
        "volunteers-below-huge",
        line,
        line.split(small)[0] + small + BIG,
        "4000 digits",
        "hoogstens",
    )
    fte = next(x for x in text.splitlines() if "paid_fte_below:" in x)
    put("fte-below-inf", fte, fte.split(":")[0] + ": .inf", ".inf", "hoogstens")
    put("minimum-huge", "minimum: 60", f"minimum: {BIG}", "4000 digits", "hoogstens")
    put("number-5001-digits", "minimum: 60", "minimum: " + "9" * 5001, "5001 digits", "cijfers")


def input_attacks() -> None:
    """Write every ``in-`` file and record its manifest entry."""
    evaluation_cases()
    review_cases()
    sync_cases()
    questionnaire_cases()


def main() -> None:
    """Rebuild the ``in-`` files only and put their entries in the manifest."""
    for folder in ("evaluation", "review", "sync", "questionnaire"):
        for old in (HERE / folder).glob(f"{PREFIX}*"):
            old.unlink()
    input_attacks()
    others = [
        e
        for e in json.loads(MANIFEST_FILE.read_text("utf-8"))
        if not Path(e["file"]).name.startswith(PREFIX)
    ]
    MANIFEST_FILE.write_text(
        json.dumps(others + cases, indent=1, ensure_ascii=True) + "\n", "utf-8"
    )
    print(f"{len(cases)} '{PREFIX}' files written; the manifest has {len(others) + len(cases)}")


if __name__ == "__main__":
    main()
