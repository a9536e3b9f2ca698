"""What the ui, the command line and the reports show: no English words, no broken plurals.

Found by trying the app as three new users (issue 18): "Deadline", "agree/lower/higher",
"completed / not_yet", "nog 1 stellingen open", "1 van 1 bestanden", "1 thema's",
"klant(en)", and one idea under two names. This scans every text a user can see (``tr``,
``print``, error messages, argparse help) so none of them comes back.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import goedgeregeld
from goedgeregeld.words.terms import SYNONYMS

PACKAGE = Path(goedgeregeld.__file__).parent

# Calls whose text arguments a user reads.
_SHOWN_BY = {
    "tr",
    "print",
    "inform",
    "error",
    "confirm",
    "setText",
    "setToolTip",
    "heading",
    "paragraph",
    "bullet",
    "Paragraph",
    "say",
    "table",
    "QLabel",
    "QCheckBox",
    "QPushButton",
    "QGroupBox",
    "button",
    "title_label",
    "text_label",
    "setWindowTitle",
    "setAccessibleName",
    "setPlaceholderText",
    "setTitle",
    "addItem",
    "addMenu",
}
_SHOWN_KEYWORDS = {"help", "description"}

ENGLISH = re.compile(
    r"\b(deadline|agree|lower|higher|ready|conditions|not[-_]yet|completed|draft|ok)\b",
    re.IGNORECASE,
)
PLURAL_AFTER_NUMBER = re.compile(
    r"\{\} (stellingen|bestanden|thema's|klanten|organisaties|adviseurs|antwoorden"
    r"|zelfevaluaties|vragenlijsten|problemen|keurmerken|punten|procentpunten)\b"
)
EITHER_FORM = re.compile(r"[a-z]\((en|s)\)")


def _text(node: ast.AST) -> str | None:
    """A string constant, or an f-string with ``{}`` for each value."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    return None


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _texts_shown(tree: ast.Module) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        arguments: list[ast.AST] = []
        if name in _SHOWN_BY or name.endswith("Error"):
            arguments += node.args
        arguments += [k.value for k in node.keywords if k.arg in _SHOWN_KEYWORDS]
        for argument in arguments:
            found += [(node.lineno, re.sub(r"\{[^}]*\}", "{}", t)) for t in _parts(argument)]
    return found


def _parts(node: ast.AST) -> list[str]:
    """The texts an argument is made of: "a" + f"{x}", a template's .format(), either branch."""
    text = _text(node)
    if text is not None:
        return [text]
    if isinstance(node, ast.BinOp):
        return _parts(node.left) + _parts(node.right)
    if isinstance(node, ast.IfExp):
        return _parts(node.body) + _parts(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return [text for element in node.elts for text in _parts(element)]
    if isinstance(node, ast.Call) and _name(node.func) in ("format", "tr"):
        inner = node.func.value if _name(node.func) == "format" else node.args[0]  # type: ignore[attr-defined]
        return _parts(inner)
    return []


def _all_shown() -> list[tuple[str, int, str]]:
    shown = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        shown += [(relative, line, text) for line, text in _texts_shown(tree)]
    return shown


def test_no_english_word_in_what_users_read() -> None:
    # Option names (--deadline, --verdict) are the stable interface; their values are Dutch.
    found = [
        f"{p}:{n} {t!r}"
        for p, n, t in _all_shown()
        if ENGLISH.search(re.sub(r"--[a-z][a-z-]*", "", t))
    ]
    assert found == []


def test_every_counted_noun_goes_through_the_words_table() -> None:
    found = [
        f"{p}:{n} {t!r}"
        for p, n, t in _all_shown()
        if PLURAL_AFTER_NUMBER.search(t) or EITHER_FORM.search(t)
    ]
    assert found == []


def test_one_idea_one_word() -> None:
    found = []
    for path, line, text in _all_shown():
        for chosen, others in SYNONYMS.items():
            for other in others:
                if re.search(rf"\b{re.escape(other)}\b", text, re.IGNORECASE):
                    found.append(f"{path}:{line} {other!r} (say {chosen!r}) in {text!r}")
    assert found == []
