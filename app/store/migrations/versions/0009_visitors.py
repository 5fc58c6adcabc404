"""The visitor's side: the language a ticket was taken in, where it was taken, the key of
its follow-your-place page; a visitor's call for help from the kiosk; the kiosk's rules.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 17:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIOSK_LANGUAGES = "sv,en,ar,fa,so,ti,uk"


def upgrade() -> None:
    """Add ticket.language/source/follow_key, help_request and the office's kiosk rules."""
    with op.batch_alter_table("ticket") as batch:
        batch.add_column(sa.Column("language", sa.String(12), nullable=True))
        batch.add_column(sa.Column("source", sa.String(12), nullable=True))
        batch.add_column(sa.Column("follow_key", sa.String(24), nullable=True))
    op.create_table(
        "help_request",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("ticket.id"), nullable=True),
        sa.Column("source", sa.String(12), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
    )
    op.create_index("ix_help_request_day", "help_request", ["business_day"])
    op.create_index("ix_help_request_ticket", "help_request", ["ticket_id"])
    with op.batch_alter_table("office") as batch:
        batch.add_column(
            sa.Column(
                "kiosk_languages", sa.String(200), nullable=False, server_default=KIOSK_LANGUAGES
            )
        )
        batch.add_column(
            sa.Column("kiosk_cutoff_minutes", sa.Integer(), nullable=False, server_default="15")
        )
        batch.add_column(
            sa.Column("kiosk_idle_seconds", sa.Integer(), nullable=False, server_default="60")
        )
        batch.add_column(sa.Column("max_waiting", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("live_page", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("office") as batch:
        for column in (
            "live_page",
            "max_waiting",
            "kiosk_idle_seconds",
            "kiosk_cutoff_minutes",
            "kiosk_languages",
        ):
            batch.drop_column(column)
    op.drop_index("ix_help_request_ticket", table_name="help_request")
    op.drop_index("ix_help_request_day", table_name="help_request")
    op.drop_table("help_request")
    with op.batch_alter_table("ticket") as batch:
        for column in ("follow_key", "source", "language"):
            batch.drop_column(column)
