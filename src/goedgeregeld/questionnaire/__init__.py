"""The questionnaire as data: typed models, the YAML loader with its checks, shipped editions."""

from goedgeregeld.questionnaire.model import (
    AnswerOption,
    Edition,
    NotApplicable,
    ScoreBand,
    SmallOrganisationRule,
    Statement,
    Theme,
)

__all__ = [
    "AnswerOption",
    "Edition",
    "NotApplicable",
    "ScoreBand",
    "SmallOrganisationRule",
    "Statement",
    "Theme",
]
