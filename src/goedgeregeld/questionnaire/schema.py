"""JSON Schema for questionnaire authors, generated from the models."""

from __future__ import annotations

import json

from goedgeregeld.questionnaire.model import Edition


def edition_schema_json() -> str:
    """The JSON Schema of an edition file, pretty-printed."""
    schema = Edition.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Goed Geregeld vragenlijst (editie)"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
