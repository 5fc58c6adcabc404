"""A ticket's calls are found by an index: deleting a ticket (a purge) no longer reads every
call to check that none refers to it (its visit is found by its unique index already).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 10:30:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """An index on call_event.ticket_id."""
    op.create_index("ix_call_event_ticket", "call_event", ["ticket_id"])


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_call_event_ticket", table_name="call_event")
