"""How many days the office keeps its automatic backups.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 22:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add office.backup_days (14 days unless the office chooses otherwise)."""
    with op.batch_alter_table("office") as batch:
        batch.add_column(
            sa.Column("backup_days", sa.Integer(), nullable=False, server_default="14")
        )


def downgrade() -> None:
    """Drop office.backup_days."""
    with op.batch_alter_table("office") as batch:
        batch.drop_column("backup_days")
