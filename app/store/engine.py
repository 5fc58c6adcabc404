"""Engine and sessions: SQLite pragmas, write transactions, migrations on open.

A store is opened with :func:`open_store`. It opens only a Servicedisk store
that passes SQLite's check, or makes a new one where there is no file (built
aside and linked into place whole, so a half-made store is never at the
store's place); anything else is refused untouched (:mod:`app.store.identify`).
It upgrades the schema with Alembic (after a backup), and seeds a new store
with the seed office, under a lock so several processes may open the same
store at once. A write that meets a damaged page turns the store read-only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.store.acting import require_actor
from app.store.errors import DamagedStoreError, ServerUnavailableError, StoreError, classify
from app.store.identify import Found, Kind, identify, newer, refusal
from app.store.migrations import HEAD_REVISION, KNOWN_REVISIONS
from app.store.rows import BUSY_TIMEOUT_MS, Fetch, Row, sqlite_fetch
from app.store.server import DESK, SERVER_CONNECT_ARGS, server_begin, with_keyring_password

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
    try:
        engine = create_engine(
            with_keyring_password(database_url),
            pool_pre_ping=True,
            connect_args=dict(SERVER_CONNECT_ARGS),
        )
    except ModuleNotFoundError as exc:  # the driver is an extra: servicedisk[postgres]
        raise StoreError(
            f"The database driver for {database_url.split(':', 1)[0]} is not installed: "
            "install servicedisk[postgres] (pip install 'servicedisk[postgres]').",
            "store.no_driver",
        ) from exc
    if engine.dialect.name == "postgresql":
        event.listen(engine, "begin", server_begin)
    return engine


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
    _desk: sessionmaker[Session] = field(init=False, repr=False)
    _desk_engine: Engine = field(init=False, repr=False)

    # Set when a statement met a damaged page: from then on nothing is written.
    damaged: DamagedStoreError | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._write_engine = self.engine.execution_options(servicedisk_write=True)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)
        self._desk_engine = self.engine.execution_options(servicedisk_write=DESK)
        self._desk = sessionmaker(self._desk_engine, expire_on_commit=False)

    @contextlib.contextmanager
    def write(self, *, desk: bool = False) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on error.

        Only inside a use case (:mod:`app.store.acting`). ``desk``: a queue use case
        that locks the rows it changes, so on a server it runs beside other service
        points' presses instead of after them (:mod:`app.store.server`).
        """
        require_actor()
        if self.damaged is not None:
            raise self.damaged
        try:
            with (self._desk if desk else self._write).begin() as session:
                yield session
        except DBAPIError as exc:
            raise self._failed(exc) from exc

    @contextlib.contextmanager
    def write_connection(self, *, desk: bool = False) -> Iterator[Connection]:
        """One write transaction on a bare Core connection, for the hottest paths (a use case's)."""
        require_actor()
        if self.damaged is not None:
            raise self.damaged
        try:
            with (self._desk_engine if desk else self._write_engine).begin() as conn:
                yield conn
        except DBAPIError as exc:
            raise self._failed(exc) from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """One read-only transaction on a consistent snapshot."""
        try:
            with self._read() as session, session.begin():
                yield session
        except DBAPIError as exc:
            raise self._failed(exc) from exc

    @contextlib.contextmanager
    def reading(self) -> Iterator[Fetch]:
        """One read-only transaction for plain SQL (the read models): see :mod:`app.store.rows`."""
        try:
            with self.engine.connect() as connection, connection.begin():
                driver = connection.connection.driver_connection
                if connection.dialect.name == "sqlite" and isinstance(driver, sqlite3.Connection):
                    yield sqlite_fetch(driver)
                else:

                    def fetch(sql: str, params: Mapping[str, Any]) -> list[Row]:
                        return [tuple(row) for row in connection.execute(text(sql), dict(params))]

                    yield fetch
        except (DBAPIError, sqlite3.Error) as exc:
            raise self._failed(exc) from exc

    def _failed(self, exc: BaseException) -> StoreError:
        """The store error for a failed statement; a damaged page stops all writing."""
        path = self.settings.sqlite_path if self.settings is not None else None
        error = classify(exc, path, backup=newest_backup_name(self.settings))
        if isinstance(error, ServerUnavailableError):  # said where it matters; no trace each time
            log.warning("database statement failed: %s", error)
        else:
            log.error("database statement failed: %s", exc, exc_info=exc)
        if isinstance(error, DamagedStoreError) and self.damaged is None:
            log.error("the store is damaged; it is read-only from now on")
            self.damaged = error
        return error

    @property
    def dialect(self) -> str:
        """The database dialect name ("sqlite", "postgresql")."""
        return self.engine.dialect.name

    def give_way(self, took: float) -> None:
        """After one write transaction of a long job (a day of a purge, a batch of
        summaries) that took ``took`` seconds, let a waiting ticket press in.

        SQLite has no queue for its write lock: a writer that waits looks again 1, 2,
        5 … and at last 100 ms apart, and a job that takes the lock again at once can
        keep it out for a second. So the job rests twice as long as it wrote (10 ms at
        least). A server's lock is a queue: nothing to do there.
        """
        if self.dialect == "sqlite":
            time.sleep(max(0.01, 2 * took))

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def newest_backup_name(settings: Settings | None) -> str | None:
    """The newest sound backup of a SQLite store, to name in a message, or None."""
    from app.store.backup import newest_good_backup

    if settings is None or settings.sqlite_path is None:
        return None
    found = newest_good_backup(settings.backups_dir)
    return str(found.path) if found else None


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def beside(path: Path, suffix: str) -> Path:
    """A file of its own beside the store's real file: symlinks are followed, so two data
    dirs that lead to one store (a linked folder or file) share it."""
    real = path.resolve()
    return real.with_name(real.name + suffix)


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Serialise create/upgrade/seed/restore of the store at ``path`` across processes.

    The lock is a file of its own beside the store, never the store's file.
    """
    lock_path = beside(path, ".lock")
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


@contextlib.contextmanager
def _open_lock(settings: Settings, engine: Engine) -> Iterator[None]:
    """Serialise create/upgrade/seed across processes."""
    path = settings.sqlite_path
    if path is not None:
        with file_lock(path):
            yield
        return
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


def _upgrade(engine: Engine) -> None:
    upgrade_to(engine, "head")


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations up to ``revision`` ("head" for this version's schema)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.execution_options(servicedisk_write=True).connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def upgrade(engine: Engine) -> None:
    """Bring the database at ``engine`` to this version's schema (Alembic)."""
    _upgrade(engine)


