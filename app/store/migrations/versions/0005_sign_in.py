"""Sign-in: lock-out state per staff member, the idle lock, coded audit, the purge horizon.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 03:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add staff.failed_attempts/locked_until, office.idle_lock_minutes/purged_before,
    audit_event.role/os_user and an index on the audit's time."""
    with op.batch_alter_table("staff") as batch:
        batch.add_column(
            sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("office") as batch:
        batch.add_column(
            sa.Column("idle_lock_minutes", sa.Integer(), nullable=False, server_default="5")
        )
        batch.add_column(sa.Column("purged_before", sa.Date(), nullable=True))
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("role", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("os_user", sa.String(length=64), nullable=True))
    op.create_index("ix_audit_event_at", "audit_event", ["at"])


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_index("ix_audit_event_at", table_name="audit_event")
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("os_user")
        batch.drop_column("role")
    with op.batch_alter_table("office") as batch:
        batch.drop_column("purged_before")
        batch.drop_column("idle_lock_minutes")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_attempts")
