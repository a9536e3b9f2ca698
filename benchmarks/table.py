"""Result rows and the printed table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One target: a measured value, the floor measured in the same run, and the verdict."""

    name: str
    measured: float
    floor: float | None
    unit: str
    target: str
    passed: bool
    reproduce: str

    @property
    def ratio(self) -> float | None:
        """Measured divided by the floor, when there is a floor."""
        if self.floor in (None, 0):
            return None
        return self.measured / self.floor


def median(values: list[float]) -> float:
    """The median of the values."""
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of the values fall (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def render(rows: list[Row]) -> str:
    """A plain-text table, one row per target."""
    header = ("target", "measured", "floor", "ratio", "goal", "result")
    lines = []
    for row in rows:
        floor = "-" if row.floor is None else f"{row.floor:.3g} {row.unit}"
        ratio = "-" if row.ratio is None else f"{row.ratio:.2f}x"
        lines.append(
            (
                row.name,
                f"{row.measured:.3g} {row.unit}",
                floor,
                ratio,
                row.target,
                "PASS" if row.passed else "FAIL",
            )
        )
    widths = [max(len(str(c)) for c in column) for column in zip(header, *lines, strict=False)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    out += ["", "How to reproduce each row:"]
    out += [f"  {row.name}: {row.reproduce}" for row in rows]
    return "\n".join(out)
