"""The receiver's own database: its tables, its migrations, and the check that it is at head.

A SQLite file (the embedded default, for trying the receiver out) or a
PostgreSQL server (several workers, the national service). The schema changes
only through the receiver's own Alembic migrations (``servicedisk-receiver
upgrade``); a worker never creates or alters a table at start, it refuses a
database that is not at head (``/ready`` answers 503).

Besides each held document, the figures the overview reads are kept beside it
at the same write: a row per office (``office_seen``: first and last day,
working days received, the last sync) and a row per office, day and agency,
so that no page reads the documents themselves.

``live_snapshot`` holds each office's latest live snapshot (one row an office,
replaced by every push): what the visitors' "follow your place" pages read.

``booking_file`` holds the booking files delivered for an office's day (one per
office and day, replaced by a newer delivery, gone seven days after the day):
what the office fetches (:mod:`app.receiver.bookings`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import Connection, Engine

SERVICE_LEVEL_MINUTES = 15  # the national service level: called within a quarter of an hour
THREADS = 12  # a worker's threads for the database (its requests wait their turn beyond)

metadata = MetaData()

received = Table(
    "received_day",
    metadata,
    Column("office", String(40), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("document", Text, nullable=False),
    # The day's headline figures, taken from the document when it is kept.
    Column("visitors", Integer, nullable=False, server_default="0"),
    Column("served", Integer, nullable=False, server_default="0"),
    Column("waited", Integer, nullable=False, server_default="0"),
    Column("waited_within", Integer, nullable=False, server_default="0"),
    Column("wait_total_s", BigInteger, nullable=False, server_default="0"),
    Column("working_day", Integer, nullable=False, server_default="1"),
    Index("received_day_by_day", "day", "office"),
)

received_agency = Table(
    "received_agency",
    metadata,
    Column("office", String(40), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("agency", String(81), primary_key=True),
    Column("errands", Integer, nullable=False),
    Index("received_agency_by_day", "day"),
)

office_seen = Table(
    "office_seen",
    metadata,
    Column("office", String(40), primary_key=True),
    Column("first_day", Date, nullable=False),
    Column("last_day", Date, nullable=False),
    Column("days_received", Integer, nullable=False),
    Column("working_days_received", Integer, nullable=False),
    Column("last_received_at", DateTime(timezone=True), nullable=False),
)

token = Table(
    "token",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("hash", String(80), nullable=False, unique=True),
    Column("label", String(80), nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),  # valid until then
)

token_office = Table(
    "token_office",
    metadata,
    Column("token_id", Integer, ForeignKey("token.id", ondelete="CASCADE"), primary_key=True),
    Column("office", String(40), primary_key=True),  # "*": every office (the central office)
)

live_snapshot = Table(
    "live_snapshot",
    metadata,
    Column("office", String(40), primary_key=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("body", Text, nullable=False),  # the snapshot as validated (app.sync.live)
)

booking_file = Table(
    "booking_file",
    metadata,
    Column("office", String(40), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("sha256", String(64), nullable=False),  # hex: the file's ETag
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("body", LargeBinary, nullable=False),  # the file as delivered, checked before kept
    Index("booking_file_by_day", "day"),  # the purge of days past
)

MIGRATIONS = Path(__file__).parent / "migrations"


def open_engine(url: str) -> Engine:
    """An engine on the receiver's database; nothing is created or changed by opening it."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _wal(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # BEGIN is ours (below)
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
            dbapi_connection.execute("PRAGMA synchronous = FULL")
            dbapi_connection.execute("PRAGMA foreign_keys = ON")

        @event.listens_for(engine, "begin")
        def _immediate(conn: Any) -> None:  # writers queue up instead of failing to upgrade
            conn.connection.driver_connection.execute("BEGIN IMMEDIATE")

        return engine
    # As many connections as a worker has threads that may hold one (THREADS, set at its
    # start), kept open: a pool that overflows opens and closes a server backend per burst,
    # and the national year then spends half its time making connections. No ping before
    # each use (a round trip per request): a connection the server dropped is replaced
    # after the one request that finds it, and none is kept past half an hour.
    return create_engine(
        url, pool_size=THREADS + 2, max_overflow=0, pool_recycle=1800, pool_timeout=60
    )


def _config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision of the receiver's schema."""
    from alembic.script import ScriptDirectory

    config = _config(None)  # type: ignore[arg-type]
    return str(ScriptDirectory.from_config(config).get_current_head())


def current(engine: Engine) -> str | None:
    """The database's revision, or None for one never upgraded."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def at_head(engine: Engine) -> bool:
    """Whether the database is at the receiver's newest schema (readiness)."""
    return current(engine) == head()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Migrate the database to head, in one transaction; (revision before, revision after).

    Several processes may run it at once: on a server the first holds an advisory
    lock and the others wait, then find nothing to do.
    """
    from alembic import command

    before = current(engine)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7162534)")  # one upgrade at a time
        command.upgrade(_config(conn), "head")
    return before, head()
