"""Engine and sessions: SQLite pragmas, write transactions, migrations on open.

A store is opened with :func:`open_store`. It upgrades the schema with
Alembic (after a backup copy of the file), and seeds a new store with the
seed office, under a lock so several processes may open the same store at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.migrations import HEAD_REVISION
from app.models.errors import NewerSchemaError, StoreError, UnreadableStoreError
from app.models.rows import BUSY_TIMEOUT_MS, Fetch, Row, sqlite_fetch, sqlite_file_problem

log = logging.getLogger(__name__)


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # We emit BEGIN ourselves (see _sqlite_begin), so the driver must not.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # A write transaction takes the write lock at once (BEGIN IMMEDIATE): a
    # deferred one that reads first could fail to upgrade its lock when another
    # process wrote in between, instead of waiting its turn.
    mode = "IMMEDIATE" if conn.get_execution_options().get("servicedisk_write") else "DEFERRED"
    # Straight to the driver: this runs before every transaction, the hot paths included.
    conn.connection.driver_connection.execute(f"BEGIN {mode}")


def make_engine(database_url: str) -> Engine:
    """An engine for the URL, with the SQLite pragmas and transaction handling set."""
    if database_url.startswith("sqlite"):
        engine = create_engine(
            database_url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(database_url, pool_pre_ping=True)


@dataclass
class Store:
    """An open store: hands out read and write sessions."""

    engine: Engine
    settings: Settings | None = None
    # Per-process memos of services (e.g. the last business day whose leftovers were closed).
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _read: sessionmaker[Session] = field(init=False, repr=False)
    _write: sessionmaker[Session] = field(init=False, repr=False)
    _write_engine: Engine = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._write_engine = self.engine.execution_options(servicedisk_write=True)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on error."""
        with self._write.begin() as session:
            yield session

    @contextlib.contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """One write transaction on a bare Core connection, for the hottest paths."""
        with self._write_engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """One read-only transaction on a consistent snapshot."""
        with self._read() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Fetch]:
        """One read-only transaction for plain SQL (the read models): see :mod:`app.models.rows`."""
        with self.engine.connect() as connection, connection.begin():
            driver = connection.connection.driver_connection
            if connection.dialect.name == "sqlite" and isinstance(driver, sqlite3.Connection):
                yield sqlite_fetch(driver)
            else:

                def fetch(sql: str, params: Mapping[str, Any]) -> list[Row]:
                    return [tuple(row) for row in connection.execute(text(sql), dict(params))]

                yield fetch

    @property
    def dialect(self) -> str:
        """The database dialect name ("sqlite", "postgresql")."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _describe_unreadable(path: Path, exc: Exception) -> UnreadableStoreError:
    return UnreadableStoreError(
        f"The database {path} cannot be read ({exc}). It has not been changed. "
        f"Move it away and copy the newest backup from {path.parent / 'backups'} in its place."
    )


@contextlib.contextmanager
def _open_lock(settings: Settings, engine: Engine) -> Iterator[None]:
    """Serialise create/upgrade/seed across processes."""
    path = settings.sqlite_path
    if path is None:
        if engine.dialect.name == "postgresql":
            with engine.connect() as conn:
                conn.execute(text("SELECT pg_advisory_lock(727400)"))
                try:
                    yield
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(727400)"))
                    conn.commit()
            return
        yield
        return
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if os.name != "nt":
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent.parent / "migrations"))
    with engine.execution_options(servicedisk_write=True).connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_store(
    settings: Settings,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    seed: Callable[[Store], object] | None = None,
) -> Store:
    """Open (create, upgrade, seed) the store the settings point to.

    Never replaces or silently recreates an unreadable database: raises
    :class:`UnreadableStoreError` instead.
    """
    path = settings.sqlite_path
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size > 0:
            problem = sqlite_file_problem(path)
            if problem is not None:
                raise _describe_unreadable(path, ValueError(problem))
    engine = make_engine(settings.database_url)
    store = Store(engine, settings)
    try:
        at = current_revision(engine)
        if at != HEAD_REVISION:
            with _open_lock(settings, engine):
                _migrate_locked(store, now)
                if seed is not None:
                    seed(store)
        elif seed is not None and not _has_office(store):
            with _open_lock(settings, engine):
                seed(store)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        if path is not None:
            raise _describe_unreadable(path, exc.orig or exc) from exc
        raise StoreError(f"The database cannot be opened: {exc.orig or exc}") from exc
    except BaseException:
        engine.dispose()
        raise
    return store


def _has_office(store: Store) -> bool:
    with store.read() as session:
        return bool(session.execute(text("SELECT count(*) FROM office")).scalar())


def _migrate_locked(store: Store, now: Callable[[], datetime]) -> None:
    at = current_revision(store.engine)  # again: another process may have done it
    if at == HEAD_REVISION:
        return
    if at is not None and not _known_revision(at):
        raise NewerSchemaError(
            f"The database is at schema {at}, which this version of Servicedisk does not "
            "know; it was written by a newer version. Install that version or restore a backup."
        )
    if at is not None and store.settings is not None and store.settings.sqlite_path:
        from app.models.backup import backup_sqlite

        target = backup_sqlite(
            store.engine, store.settings.backups_dir, reason=f"before-upgrade-{at}", now=now()
        )
        log.info(
            "backed up %s before upgrading from %s: %s", store.settings.sqlite_path, at, target
        )
    log.info("upgrading the database from %s to %s", at, HEAD_REVISION)
    _upgrade(store.engine)


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(Path(__file__).parent.parent / "migrations"))
    try:
        return scripts.get_revision(revision) is not None
    except Exception:
        return False
