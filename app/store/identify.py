"""What the file at the store's place is, found out before anything writes to it.

A store is opened only when it is a Servicedisk store, or when there is no
file yet. An empty file, another program's database, a file that is not
SQLite, one that cannot be read and one that fails SQLite's ``quick_check``
are all refused, byte for byte untouched: opening them with the store's
engine would switch their journal mode, create our tables in them, or write
into damaged pages.

The file is read through SQLite on a read-only connection, never with
``open()``: SQLite's locks are POSIX locks, held per process, and closing
*any* descriptor of the file in this process would drop them all while a
connection of ours is open; SQLite itself keeps such a descriptor open until
its locks on the file are gone.
"""

from __future__ import annotations

import enum
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.store.errors import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    NewerSchemaError,
    StoreError,
    classify,
    damaged,
    not_a_store,
    short,
)
from app.store.migrations import KNOWN_REVISIONS
from app.store.schema import foreign_objects

# Tables every Servicedisk schema has had: with alembic_version they make a file ours.
CORE_TABLES = frozenset({"office", "queue", "ticket", "ticket_counter", "call_event"})


class Kind(enum.Enum):
    """What was found at the store's place."""

    MISSING = "missing"  # no file: a new store may be made here
    STORE = "store"  # a Servicedisk store (at some revision)
    EMPTY = "empty"  # a file of zero bytes
    BLANK = "blank"  # an SQLite database without a single table
    FOREIGN = "foreign"  # another program's SQLite database
    NOT_SQLITE = "not-sqlite"  # not an SQLite file at all
    DAMAGED = "damaged"  # ours, but failing SQLite's check
    ALTERED = "altered"  # ours, but holding objects its migrations do not make (or lacking some)
    UNREADABLE = "unreadable"  # cannot be read here (a folder, no permission, …)


@dataclass(frozen=True)
class Found:
    """The file's kind, its schema revision (a store), and what SQLite said."""

    kind: Kind
    revision: str | None = None
    detail: str = ""
    tables: tuple[str, ...] = ()


def identify(path: Path, *, check: bool = True) -> Found:
    """Find out what is at ``path``; with ``check``, run ``PRAGMA quick_check`` on a store."""
    try:
        if not path.exists():
            return Found(Kind.MISSING)
        if not path.is_file():
            return Found(Kind.UNREADABLE, detail="it is not a regular file")
        if path.stat().st_size == 0:
            return Found(Kind.EMPTY)
        if not os.access(path, os.R_OK):
            return Found(Kind.UNREADABLE, detail="no permission to read it")
    except OSError as exc:
        return Found(Kind.UNREADABLE, detail=exc.strerror or str(exc))
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return Found(Kind.UNREADABLE, detail=str(exc))
    try:
        return _inspect(connection, check)
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code == SQLITE_NOTADB or "not a database" in str(exc):
            return Found(Kind.NOT_SQLITE, detail=str(exc))
        if code == SQLITE_CORRUPT or "malformed" in str(exc):
            return Found(Kind.DAMAGED, detail=str(exc))
        return Found(Kind.UNREADABLE, detail=str(exc))
    finally:
        connection.close()


def _inspect(connection: sqlite3.Connection, check: bool) -> Found:
    connection.execute("PRAGMA query_only = ON")
    names = tuple(
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    )
    if not names:
        return Found(Kind.BLANK)
    if "alembic_version" not in names or not set(names) >= CORE_TABLES:
        return Found(Kind.FOREIGN, tables=names)
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row else None
    if revision in KNOWN_REVISIONS:
        foreign = foreign_objects(connection, revision)
        if foreign:
            return Found(Kind.ALTERED, revision, "; ".join(foreign[:3]), names)
    if check:
        result = [r[0] for r in connection.execute("PRAGMA quick_check(3)")]
        if result != ["ok"]:
            return Found(Kind.DAMAGED, revision, "; ".join(result))
    return Found(Kind.STORE, revision, tables=names)


def refusal(path: Path, found: Found, *, backup: str | None = None) -> StoreError:
    """Why the store must not be opened, as the error to raise (never for MISSING or STORE)."""
    if found.kind is Kind.EMPTY:
        return not_a_store(path, "the file is empty (0 bytes)", "store.found.empty")
    if found.kind is Kind.BLANK:
        return not_a_store(path, "an SQLite database without any table", "store.found.blank")
    if found.kind is Kind.FOREIGN:
        shown = short(", ".join(found.tables[:5]), 60)
        return not_a_store(
            path,
            f"another program's database (tables: {shown})",
            "store.found.foreign",
            tables=shown,
        )
    if found.kind is Kind.ALTERED:
        return not_a_store(
            path,
            f"a store holding what Servicedisk does not make ({short(found.detail, 160)})",
            "store.found.altered",
            detail=short(found.detail, 160),
        )
    if found.kind is Kind.NOT_SQLITE:
        return not_a_store(path, "not a database file", "store.found.not_sqlite")
    if found.kind is Kind.DAMAGED:
        return damaged(path, found.detail or "quick_check failed", backup)
    if found.kind is Kind.UNREADABLE:
        return classify(sqlite3.OperationalError(f"unable to open: {found.detail}"), path)
    raise ValueError(f"{found.kind} is not refused")


def newer(path: object, revision: str) -> NewerSchemaError:
    """The store is at a schema this version does not know."""
    return NewerSchemaError(
        f"{path} is at schema {short(revision, 40)}, which this version of Servicedisk does "
        "not know: it was written by a newer version. Install that version, or restore a backup.",
        "store.newer",
        revision=short(revision, 40),
    )
