"""Architecture guards: Qt only in ui/, and the PySide6 build does not leak None references."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import goedgeregeld

PACKAGE = Path(goedgeregeld.__file__).parent


def test_no_pyside6_import_outside_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path}: {n}" for n in names if n.split(".")[0] in {"PySide6", "shiboken6"}
            ]
    assert offenders == []


def test_cli_commands_do_not_import_qt() -> None:
    code = (
        "import sys; from goedgeregeld.cli import main; "
        "main(['--data-dir', sys.argv[1], 'questionnaire', 'list']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "/tmp/unused"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_pyside6_void_calls_do_not_drift_none_refcount() -> None:
    # PySide6 6.12.0 on Python 3.11 decremented None's refcount on every void call and
    # aborted after a few thousand; run in a child so a crash fails this test only.
    code = """
import sys
from PySide6.QtCore import QObject
obj = QObject()
before = sys.getrefcount(None)
for i in range(20000):
    obj.setObjectName("x")
after = sys.getrefcount(None)
print(before, after)
assert abs(after - before) < 100, (before, after)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
