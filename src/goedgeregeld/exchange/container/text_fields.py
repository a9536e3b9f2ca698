"""Free-text fields of the exchange formats, checked by the app's one text validator."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from pydantic import AfterValidator, StringConstraints

from goedgeregeld.base import text as rules
from goedgeregeld.base.text import TextRule, clean_text


def _field(rule: TextRule) -> Any:
    """A string member that holds what the store would hold for ``rule``, no more."""
    return Annotated[
        str,
        StringConstraints(min_length=1 if rule.required else None, max_length=rule.max_length),
        AfterValidator(partial(clean_text, rule=rule)),
    ]


OrganisationName = _field(rules.ORGANISATION_NAME)
City = _field(rules.CITY)
Note = _field(rules.NOTE)
Comment = _field(rules.COMMENT)
Condition = _field(rules.CONDITION)
ActionDescription = _field(rules.ACTION_DESCRIPTION)
ActionOwner = _field(rules.ACTION_OWNER)
AdviserName = _field(rules.ADVISER_NAME)
AdviserRegion = _field(rules.ADVISER_REGION)
FileName = _field(rules.FILE_NAME)
RespondentName = _field(rules.RESPONDENT_NAME)
