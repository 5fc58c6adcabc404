"""Booked visits, second step: a ticket keeps its booked time, and a service point can be
reserved for bookings.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 20:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ticket.appointment_at (filled from the bookings already checked in) and
    service_point.booking_reserve_minutes."""
    with op.batch_alter_table("ticket") as batch:
        batch.add_column(sa.Column("appointment_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("service_point") as batch:
        batch.add_column(sa.Column("booking_reserve_minutes", sa.Integer(), nullable=True))
    ticket = sa.table("ticket", sa.column("id"), sa.column("appointment_at"))
    booking = sa.table("booking", sa.column("ticket_id"), sa.column("starts_at"))
    op.get_bind().execute(
        ticket.update()
        .where(
            ticket.c.id.in_(sa.select(booking.c.ticket_id).where(booking.c.ticket_id.is_not(None)))
        )
        .values(
            appointment_at=sa.select(booking.c.starts_at)
            .where(booking.c.ticket_id == ticket.c.id)
            .limit(1)
            .scalar_subquery()
        )
    )


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("service_point") as batch:
        batch.drop_column("booking_reserve_minutes")
    with op.batch_alter_table("ticket") as batch:
        batch.drop_column("appointment_at")
