"""Alembic environment of the NOV store: its own metadata and its own version table."""

from alembic import context

import goedgeregeld.nov.store.assessment_models  # noqa: F401 - its tables belong to NovBase too
import goedgeregeld.nov.store.quarantine_models  # noqa: F401 - its table belongs to NovBase too
import goedgeregeld.nov.store.trust_models  # noqa: F401 - its table belongs to NovBase too
from goedgeregeld.nov.store.models import NovBase

VERSION_TABLE = "nov_alembic_version"

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic revision --autogenerate` by hand
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///nov-dev.sqlite3"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=NovBase.metadata,
    render_as_batch=True,
    compare_type=True,
    version_table=VERSION_TABLE,
)
with context.begin_transaction():
    context.run_migrations()
