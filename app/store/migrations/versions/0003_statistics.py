"""Statistics: time served before a park, the wait promised at issue, daily summaries.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:45:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the ticket columns, the office's service-level target and the day_summary table."""
    with op.batch_alter_table("ticket") as batch:
        batch.add_column(
            sa.Column("served_seconds", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("estimate_minutes", sa.Integer(), nullable=True))
    with op.batch_alter_table("office") as batch:
        batch.add_column(
            sa.Column("service_level_minutes", sa.Integer(), nullable=False, server_default="15")
        )
        batch.add_column(
            sa.Column("service_level_target", sa.Integer(), nullable=False, server_default="80")
        )
    with op.batch_alter_table("call_event") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=8), nullable=False, server_default="next")
        )
    op.create_table(
        "day_summary",
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("business_day"),
    )


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_table("day_summary")
    with op.batch_alter_table("call_event") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("office") as batch:
        batch.drop_column("service_level_target")
        batch.drop_column("service_level_minutes")
    with op.batch_alter_table("ticket") as batch:
        batch.drop_column("estimate_minutes")
        batch.drop_column("served_seconds")
