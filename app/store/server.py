"""How a workstation talks to an office's PostgreSQL server: the write lock, the timeouts,
and the password from the desktop keyring.

Every write transaction takes one transaction-scoped advisory lock as it begins
(:func:`server_begin`). Most take it whole, so they take turns as SQLite's
``BEGIN IMMEDIATE`` makes them. The queue's own use cases (issue, call, finish and
the rest of a ticket's life: :data:`DESK`) share it: they run side by side,
each locking the rows it changes (the ticket, the service point) and taking
:func:`take_turn` where one rule spans the whole office. So the desk never waits
for another service point's press, and set-up, purge or a restore still run
alone (docs/server-store.md, "How the PCs stay correct together").
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
# ("]WRT"): whole for most, so they take turns as SQLite's BEGIN IMMEDIATE makes them;
# shared for the queue's use cases, which lock the rows they change besides.
WRITE_LOCK_KEY = 0x5D_57_52_54
# The write option (``servicedisk_write``) of a queue use case's transaction.
DESK = "desk"
# The call turn ("]CAL"). Calling the next visitor reads who waits, in which queue and
# order. Call-next takes this turn shared, so calls at different points run side by
# side (a ticket another call holds is passed over for the next); every press that
# changes who waits or where (a ticket called out of turn, cancelled, moved, put back)
# or locks a waiting ticket (its print status) takes it whole, so a call-next reads it
# committed or not at all. Issuing takes none: it only adds the newest ticket.
CALL_TURN_KEY = 0x5D_43_41_4C
# The fairness turn ("]FAI"): a call-next about to call a booked visitor reads the
# office's last calls (after so many booked, a walk-in's turn) one at a time.
FAIRNESS_TURN_KEY = 0x5D_46_41_49
# The kiosk turn ("]KIO"): where the office caps how many may wait, the kiosks count
# who waits and issue one at a time, so two kiosks never both take the last place.
KIOSK_TURN_KEY = 0x5D_4B_49_4F
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


_WHOLE = "SELECT pg_advisory_xact_lock(%s)"
_SHARED = "SELECT pg_advisory_xact_lock_shared(%s)"


def server_begin(conn: Any) -> None:
    # Each use case reads what it will change inside its write transaction and checks its
    # rules there (a ticket may be called once, a point serves one visitor). At READ
    # COMMITTED two such transactions could both pass their checks; taking the lock whole
    # makes them run one after the other, and every statement after it sees what the
    # previous writer committed. A queue use case shares it and locks its rows instead
    # (app/services/queue/base.py): two of them wait for each other only where they touch
    # the same ticket or point. Reads take no lock and never wait for it.
    write = conn.get_execution_options().get("servicedisk_write")
    if write:
        _advisory(conn, _SHARED if write == DESK else _WHOLE, WRITE_LOCK_KEY)


def take_turn(conn: Connection | Session, key: int) -> None:
    """Wait for this transaction's turn at one office-wide rule (a server's advisory lock,
    taken whole). On SQLite every write transaction already runs alone: nothing to do."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _advisory(conn: Any, sql: str, key: int) -> None:
    driver = conn.connection.driver_connection
    try:
        driver.execute(sql, (key,))
    except Exception as exc:  # the server went away: the store's own error, as any statement's
        raise OperationalError(sql, None, exc) from exc


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
