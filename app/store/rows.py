"""Plain SQL reads, with the standard library only: the read models' way into the store.

A :data:`Fetch` runs one SQL statement with named parameters (``:day``) and hands
back its rows as tuples. The front-desk read models are written against it in
portable SQL, so the same code reads through an open :class:`~app.store.engine.Store`
(SQLite or a server database) and through a :class:`SqliteReader`: a bare
``sqlite3`` connection that start-up opens to show the first window before
SQLAlchemy has loaded.

Values cross in the store's own format: on SQLite an instant is the naive UTC text
SQLAlchemy writes (``2026-11-25 09:05:00.000000``), a day is ``2026-11-25`` and a
flag is 0 or 1. :func:`instant` and :func:`flag` read either form.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from app.store.migrations import HEAD_REVISION

log = logging.getLogger(__name__)

Row = Sequence[Any]
Fetch = Callable[[str, Mapping[str, Any]], list[Row]]

BUSY_TIMEOUT_MS = 15_000


class Readable(Protocol):
    """Something that reads in one consistent transaction: a store or a SqliteReader."""

    def reading(self) -> contextlib.AbstractContextManager[Fetch]:
        """One read-only transaction, as a :data:`Fetch`."""
        ...


def _sqlite_value(value: Any) -> Any:
    """A parameter in the form SQLAlchemy stores it in SQLite."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an instant is needed")
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def sqlite_fetch(connection: sqlite3.Connection) -> Fetch:
    """A :data:`Fetch` on a DB-API sqlite3 connection (in whatever transaction it is in)."""

    def fetch(sql: str, params: Mapping[str, Any]) -> list[Row]:
        values = {name: _sqlite_value(value) for name, value in params.items()}
        return connection.execute(sql, values).fetchall()

    return fetch


def instant(value: Any) -> datetime:
    """An instant read back: aware, in UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def optional_instant(value: Any) -> datetime | None:
    """An instant read back, or None."""
    return None if value is None else instant(value)


def flag(value: Any) -> bool:
    """A boolean read back (0/1 on SQLite)."""
    return bool(value)


def document(value: Any) -> Any:
    """A JSON column read back (text on SQLite, decoded already by a server's driver)."""
    return json.loads(value) if isinstance(value, str) else value


class SqliteReader:
    """A read-only ``sqlite3`` connection to a store file at the current schema.

    Only start-up uses it: the first window is read and shown through it while
    SQLAlchemy and the store load. It never creates, upgrades or writes the file.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    @classmethod
    def open(cls, path: Path) -> SqliteReader | None:
        """A reader on the file, or None when the store must be opened in full first.

        That is when there is no file yet, or its schema is not this version's
        (an upgrade is due), or it cannot be read: opening the store in full then
        creates, upgrades or reports, as it always does.
        """
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(
                f"{path.as_uri()}?mode=rw",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
        except sqlite3.Error as exc:
            log.info("no quick read of %s: %s", path, exc)
            return None
        try:
            connection.execute("PRAGMA query_only = ON")
            (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if version != HEAD_REVISION:
                raise sqlite3.DatabaseError(f"schema {version}, this version is {HEAD_REVISION}")
            if connection.execute("SELECT 1 FROM office LIMIT 1").fetchone() is None:
                raise sqlite3.DatabaseError("no office yet")
        except (sqlite3.Error, TypeError) as exc:  # TypeError: no version row
            log.info("no quick read of %s: %s", path, exc)
            connection.close()
            return None
        return cls(connection)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Fetch]:
        """One read transaction: every statement in it sees the same snapshot."""
        self._connection.execute("BEGIN")
        try:
            yield sqlite_fetch(self._connection)
        finally:
            self._connection.execute("COMMIT")

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()
