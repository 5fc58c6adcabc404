"""PINs an offline search cannot find in a day: the office's shortest PIN, a PIN to change at
the next sign-in, and a command line that may ask for a manager's PIN.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 12:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add office.pin_min_length/cli_sign_in and staff.pin_change_due."""
    with op.batch_alter_table("office") as batch:
        batch.add_column(
            sa.Column("pin_min_length", sa.Integer(), nullable=False, server_default="4")
        )
        batch.add_column(
            sa.Column("cli_sign_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("staff") as batch:
        batch.add_column(
            sa.Column("pin_change_due", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("pin_change_due")
    with op.batch_alter_table("office") as batch:
        batch.drop_column("cli_sign_in")
        batch.drop_column("pin_min_length")
