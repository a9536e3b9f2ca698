"""NOV store: per installation, only what its newest merged file says.

Revision ID: nov0003
Revises: nov0002
Create Date: 2026-11-27

Before, an id that only a superseded file of an installation held stayed counted, so the
figures could depend on the order files were read in. Merging now lets the newest file
replace the rest; this removes what earlier merges left of superseded files. Those rows
are exactly the ones whose sequence is below the newest file merged for the installation:
a newer file rewrites every id it holds with its own sequence.
"""

from alembic import op

revision = "nov0003"
down_revision = "nov0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Delete observations that only a superseded file of their installation held."""
    op.execute(
        """
        DELETE FROM nov_observation
        WHERE sequence < (
            SELECT MAX(f.sequence) FROM nov_file AS f
            WHERE f.installation_id = nov_observation.installation_id
        )
        """
    )


def downgrade() -> None:
    """The removed rows are gone; going back leaves the store as it is."""
