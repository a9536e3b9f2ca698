"""The home overview's tables by name agree with the mapped models, and read the same records."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.sqltypes import NullType

from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.store.evaluations import (
    complete_evaluation,
    load_state,
    save_answer,
    start_evaluation,
)
from goedgeregeld.store.models.all import Base
from goedgeregeld.store.models.types import StoredEnum
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.overview import EVALUATION, INVITATION, ORGANISATION, home_overview
from goedgeregeld.store.records import EvaluationRecord, OrganisationRecord


@pytest.mark.parametrize("light", [ORGANISATION, EVALUATION, INVITATION], ids=lambda t: t.name)
def test_each_column_by_name_is_the_models_column_with_the_type_its_value_needs(light) -> None:
    mapped = Base.metadata.tables[light.name]
    dialect = sqlite.dialect()
    for column in light.c:
        assert column.name in mapped.c, f"{light.name}.{column.name} is not in the model"
        model_type = mapped.c[column.name].type
        if isinstance(column.type, NullType):
            # Read as SQLite gives it: only right when the model's type converts nothing.
            assert model_type.result_processor(dialect, None) is None, (
                f"{light.name}.{column.name} needs the type {model_type!r}"
            )
        else:
            assert type(column.type) is type(model_type), f"{light.name}.{column.name}"
            if isinstance(model_type, StoredEnum):
                assert column.type.enum is model_type.enum


@pytest.mark.parametrize(
    ("light", "record"), [(ORGANISATION, OrganisationRecord), (EVALUATION, EvaluationRecord)]
)
def test_the_columns_come_in_the_order_of_the_records_fields(light, record) -> None:
    fields = [f.name for f in dataclasses.fields(record)]
    assert [c.name for c in light.c] == fields[: len(light.c)]
    # Whatever is not read has a default (the home screen does not show it).
    for field in dataclasses.fields(record)[len(light.c) :]:
        assert field.default is not dataclasses.MISSING, field.name


def test_the_overview_reads_what_the_models_read(db, edition) -> None:
    from goedgeregeld.store.evaluations import list_evaluations
    from goedgeregeld.store.organisations import list_organisations

    club = create_organisation(db, "Club", "Utrecht", "Utrecht", 12, 0.5)
    create_organisation(db, "Andere club")
    first = start_evaluation(db, club.id, edition)
    for statement_id in load_state(db, first.id).score().open_statements:
        save_answer(db, first.id, statement_id, 2)
    complete_evaluation(db, first.id)
    start_evaluation(db, club.id, edition)
    overview = home_overview(db, club.id)
    assert overview.current == club
    assert overview.organisations == tuple(list_organisations(db))
    listed = {e.id: e for e in list_evaluations(db, club.id)}
    for evaluation in overview.evaluations:
        expected = dataclasses.replace(listed[evaluation.id], carried_from=None)
        assert evaluation == expected
        assert isinstance(evaluation.status, EvaluationStatus)
        assert isinstance(evaluation.created_at, datetime)
    assert [e.status for e in overview.evaluations] == [
        EvaluationStatus.DRAFT,
        EvaluationStatus.COMPLETED,
    ]
