"""The Alembic revision this code expects; a test keeps it equal to the scripts' head."""

HEAD_REVISION = "0009"
