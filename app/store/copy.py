"""A whole store copied between databases, row for row: SQLite ↔ PostgreSQL.

The same code moves an office's history to a server (`servicedisk db copy`),
writes a server store's backups as portable SQLite files, and puts a backup
back into a live store. The source is read in one read transaction (a
consistent snapshot); the target is written in one write transaction, holding
its write lock, so it is copied whole or not at all, and no workstation writes
into it half-way. A restore replaces the rows in a transaction of its own
(:func:`replace_rows`), with what else must commit with them. Rows keep their
ids; a server's id sequences then continue after the highest copied.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from app.models import Base
from app.store.identify import CORE_TABLES
from app.store.migrations import KNOWN_REVISIONS
from app.store.server import unhurried

BATCH = 2000  # rows per insert: memory stays flat whatever the history's length


def tables() -> list[Table]:
    """The store's tables, each after the ones it refers to."""
    return list(Base.metadata.sorted_tables)


@dataclass(frozen=True)
class ServerState:
    """What a database holds before anything is written to it."""

    tables: tuple[str, ...]
    revision: str | None

    @property
    def empty(self) -> bool:
        """No table at all: a new store may be made here."""
        return not self.tables

    @property
    def ours(self) -> bool:
        """A Servicedisk store, at a revision this version knows."""
        return self.revision in KNOWN_REVISIONS and set(self.tables) >= CORE_TABLES

    @property
    def foreign(self) -> bool:
        """Another program's tables (or a Servicedisk schema newer than this version)."""
        return not self.empty and not self.ours


def describe(engine: Engine) -> ServerState:
    """The tables in the database's schema and its Alembic revision; changes nothing."""
    with engine.connect() as conn:
        names = tuple(sorted(inspect(conn).get_table_names()))
        revision = None
        if "alembic_version" in names:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return ServerState(names, revision)


def row_counts(bind: Engine | Connection) -> dict[str, int]:
    """Rows per table, in one read transaction (or in the one ``bind`` is in)."""
    if isinstance(bind, Connection):
        return {
            t.name: int(bind.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in tables()
        }
    with bind.connect() as conn, conn.begin():
        return row_counts(conn)


def copy_rows(source: Engine, target: Engine) -> dict[str, int]:
    """Replace every row of the target's tables with the source's; rows copied per table.

    The target must hold the store's schema at the source's revision. Its id
    sequences (a server's) continue after the highest id copied.
    """
    with snapshot(source) as src:
        return copy_rows_from(src, target)


@contextlib.contextmanager
def snapshot(source: Engine) -> Iterator[Connection]:
    """A read transaction that sees the store as it was when it began, whatever other PCs
    commit meanwhile: a server's at REPEATABLE READ, read only (a SQLite read transaction
    is one already). A copy and its check read the same office."""
    options: dict[str, Any] = {}
    if source.dialect.name == "postgresql":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with source.connect() as conn:
        reader = conn.execution_options(**options) if options else conn
        with reader.begin():
            yield reader


def copy_rows_from(src: Connection, target: Engine) -> dict[str, int]:
    """As :func:`copy_rows`, from the read transaction ``src`` is in (:func:`snapshot`)."""
    writer = target.execution_options(servicedisk_write=True)
    with writer.begin() as dst:
        copied = _replace(src, dst)
        if dst.dialect.name == "postgresql":
            _continue_sequences(dst, back=True)
    return copied


def replace_rows(src: Connection, dst: Connection) -> dict[str, int]:
    """Replace every row behind ``dst`` with those behind ``src``, in the transactions both
    are in (the caller's); rows copied per table. Nothing is committed here.

    A server's id sequences are moved on past the highest id copied, never back: a
    sequence is not rolled back with the transaction, and one moved back under rows
    that stay would hand out their ids again.
    """
    copied = _replace(src, dst)
    if dst.dialect.name == "postgresql":
        _continue_sequences(dst, back=False)
    return copied


def _replace(src: Connection, dst: Connection) -> dict[str, int]:
    unhurried(src)
    unhurried(dst)
    if dst.dialect.name == "sqlite":
        dst.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # checked at the commit
    for table in reversed(tables()):
        dst.execute(table.delete())
    return {table.name: _copy_table(src, dst, table) for table in tables()}


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    if src.dialect.name == dst.dialect.name == "sqlite":
        return _copy_sqlite_table(src, dst, table)
    rows = src.execution_options(yield_per=BATCH).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    count = 0
    for part in rows.partitions():
        dst.execute(table.insert(), [dict(row._mapping) for row in part])
        count += len(part)
    return count


def _copy_sqlite_table(src: Connection, dst: Connection, table: Table) -> int:
    """SQLite to SQLite (a restore): the stored values as they are, through the driver, not
    each turned into Python's and back (many times faster: the write lock is held that less)."""
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    order = ", ".join(f'"{column.name}"' for column in table.primary_key.columns)
    read = f'SELECT {columns} FROM "{table.name}" ORDER BY {order}'
    write = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(table.c))})'
    reader, writer = _driver(src), _driver(dst)
    count = 0
    try:
        rows = reader.execute(read)
        while part := rows.fetchmany(BATCH):
            writer.executemany(write, part)
            count += len(part)
    except sqlite3.Error as exc:  # the store's own error, as any statement's
        raise DBAPIError.instance(write, None, exc, sqlite3.Error) from exc
    return count


def _driver(conn: Connection) -> sqlite3.Connection:
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _continue_sequences(dst: Connection, *, back: bool) -> None:
    """A server's id sequences go on after the highest id copied (rows kept their ids);
    ``back``: set to it even where a sequence stood further on (a new or replaced copy)."""
    for table in tables():
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        sequence = dst.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        ).scalar()
        if sequence is None:
            continue
        top = dst.execute(select(func.max(table.c.id))).scalar()
        if not back:
            last = dst.execute(
                text("SELECT pg_sequence_last_value(CAST(:sequence AS regclass))"),
                {"sequence": sequence},
            ).scalar()
            if top is None or (last is not None and last >= top):
                continue
        dst.execute(
            text("SELECT setval(:sequence, :value, :called)"),
            {"sequence": sequence, "value": top or 1, "called": top is not None},
        )
