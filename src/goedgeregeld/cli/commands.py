"""The list of command modules; each exposes ``register(subparsers)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goedgeregeld.cli import evaluations, organisations, questionnaire

REGISTRARS: list[Callable[[Any], None]] = [
    questionnaire.register,
    organisations.register,
    evaluations.register,
]
