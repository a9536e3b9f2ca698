"""Problems found in a questionnaire file, each pointing at file, line, theme and statement."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a questionnaire file."""

    file: str
    line: int
    message: str
    theme: str | None = None
    statement: str | None = None

    def sort_key(self) -> tuple[str, int, str, str, str]:
        """File, line, message, then theme and statement ("" for none, so any two compare)."""
        return (self.file, self.line, self.message, self.theme or "", self.statement or "")

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        where = []
        if self.theme:
            where.append(f"thema '{self.theme}'")
        if self.statement:
            where.append(f"stelling '{self.statement}'")
        context = f" {', '.join(where)}:" if where else ""
        return f"{self.file}:{self.line}:{context} {self.message}"


class QuestionnaireError(Exception):
    """A questionnaire file could not be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