def open_store(
    settings: Settings,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    seed: Callable[[Store], object] | None = None,
    check: bool = True,
) -> Store:
    """Open (create, upgrade, seed) the store the settings point to.

    Opens only a Servicedisk store (passing ``PRAGMA quick_check`` unless
    ``check`` is off) or makes a new one where there is no file. Never
    replaces, recreates or writes to anything else: raises a
    :class:`StoreError` that says what was found instead.
    """
    path = settings.sqlite_path
    if path is not None:
        _identify_or_create(settings, path, now, seed, check)
    engine = make_engine(settings.database_url)
    store = Store(engine, settings)
    try:
        if path is None:
            _refuse_foreign_server(engine)
        at = current_revision(engine)
        if path is None and at is not None:
            refuse_altered_server(engine, at_head=at == HEAD_REVISION)
        if at != HEAD_REVISION:
            with _open_lock(settings, engine):
                _migrate_locked(store, now)
                if path is None:
                    refuse_altered_server(engine, at_head=True)
                if seed is not None:
                    seed(store)
        elif seed is not None and not _has_office(store):
            with _open_lock(settings, engine):
                seed(store)
    except DBAPIError as exc:
        engine.dispose()
        raise store._failed(exc) from exc
    except BaseException:
        engine.dispose()
        raise
    return store


def refuse_altered_server(engine: Engine, *, at_head: bool) -> None:
    """A server store holding what its migrations do not make is refused, untouched."""
    from app.store.server_schema import refuse_altered

    refuse_altered(engine, at_head=at_head)


