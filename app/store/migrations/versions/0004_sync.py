"""Sync: where the office sends its days, and what the receiver has acknowledged.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:40:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add office.sync_url, the per-day sync state and the log of attempts."""
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("sync_url", sa.String(length=300), nullable=True))
    op.create_table(
        "sync_state",
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("acked_revision", sa.Integer(), nullable=False),
        sa.Column("acked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("business_day"),
    )
    op.create_table(
        "sync_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sync_attempt_at", "sync_attempt", ["at"])


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_index("ix_sync_attempt_at", table_name="sync_attempt")
    op.drop_table("sync_attempt")
    op.drop_table("sync_state")
    with op.batch_alter_table("office") as batch:
        batch.drop_column("sync_url")
