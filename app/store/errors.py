"""Why a store cannot be opened or written: plain exceptions, importable without SQLAlchemy.

Each says one sentence in English (``str(error)``: logs, command line) and carries a
message id for the screens (``error.message``, worded by the UI), and each fits its fault: a
read-only folder is not a damaged file, a full disk is not a foreign one.
:func:`classify` turns what SQLite raised into the right one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.message import Message, Worded

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 3, 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26


class StoreError(Worded):
    """The store cannot be opened or used; the message says what to do."""

    def __init__(self, english: str, message: str | Message = "store.failed", /, **params: Any):
        super().__init__(english, message, **params)


class UnreadableStoreError(StoreError):
    """The database file exists but cannot be read as a store."""


class NotAStoreError(UnreadableStoreError):
    """The file is not a Servicedisk store: empty, another program's, not SQLite at all."""


class DamagedStoreError(UnreadableStoreError):
    """The store fails SQLite's check: it is never written; restore a backup."""


class NewerSchemaError(StoreError):
    """The database was written by a newer Servicedisk than this one."""


class ReadOnlyStoreError(StoreError):
    """The store or its folder cannot be written (permissions, a read-only medium)."""


class DiskFullError(StoreError):
    """The disk holding the store is full: the change was not stored."""


class StoreBusyError(StoreError):
    """Another program holds the store's write lock for longer than we wait."""


class ServerUnavailableError(StoreError):
    """The database server cannot be reached, or did not answer in time."""


def _server_fault(orig: BaseException) -> ServerUnavailableError | None:
    """The database server's connection failed or timed out (psycopg), or None."""
    names = {cls.__name__ for cls in type(orig).__mro__}
    if not type(orig).__module__.startswith("psycopg") or "OperationalError" not in names:
        return None
    if _undone(orig):  # the server is there: it chose this press to undo (classify says so)
        return None
    if "QueryCanceled" in names:
        return ServerUnavailableError(
            f"The database server did not answer in time ({short(str(orig))}): "
            "nothing was stored. Try again in a moment.",
            "store.server_slow",
        )
    return ServerUnavailableError(
        f"The database server cannot be reached ({short(str(orig))}): nothing was stored. "
        "The program goes on when it is back.",
        "store.server_away",
    )


def _undone(orig: BaseException) -> bool:
    """SQLSTATE class 40: the server undid the transaction (a deadlock, a serialization
    failure) to let another go ahead."""
    return str(getattr(orig, "sqlstate", None) or "").startswith("40")


def short(text: str, limit: int = 80) -> str:
    """A name or a value from outside, cut to one short line for a message."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def not_a_store(path: Path, found: str, found_id: str, **params: Any) -> NotAStoreError:
    """The file at the store's place is something else; it is left as it is.

    ``found`` says what it is in English, ``found_id`` for the screen."""
    return NotAStoreError(
        f"{path} is not a Servicedisk store: {found}. It has not been changed. "
        "Point --data-dir at the office's store, or move this file away to start a new one.",
        "store.not_a_store",
        path=str(path),
        found=Message(found_id, params),
    )


def classify(exc: BaseException, path: Path | None, *, backup: str | None = None) -> StoreError:
    """The store error that fits what the database driver raised (``exc`` or its cause).

    ``backup`` names the newest good backup (for a damaged store), if there is one.
    """
    if isinstance(exc, StoreError):
        return exc
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(orig).lower()
    where = str(path) if path is not None else "the database"
    server = _server_fault(orig)
    if server is not None:
        return server
    if primary == SQLITE_FULL or "disk is full" in text or "no space" in text:
        return DiskFullError(
            f"The disk holding {where} is full: nothing was stored. Free some space and try again.",
            "store.disk_full",
        )
    if primary in (SQLITE_READONLY, SQLITE_PERM) or "readonly" in text or "read-only" in text:
        return ReadOnlyStoreError(
            f"{where} or its folder cannot be written (permissions or a read-only disk): "
            "nothing was stored. The file is unharmed.",
            "store.read_only" if path is not None else "store.read_only_unnamed",
            path=str(path),
        )
    if _undone(orig):
        return StoreBusyError(
            f"The database server undid this change to let another PC's go ahead ({short(text)}): "
            "nothing was stored. Try again.",
            "store.undone",
        )
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
        return StoreBusyError(
            f"{where} is locked by another program for too long: nothing was stored. "
            "Try again in a moment.",
            "store.locked",
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text:
        return damaged(path, str(orig), backup)
    if primary == SQLITE_CANTOPEN or "unable to open" in text:
        return UnreadableStoreError(
            f"{where} cannot be opened (a missing folder or no permission to read it).",
            "store.cannot_open" if path is not None else "store.cannot_open_unnamed",
            path=str(path),
        )
    if primary == SQLITE_IOERR or isinstance(orig, OSError):
        return StoreError(
            f"The disk holding {where} failed to read or write ({short(str(orig))}).",
            "store.disk_failed",
        )
    if isinstance(orig, sqlite3.Error):
        return StoreError(f"The database failed: {short(str(orig))}.", "store.failed")
    return StoreError(f"The database failed: {short(str(orig))}.", "store.failed")


def damaged(path: Path | None, detail: str, backup: str | None) -> DamagedStoreError:
    """The store is damaged; it is not written, and the newest good backup is named (English).

    The screen's sentence names no file: the screens offer the backup themselves.
    """
    where = str(path) if path is not None else "The database"
    if backup:
        then_en = f"Restore the newest good backup: servicedisk restore {backup}"
    else:
        then_en = "There is no backup to restore; contact IT."
    return DamagedStoreError(
        f"{where} is damaged ({short(detail)}). It has not been changed. {then_en}",
        "store.damaged",
    )
