"""A service point calls or serves one visitor at a time, held by the database too.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 04:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE_CALL = sa.text("state IN ('called', 'serving')")


def upgrade() -> None:
    """A unique index on (business day, service point) over the called and serving tickets."""
    op.create_index(
        "uq_ticket_one_active_call_per_point",
        "ticket",
        ["business_day", "service_point_id"],
        unique=True,
        sqlite_where=ACTIVE_CALL,
        postgresql_where=ACTIVE_CALL,
    )


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("uq_ticket_one_active_call_per_point", table_name="ticket")
