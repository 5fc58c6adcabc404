"""The receiver's first schema: held days, their figures per office and agency, and tokens.

A database made by the receiver before it had migrations (``received_day``
alone, made at start) is taken over: the figures the overview reads are added
and filled from the documents already held, a few hundred at a time.

Revision ID: r0001
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None

FIGURES = ("visitors", "served", "waited", "waited_within", "wait_total_s", "working_day")


def upgrade() -> None:
    conn = op.get_bind()
    existing = sa.inspect(conn).get_table_names()
    if "received_day" in existing:
        with op.batch_alter_table("received_day") as batch:
            for name in FIGURES:
                kind = sa.BigInteger() if name == "wait_total_s" else sa.Integer()
                batch.add_column(sa.Column(name, kind, nullable=False, server_default="0"))
    else:
        op.create_table(
            "received_day",
            sa.Column("office", sa.String(40), primary_key=True),
            sa.Column("day", sa.Date, primary_key=True),
            sa.Column("revision", sa.Integer, nullable=False),
            sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("document", sa.Text, nullable=False),
            sa.Column("visitors", sa.Integer, nullable=False, server_default="0"),
            sa.Column("served", sa.Integer, nullable=False, server_default="0"),
            sa.Column("waited", sa.Integer, nullable=False, server_default="0"),
            sa.Column("waited_within", sa.Integer, nullable=False, server_default="0"),
            sa.Column("wait_total_s", sa.BigInteger, nullable=False, server_default="0"),
            sa.Column("working_day", sa.Integer, nullable=False, server_default="1"),
        )
    op.create_index("received_day_by_day", "received_day", ["day", "office"])
    op.create_table(
        "received_agency",
        sa.Column("office", sa.String(40), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("agency", sa.String(81), primary_key=True),
        sa.Column("errands", sa.Integer, nullable=False),
    )
    op.create_index("received_agency_by_day", "received_agency", ["day"])
    op.create_table(
        "office_seen",
        sa.Column("office", sa.String(40), primary_key=True),
        sa.Column("first_day", sa.Date, nullable=False),
        sa.Column("last_day", sa.Date, nullable=False),
        sa.Column("days_received", sa.Integer, nullable=False),
        sa.Column("working_days_received", sa.Integer, nullable=False),
        sa.Column("last_received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "token",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("hash", sa.String(80), nullable=False, unique=True),
        sa.Column("label", sa.String(80), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "token_office",
        sa.Column(
            "token_id",
            sa.Integer,
            sa.ForeignKey("token.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("office", sa.String(40), primary_key=True),
    )
    if "received_day" in existing:
        _fill_from_documents(conn)


def _fill_from_documents(conn: sa.Connection) -> None:
    """The figures of the days held before: read in pages, written the way a PUT writes them."""
    from app.receiver.keeping import Headline, is_working_day

    stamp, day = sa.DateTime(timezone=True), sa.Date()
    kinds: dict[str, Any] = {
        "day": day,
        "first_day": day,
        "last_day": day,
        "received_at": stamp,
        "last_received_at": stamp,
    }
    day_t = sa.table(
        "received_day",
        *(
            sa.column(n, kinds.get(n))
            for n in ("office", "day", "received_at", "document", *FIGURES)
        ),
    )
    agency_t = sa.table(
        "received_agency", *(sa.column(n) for n in ("office", "day", "agency", "errands"))
    )
    seen: dict[str, dict] = {}
    after: tuple = ("", None)
    while True:
        query = sa.select(day_t.c.office, day_t.c.day, day_t.c.received_at, day_t.c.document)
        if after[1] is not None:
            query = query.where(sa.tuple_(day_t.c.office, day_t.c.day) > sa.tuple_(*after))
        rows = list(conn.execute(query.order_by(day_t.c.office, day_t.c.day).limit(500)))
        if not rows:
            break
        for row in rows:
            headline = Headline.of(json.loads(row.document))
            working = is_working_day(row.day)
            conn.execute(
                day_t.update()
                .where(day_t.c.office == row.office, day_t.c.day == row.day)
                .values(**headline.columns(), working_day=int(working))
            )
            if headline.agencies:
                conn.execute(
                    agency_t.insert(),
                    [
                        {"office": row.office, "day": row.day, "agency": a, "errands": n}
                        for a, n in headline.agencies.items()
                    ],
                )
            at = row.received_at if row.received_at is not None else datetime.now(UTC)
            mark = seen.setdefault(
                row.office,
                {
                    "office": row.office,
                    "first_day": row.day,
                    "last_day": row.day,
                    "days_received": 0,
                    "working_days_received": 0,
                    "last_received_at": at,
                },
            )
            mark["last_day"] = row.day
            mark["days_received"] += 1
            mark["working_days_received"] += int(working)
            mark["last_received_at"] = max(mark["last_received_at"], at)
        after = (rows[-1].office, rows[-1].day)
    if seen:
        columns = (
            "office",
            "first_day",
            "last_day",
            "days_received",
            "working_days_received",
            "last_received_at",
        )
        conn.execute(
            sa.table("office_seen", *(sa.column(n) for n in columns)).insert(), list(seen.values())
        )


def downgrade() -> None:
    for name in ("token_office", "token", "office_seen", "received_agency", "received_day"):
        op.drop_table(name)
