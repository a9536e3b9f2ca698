"""The trust policy stays pure: no database, no Qt, nothing above it in the layers."""

from __future__ import annotations

import ast
from pathlib import Path

import goedgeregeld.trust

ALLOWED = ("goedgeregeld.trust", "goedgeregeld.base", "goedgeregeld.domain", "goedgeregeld.words")


def test_trust_imports_only_the_standard_library_and_the_layers_below() -> None:
    offenders = []
    for path in Path(goedgeregeld.trust.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            offenders += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] in {"sqlalchemy", "PySide6", "shiboken6"}
                or (name.startswith("goedgeregeld") and not name.startswith(ALLOWED))
            ]
    assert offenders == []
