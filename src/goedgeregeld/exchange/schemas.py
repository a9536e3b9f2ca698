"""JSON Schemas of every exchange-file member, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from goedgeregeld.exchange.container.archive import Manifest
from goedgeregeld.exchange.evaluation.format import EvaluationPart, OrganisationPart, SpreadPart
from goedgeregeld.exchange.respondent.format import AnswersPart, InvitationPart
from goedgeregeld.exchange.review.format import ReviewPart
from goedgeregeld.questionnaire.model import Edition

SCHEMAS: dict[str, type[BaseModel]] = {
    "manifest.schema.json": Manifest,
    "organisation.schema.json": OrganisationPart,
    "evaluation.schema.json": EvaluationPart,
    "edition.schema.json": Edition,
    "review.schema.json": ReviewPart,
    "spread.schema.json": SpreadPart,
    "invitation.schema.json": InvitationPart,
    "answers.schema.json": AnswersPart,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of one member, formatted for the docs folder."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        target = folder / name
        target.write_text(schema_text(model), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path("docs/formats")):
        print(path)
