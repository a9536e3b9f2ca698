"""The list of command modules; each exposes ``register(subparsers)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goedgeregeld.cli import (
    backup,
    evaluations,
    exchange,
    nov,
    organisations,
    questionnaire,
    report,
    review,
    sync,
    trust,
)

REGISTRARS: list[Callable[[Any], None]] = [
    questionnaire.register,
    organisations.register,
    evaluations.register,
    sync.register,
    nov.register,
    report.register,
    backup.register,
    exchange.register,
    review.register,
    trust.register,
]
