"""NOV's plausibility bounds: what one installation's sync file can truthfully hold.

A sync file is a claim by whoever made it. Counts far beyond what one installation of
its kind ever holds (an organisation's laptop with a hundred thousand organisations, an
adviser with twenty thousand quality marks) are not merged: the file waits in NOV's
quarantine with the reason from here, until NOV accepts or rejects it. Pure rules, no
database; dates in the future are refused earlier, when the file is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    ORGANISATIONS,
    QUALITY_MARKS,
    SyncFile,
)
from goedgeregeld.words import counted


@dataclass(frozen=True)
class Bounds:
    """The most one file of an installation of this kind may report, per kind of id."""

    kind_label: str
    """Dutch: which kind of installation, as in "een installatie van een organisatie"."""
    advisers: int
    organisations_per_adviser: int
    """Organisations (own and clients) per adviser on the installation (at least one)."""
    evaluations: int
    quality_marks: int


ORGANISATION_INSTALLATION = Bounds(
    "een installatie van een organisatie",
    advisers=0,
    organisations_per_adviser=10,
    evaluations=100,
    quality_marks=10,
)
"""A laptop of one organisation, sometimes shared by a few (a volunteer centre's desk)."""
ADVISER_INSTALLATION = Bounds(
    "een installatie van een adviseur",
    advisers=5,
    organisations_per_adviser=250,
    evaluations=2_500,
    quality_marks=250,
)
"""An adviser (or a small team at a volunteer centre) with their clients."""


def installation_bounds(sync: SyncFile) -> Bounds:
    """The bounds for the installation that made ``sync``: an adviser's if it lists one."""
    return ADVISER_INSTALLATION if sync.entries[ADVISERS.name] else ORGANISATION_INSTALLATION


def implausibility(sync: SyncFile) -> str | None:
    """Why ``sync`` is beyond what its kind of installation can hold (Dutch), or None."""
    entries = sync.entries
    advisers = len(entries[ADVISERS.name])
    if (
        not advisers
        and len(entries[ORGANISATIONS.name]) <= ORGANISATION_INSTALLATION.organisations_per_adviser
        and len(entries[QUALITY_MARKS.name]) <= ORGANISATION_INSTALLATION.quality_marks
        and len(entries[EVALUATIONS_COMPLETED.name]) <= ORGANISATION_INSTALLATION.evaluations
    ):
        return None  # the usual file, decided at once
    bounds = ADVISER_INSTALLATION if advisers else ORGANISATION_INSTALLATION
    if advisers > bounds.advisers:
        return _beyond(counted(advisers, "adviseur", "adviseurs"), bounds, bounds.advisers)
    organisations = len(entries[ORGANISATIONS.name])
    most = bounds.organisations_per_adviser * max(advisers, 1)
    if organisations > most:
        return _beyond(counted(organisations, "organisatie", "organisaties"), bounds, most)
    evaluations = len(entries[EVALUATIONS_COMPLETED.name])
    if evaluations > bounds.evaluations:
        said = counted(evaluations, "afgeronde zelfevaluatie", "afgeronde zelfevaluaties")
        return _beyond(said, bounds, bounds.evaluations)
    marks = len(entries[QUALITY_MARKS.name])
    if marks > bounds.quality_marks:
        return _beyond(counted(marks, "keurmerk", "keurmerken"), bounds, bounds.quality_marks)
    return None


def _beyond(said: str, bounds: Bounds, most: int) -> str:
    return f"niet aannemelijk: {said} in één bestand van {bounds.kind_label} (hoogstens {most})"
