"""Booked visits: the day's bookings (no identity: the reference only as a salted hash), the
ticket a check-in gave (due at the booked time), and the office's rules for them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 18:30:00

"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add booking, ticket.due_at and the office's booking salt and tolerance."""
    op.create_table(
        "booking",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("ref_hash", sa.String(64), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), sa.ForeignKey("agency.id"), nullable=False),
        sa.Column("errand_type_id", sa.Integer(), sa.ForeignKey("errand_type.id"), nullable=True),
        sa.Column("language", sa.String(12), nullable=True),
        sa.Column("interpreter", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("state", sa.String(12), nullable=False, server_default="booked"),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("ticket.id"), nullable=True),
        sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("ref_hash"),
    )
    op.create_index("ix_booking_day", "booking", ["business_day"])
    op.create_index("ix_booking_ticket", "booking", ["ticket_id"])
    with op.batch_alter_table("ticket") as batch:
        batch.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("booking_salt", sa.String(64), nullable=True))
        batch.add_column(
            sa.Column(
                "booking_tolerance_minutes", sa.Integer(), nullable=False, server_default="10"
            )
        )
    office = sa.table("office", sa.column("id", sa.Integer()), sa.column("booking_salt"))
    bind = op.get_bind()
    for (office_id,) in bind.execute(sa.select(office.c.id)).all():
        bind.execute(
            office.update()
            .where(office.c.id == office_id)
            .values(booking_salt=secrets.token_hex(32))
        )


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("office") as batch:
        batch.drop_column("booking_tolerance_minutes")
        batch.drop_column("booking_salt")
    with op.batch_alter_table("ticket") as batch:
        batch.drop_column("due_at")
    op.drop_index("ix_booking_ticket", table_name="booking")
    op.drop_index("ix_booking_day", table_name="booking")
    op.drop_table("booking")
