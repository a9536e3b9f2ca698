"""Mark the database as this app's own: SQLite's application_id ("GGeR").

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

A database made by an older version (application_id 0, holding the app's tables and
alembic_version) is recognised as ours at open and gets the mark here; a new database
gets it when the file is created, before the first migration. See docs/formats/database.md.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

APPLICATION_ID = 0x47476552  # a copy on purpose: a migration never changes with the code


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    op.execute("PRAGMA application_id = 0")
