"""Which database this PC's store is on: a server tried before it is chosen, then chosen.

Settings › Databas lets the manager put a workstation on the office's server
store (or back on its own SQLite file). Trying a URL connects with the usual
timeout and says what is there: an office's store, an empty database ready for
`servicedisk db init`, another program's tables, or why no connection was made.
The choice is kept for this PC beside its data (never with a password: that
comes from the keyring, PGPASSFILE or PGPASSWORD) and takes effect at the next
start. Choosing is audited in the store the PC uses now.
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from app.config import DATABASE_URL_FILE
from app.models import Office
from app.services import ServiceError
from app.services.access.actor import Desk, allowed
from app.services.access.audit import record
from app.store.copy import describe
from app.store.engine import make_engine, prepare_folder
from app.store.errors import StoreError

log = logging.getLogger(__name__)


class Found(enum.Enum):
    """What a tried database holds."""

    STORE = "store"  # an office's store at a revision this version opens
    EMPTY = "empty"  # no tables: `servicedisk db init` (or db copy) makes it a store
    FOREIGN = "foreign"  # another program's tables, or a newer Servicedisk's


@dataclass(frozen=True)
class DatabaseProbe:
    """What trying a database found."""

    found: Found
    office: str | None = None  # the office's name, in a store


class DatabaseUrlError(ServiceError):
    """A URL that cannot be a server store's."""


def check_server_url(url: str) -> str:
    """The URL cleaned, or DatabaseUrlError: PostgreSQL, a host and database, no password."""
    url = url.strip()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(
            f"{url!r} is not a database URL.",
            "database.url_form",
        ) from exc
    if parsed.get_backend_name() != "postgresql" or not parsed.host or not parsed.database:
        raise DatabaseUrlError(
            "A server store's URL is postgresql+psycopg://USER@HOST/DATABASE.",
            "database.url_form",
        )
    if parsed.password is not None:
        raise DatabaseUrlError(
            "A password never goes in the URL: use the keyring, PGPASSFILE or PGPASSWORD.",
            "database.url_password",
        )
    return url


@allowed("configure")
def probe_database(desk: Desk, url: str) -> DatabaseProbe:
    """Connect to the database at ``url`` (with the usual timeouts) and say what it holds."""
    url = check_server_url(url)
    engine = make_engine(url)
    try:
        state = describe(engine)
        if state.empty:
            return DatabaseProbe(Found.EMPTY)
        if state.foreign:
            return DatabaseProbe(Found.FOREIGN)
        with engine.connect() as conn:
            name = conn.execute(select(Office.name).limit(1)).scalar()
        return DatabaseProbe(Found.STORE, name)
    except DBAPIError as exc:
        log.info("the database at %s did not answer: %s", make_url(url).host, exc)
        raise StoreError(
            f"No connection to the database at {make_url(url).host}: {exc.orig}",
            "database.no_connection",
        ) from exc
    finally:
        engine.dispose()


@allowed("configure")
def use_database(desk: Desk, url: str | None) -> str | None:
    """Put this PC on the server store at ``url`` from the next start (None: its own file).

    Kept beside this PC's data, readable by this user only; returns the URL kept.
    """
    settings = desk.store.settings
    if settings is None:
        raise StoreError("This store has no data folder.", "database.no_folder")
    chosen = settings.data_dir / DATABASE_URL_FILE
    if url is None:
        chosen.unlink(missing_ok=True)
    else:
        url = check_server_url(url)
        prepare_folder(chosen.parent)
        partial = chosen.with_name(chosen.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(url + "\n")
        os.replace(partial, chosen)
    with desk.store.write() as session:
        record(session, desk.clock.now(), "config", changed="database", server=url is not None)
    return url
