"""The booking files delivered for each office's day, for the office to fetch.

Revision ID: r0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking_file",
        sa.Column("office", sa.String(40), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
    )
    op.create_index("booking_file_by_day", "booking_file", ["day"])


def downgrade() -> None:
    op.drop_index("booking_file_by_day", table_name="booking_file")
    op.drop_table("booking_file")
