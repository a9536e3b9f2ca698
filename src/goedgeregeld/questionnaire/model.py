"""Pydantic models of one questionnaire edition, exactly as its YAML file is written."""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Bounds on every text, list and number, so a hostile file is refused with a message instead
# of filling memory or the screen; far above anything a real edition holds.
MAX_TEXT = 20_000
MAX_ITEMS = 500
NonEmptyText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)
]
ThemeId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
StatementId = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*\.[0-9]+$", max_length=64)
]
Percentage = Annotated[int, Field(ge=0, le=100)]
BandLevel = Literal["below", "met", "well_above"]


def _unset(value: Any) -> bool:
    # Keys added in edition 2027.1 stay out of the canonical JSON while they hold their
    # default, so that older editions keep their content hash and their stored snapshots.
    return value is None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerOption(_Strict):
    """One step on the answer scale, 0 to 3."""

    value: Annotated[int, Field(ge=0, le=3)]
    label: NonEmptyText
    description: NonEmptyText


class NotApplicable(_Strict):
    """The 'niet van toepassing' choice, which leaves the denominator."""

    label: NonEmptyText
    description: NonEmptyText


class SmallOrganisationRule(_Strict):
    """Below both limits an organisation answers only the core statements."""

    volunteers_below: Annotated[int, Field(ge=1, le=1_000_000)]
    paid_fte_below: Annotated[float, Field(gt=0, le=100_000)]
    explanation: NonEmptyText


class ScoreBand(_Strict):
    """Advice for a theme score in the half-open range [from, to); the last band includes 100."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: Percentage = Field(alias="from")
    to: Percentage
    text: NonEmptyText
    level: BandLevel | None = Field(default=None, exclude_if=_unset)
    """Below the theme minimum, just above it, or well above it (edition 2027.1 and later)."""


class Statement(_Strict):
    """One statement the organisation scores; its id stays stable across editions."""

    id: StatementId
    text: NonEmptyText
    core: bool
    evidence: Annotated[list[NonEmptyText], Field(min_length=1, max_length=MAX_ITEMS)]
    advice: NonEmptyText
    must: Annotated[int, Field(ge=0, le=3)] | None = Field(default=None, exclude_if=_unset)
    """The lowest score an applicable answer needs for the quality mark (a must-have)."""
    na_allowed: bool = Field(default=True, exclude_if=lambda value: value is True)
    """Whether "niet van toepassing" may be chosen."""
    explanation: NonEmptyText | None = Field(default=None, exclude_if=_unset)
    """What the statement means, what counts as a 3, which words need explaining."""
    continues: Annotated[list[StatementId], Field(max_length=MAX_ITEMS)] | None = Field(
        default=None, exclude_if=_unset
    )
    """Ids in the previous edition this statement continues; an empty list means new."""


class Theme(_Strict):
    """A group of statements with a minimum score for the quality mark."""

    id: ThemeId
    title: NonEmptyText
    intro: NonEmptyText
    minimum: Percentage
    min_applicable: Percentage | None = Field(default=None, exclude_if=_unset)
    """Share of the asked statements (percent) that must be applicable for a verdict."""
    advice: Annotated[list[ScoreBand], Field(min_length=1, max_length=MAX_ITEMS)]
    statements: Annotated[list[Statement], Field(min_length=1, max_length=MAX_ITEMS)]

    def advice_for(self, score: float, meets_minimum: bool | None = None) -> str:
        """The band advice that applies to a theme score (percentage).

        With levelled bands and ``meets_minimum`` given, a theme below its minimum always
        gets a "below" band and one that meets it never does, also when the rounded score
        sits on the boundary (74.96% shows as 75%).
        """
        bands = self.advice
        if meets_minimum is not None and any(b.level for b in bands):
            fitting = [b for b in bands if (b.level == "below") != meets_minimum]
            bands = fitting or bands
        for band in bands:
            if band.from_ <= score < band.to:
                return band.text
        return bands[-1].text if score >= bands[-1].from_ else bands[0].text


class DisagreementRule(_Strict):
    """When the answers of several respondents to one statement count as a disagreement."""

    spread_at_least: Annotated[int, Field(ge=1, le=3)]
    """Flag a statement when the highest and lowest score differ by at least this much."""
    not_applicable_against_score: bool
    """Flag a statement when one respondent says n.v.t. and another gives a score."""


DEFAULT_DISAGREEMENT = DisagreementRule(spread_at_least=2, not_applicable_against_score=True)
"""The rule for editions that do not state their own (2026.1 and 2027.1)."""


class Edition(_Strict):
    """A whole questionnaire edition: scale, small-organisation rule, themes."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    id: ThemeId
    version: NonEmptyText
    continues: NonEmptyText | None = Field(default=None, exclude_if=_unset)
    """The version of the previous edition that this one continues."""
    dropped: Annotated[list[StatementId], Field(max_length=MAX_ITEMS)] = Field(
        default_factory=list, exclude_if=lambda value: not value
    )
    """Statements of the previous edition that no statement continues."""
    title: NonEmptyText
    description: NonEmptyText
    scale: Annotated[list[AnswerOption], Field(min_length=4, max_length=4)]
    not_applicable: NotApplicable
    small_organisation: SmallOrganisationRule
    themes: Annotated[list[Theme], Field(min_length=1, max_length=MAX_ITEMS)]
    disagreement: DisagreementRule | None = Field(default=None, exclude_if=_unset)
    """When respondents disagree on a statement; without it ``DEFAULT_DISAGREEMENT``."""

    @property
    def disagreement_rule(self) -> DisagreementRule:
        """The edition's own disagreement rule, or the default one."""
        return self.disagreement or DEFAULT_DISAGREEMENT

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 over the canonical JSON of the content; equal content gives an equal hash."""
        return content_hash(self.canonical_json())

    def canonical_json(self) -> str:
        """The snapshot stored with every evaluation: sorted keys, no whitespace."""
        return canonical_json(self.model_dump(mode="json", by_alias=True))

    @cached_property
    def has_verdict_rules(self) -> bool:
        """Whether the edition uses the rules of 2027.1 on (must-haves, n.v.t., levels)."""
        return any(
            theme.min_applicable is not None
            or any(band.level for band in theme.advice)
            or any(s.must is not None or not s.na_allowed for s in theme.statements)
            for theme in self.themes
        )

    @cached_property
    def statements_by_id(self) -> dict[str, Statement]:
        """Every statement by its id, in questionnaire order."""
        return {s.id: s for theme in self.themes for s in theme.statements}

    @cached_property
    def theme_of(self) -> dict[str, Theme]:
        """The theme each statement belongs to."""
        return {s.id: theme for theme in self.themes for s in theme.statements}

    def scale_label(self, value: int | None) -> str:
        """Dutch label of an answer value; ``None`` means not applicable."""
        if value is None:
            return self.not_applicable.label
        return self.scale[value].label


def canonical_json(data: object) -> str:
    """JSON with sorted keys and no insignificant whitespace, for hashing."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(canonical: str) -> str:
    """Hex SHA-256 of a canonical JSON text."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
