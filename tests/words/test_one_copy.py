"""No module outside goedgeregeld.words writes one of its labels by hand again.

The copies that disagreed ("lager" beside "score moet lager", "open" beside "nog te doen")
came from writing the same word in several places; this keeps it in one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import goedgeregeld
from goedgeregeld import words

PACKAGE = Path(goedgeregeld.__file__).parent

# Same text, another idea: each is allowed here and only here.
ALLOWED = {
    ("ui/models/themes.py", "klaar"),  # a theme with every statement answered
}


def _labels() -> set[str]:
    tables = (
        words.VERDICT_LABELS,
        words.DECISION_LABELS,
        words.DECISION_SENTENCES,
        words.EVALUATION_STATUS_LABELS,
        words.ACTION_STATUS_LABELS,
        words.VARIANT_LABELS,
        words.VARIANT_EXPLANATIONS,
    )
    found = {label for table in tables for label in table.values()}
    return found | {
        words.NOT_ANSWERED,
        words.NOT_APPLICABLE,
        words.NO_DECISION,
        words.THEME_MET,
        words.THEME_NOT_STARTED,
        words.THEME_ALL_NOT_APPLICABLE,
    }


def _docstrings(tree: ast.Module) -> set[int]:
    owners = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def test_labels_are_written_only_in_the_word_table() -> None:
    labels = _labels()
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("words/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value in labels
                and id(node) not in docstrings
                and (relative, node.value) not in ALLOWED
            ):
                copies.append(f"{relative}:{node.lineno} {node.value!r}")
    assert copies == []
