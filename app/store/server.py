"""How a workstation talks to an office's PostgreSQL server: the write lock, the timeouts,
and the password from the desktop keyring.

Every write transaction takes one transaction-scoped advisory lock as it begins
(:func:`server_begin`), so the office's writers take turns as SQLite's
``BEGIN IMMEDIATE`` makes them (docs/server-store.md, "How the PCs stay correct
together").
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import make_url, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

# Every write transaction on a server store holds this transaction-scoped advisory lock
# ("]WRT"): the office's writers take turns, as SQLite's BEGIN IMMEDIATE makes them.
WRITE_LOCK_KEY = 0x5D_57_52_54
CONNECT_TIMEOUT_S = 5  # a server that does not answer: say so, do not hang
# A statement on a server that has not answered in this time is cancelled: a press waits
# at most this long (off the GUI thread), then says so. The few long jobs (migrations,
# db copy, purge) lift it for their own transaction (:func:`unhurried`).
STATEMENT_TIMEOUT_MS = 30_000
# A connection whose server went silent (a cable pulled, a server gone without a word)
# is found dead by TCP keepalives and an unacknowledged-send limit, not after minutes.
SERVER_CONNECT_ARGS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}


def unhurried(conn: Connection | Session) -> None:
    """Lift the statement timeout for the rest of this transaction (a long job's, on a server)."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL statement_timeout = 0"))


def server_begin(conn: Any) -> None:
    # Each use case reads what it will change inside its write transaction and checks its
    # rules there (a ticket may be called once, a point serves one visitor). At READ
    # COMMITTED two such transactions could both pass their checks; taking one lock first
    # makes them run one after the other, and every statement after the lock sees what the
    # previous writer committed. Reads take no lock and never wait for it.
    if conn.get_execution_options().get("servicedisk_write"):
        driver = conn.connection.driver_connection
        try:
            driver.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        except Exception as exc:  # the server went away: the store's own error, as any statement's
            raise OperationalError("SELECT pg_advisory_xact_lock(…)", None, exc) from exc


KEYRING_SERVICE = "servicedisk"


def keyring_entry(database_url: str) -> str:
    """The keyring's name for a server's password: ``postgresql:USER@HOST:PORT/DATABASE``."""
    url = make_url(database_url)
    return f"{url.get_backend_name()}:{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def with_keyring_password(database_url: str) -> Any:
    """The URL with the server's password from the desktop keyring, when it keeps one.

    A password is never taken from the command line or the settings file: the
    keyring, then libpq's own PGPASSFILE and PGPASSWORD (docs/server-store.md).
    """
    url = make_url(database_url)
    if url.password is not None or url.get_backend_name() == "sqlite":
        return url
    try:
        import keyring

        password = keyring.get_password(KEYRING_SERVICE, keyring_entry(database_url))
    except Exception:  # no keyring on this PC, or it is locked: libpq's own sources remain
        log.debug("no keyring password for the server", exc_info=True)
        return url
    return url.set(password=password) if password else url


def server_conninfo(database_url: str) -> str:
    """The libpq connection string for a server URL (the keyring's password added)."""
    url = with_keyring_password(database_url).set(drivername="postgresql")
    return str(url.render_as_string(hide_password=False))