def _refuse_foreign_server(engine: Engine) -> None:
    """A server database with another program's tables is never made a store (untouched)."""
    from app.store.copy import describe

    state = describe(engine)
    if state.foreign and state.revision is not None and state.revision not in KNOWN_REVISIONS:
        raise newer(engine.url.render_as_string(hide_password=True), state.revision)
    if state.foreign:
        shown = ", ".join(state.tables[:5])
        raise StoreError(
            f"The database holds another program's tables ({shown}); it is left untouched. "
            "Give Servicedisk an empty database of its own.",
            "store.server_foreign",
        )


def prepare_folder(folder: Path) -> None:
    """Make the store's folder, or say in one sentence why it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise StoreError(
            f"{folder} is a file, not a folder: give --data-dir a folder.",
            "store.folder_is_file",
            folder=str(folder),
        ) from exc
    except OSError as exc:
        raise StoreError(
            f"The folder {folder} cannot be made ({exc.strerror or exc}).",
            "store.folder_not_made",
            folder=str(folder),
        ) from exc


def _identify_or_create(
    settings: Settings,
    path: Path,
    now: Callable[[], datetime],
    seed: Callable[[Store], object] | None,
    check: bool,
) -> None:
    prepare_folder(path.parent)
    found = identify(path, check=check)
    if found.kind is Kind.MISSING:
        with file_lock(path):
            found = identify(path, check=check)  # again: another process may have made it
            if found.kind is Kind.MISSING:
                _create(settings, path, now, seed)
                return
    if found.kind is not Kind.STORE:
        raise refusal(path, found, backup=newest_backup_name(settings))
    if found.revision is None or not _known_revision(found.revision):
        raise newer(path, found.revision or "(none)")


def _create(
    settings: Settings,
    path: Path,
    now: Callable[[], datetime],
    seed: Callable[[Store], object] | None,
) -> None:
    """Build a new store aside, then link it into place whole (under the file lock)."""
    aside = path.with_name(f".{path.name}.new-{os.getpid()}")
    for leftover in _with_sidecars(aside):
        leftover.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{aside}")
    try:
        store = Store(engine, None)
        _upgrade(engine)
        if seed is not None:
            seed(store)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except DBAPIError as exc:
        raise classify(exc, path) from exc
    finally:
        engine.dispose()
    try:
        try:
            os.link(aside, path)  # never over a file that appeared meanwhile
        except FileExistsError:
            log.warning("a store appeared at %s while one was made; keeping that one", path)
        except OSError:  # no hard links here (FAT, some shares): a rename, under the lock
            if not path.exists():
                os.replace(aside, path)
    except OSError as exc:
        raise classify(exc, path) from exc
    finally:
        for made in _with_sidecars(aside):
            made.unlink(missing_ok=True)
    log.info("made a new store at %s", path)


def _with_sidecars(path: Path) -> tuple[Path, ...]:
    return (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))


def _has_office(store: Store) -> bool:
    with store.read() as session:
        return bool(session.execute(text("SELECT count(*) FROM office")).scalar())


def _migrate_locked(store: Store, now: Callable[[], datetime]) -> None:
    at = current_revision(store.engine)  # again: another process may have done it
    if at == HEAD_REVISION:
        return
    if at is not None and not _known_revision(at):
        raise newer("The database", at)
    if at is None:
        with store.engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
        if tables:  # a server database with another program's tables in it
            raise refusal(
                Path(store.engine.url.database or "database"),
                Found(Kind.FOREIGN, tables=tuple(tables)),
            )
    if at is not None and store.settings is not None and store.settings.sqlite_path:
        from app.store.backup import backup_sqlite

        target = backup_sqlite(
            store.engine, store.settings.backups_dir, reason=f"before-upgrade-{at}", now=now()
        )
        log.info(
            "backed up %s before upgrading from %s: %s", store.settings.sqlite_path, at, target
        )
    log.info("upgrading the database from %s to %s", at, HEAD_REVISION)
    _upgrade(store.engine)


def _known_revision(revision: str) -> bool:
    return revision in KNOWN_REVISIONS
