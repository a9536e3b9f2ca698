"""The store is the only code with SQLAlchemy and ORM rows: everyone else gets plain records."""

from __future__ import annotations

import ast
from pathlib import Path

import goedgeregeld

PACKAGE = Path(goedgeregeld.__file__).parent
STORES = (("store",), ("nov", "store"))
ORM = ("sqlalchemy", "goedgeregeld.store.models", "goedgeregeld.nov.store.models")
ORM_MODULES = ("goedgeregeld.nov.store.trust_models", "goedgeregeld.nov.store.assessment_models")


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _in_a_store(path: Path) -> bool:
    parts = path.relative_to(PACKAGE).parts
    return any(parts[: len(s)] == s for s in STORES)


def test_no_sqlalchemy_or_orm_model_import_outside_the_stores() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if not _in_a_store(path)
        for name in _imports(path)
        if name in ORM_MODULES or any(name == o or name.startswith(o + ".") for o in ORM)
    ]
    assert offenders == []
