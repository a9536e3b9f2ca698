"""The Dutch words a user types for a choice on the command line, with the stable names.

Dutch comes first in help and messages ("eens", "klaar", "nvt"); the English values that
the database and the exchange files store stay accepted, so existing scripts keep working.
"""

from __future__ import annotations

from goedgeregeld.domain import Decision, Verdict

VERDICT_WORDS = {
    Verdict.AGREE: "eens",
    Verdict.LOWER: "lager",
    Verdict.HIGHER: "hoger",
}
"""What an adviser types for a verdict: ``--verdict lager``."""
DECISION_WORDS = {
    Decision.READY: "klaar",
    Decision.CONDITIONS: "voorwaarden",
    Decision.NOT_YET: "nog-niet",
}
"""What an adviser types for a decision: ``--decision nog-niet``."""
NOT_APPLICABLE_WORD = "nvt"
"""What a user types for "niet van toepassing": ``eval answer EVAL STELLING nvt``."""
NOT_APPLICABLE_SPELLINGS = (NOT_APPLICABLE_WORD, "n.v.t.", "n", "na")
"""Every spelling of "niet van toepassing" the command line accepts; ``na`` is the stable name."""


def spellings(value: str) -> set[str]:
    """A name typed either way: ``not_yet`` and ``not-yet``, ``nog-niet`` and ``nog_niet``."""
    return {value, value.replace("_", "-"), value.replace("-", "_")}


def choice_list(options: list[str], last: str = "of") -> str:
    """Choices in a sentence: "klaar, voorwaarden of nog-niet" (or with ``last`` "en")."""
    if len(options) == 1:
        return options[0]
    return ", ".join(options[:-1]) + f" {last} " + options[-1]
