"""Consistent copies of the SQLite store, and putting one back.

Copies are taken with SQLite's online backup API, never by copying the live
file: daily, before every upgrade and restore, and on demand. Each is written
aside and renamed into ``backups/`` whole, so a half-written copy is never
listed, and what a killed copy leaves behind goes at the next start. A verified
copy goes back into a sound store row for row, in one transaction
(:mod:`app.services.upkeep.backups`); :func:`replace_unsound` puts one in place
of a file no program can use.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from app.store.errors import StoreError, classify
from app.store.identify import Found, Kind, identify

log = logging.getLogger(__name__)

_NAME = re.compile(r"^servicedisk-(\d{8}T\d{12})Z-([a-z0-9.-]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    """One copy under ``backups/``: when it was taken, why, and its size."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def backup_path(backups_dir: Path, *, reason: str, now: datetime) -> Path:
    """Where a backup taken now for this reason goes (the name says when and why)."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")
    return backups_dir / f"servicedisk-{stamp}Z-{reason}.sqlite3"


def backup_sqlite(engine: Engine, backups_dir: Path, *, reason: str, now: datetime) -> Path:
    """Copy the live SQLite database consistently to a new file under backups_dir."""
    target = backup_path(backups_dir, reason=reason, now=now)
    copy_store(engine, target)
    return target


def copy_store(engine: Engine, target: Path) -> None:
    """Copy the live SQLite database behind ``engine`` to a new file ``target``."""
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        copy_into_new_file(source, target)
    finally:
        raw.close()


def copy_into_new_file(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of ``source`` to ``target``, which must not exist yet."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            raise StoreError(
                f"{target} exists already; choose another file.",
                "store.backup_exists",
                path=str(target),
            )
        partial = partial_path(target)
        partial.unlink(missing_ok=True)
        try:
            with contextlib.closing(sqlite3.connect(partial)) as dest:
                _copy_in_steps(source, dest, partial)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            _flush(partial)
            os.replace(partial, target)
        finally:  # a copy that failed (a full disk) leaves nothing behind
            remove_with_sidecars(partial)
    except sqlite3.Error as exc:
        raise classify(exc, target) from exc
    except OSError as exc:
        raise classify(exc, target) from exc


STEP_PAGES = 1024  # pages copied per step (4 MB at SQLite's default page size)


def _copy_in_steps(source: sqlite3.Connection, dest: sqlite3.Connection, path: Path) -> None:
    """SQLite's backup, a few megabytes at a time, each flushed to disk as it is written.

    One step for the whole store wrote it all at its end, and a ticket press committing
    then waited behind the disk for 70 ms and more. The source is read in one read
    transaction, so every step copies the same snapshot (other programs' writes never
    restart it); the copy, private until renamed, keeps no journal and leaves the flushing
    to the steps.
    """
    dest.execute("PRAGMA journal_mode = OFF")
    dest.execute("PRAGMA synchronous = OFF")
    holding = not source.in_transaction
    if holding:
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot begins
    try:
        source.backup(dest, pages=STEP_PAGES, progress=lambda *_: _flush(path))
    finally:
        if holding and source.in_transaction:
            source.execute("COMMIT")


def _flush(path: Path) -> None:
    """What is written of the file so far, on the disk."""
    with open(path, "r+b") as handle:  # written to: Windows flushes only a writable handle
        os.fsync(handle.fileno())


PARTIAL = ".partial-"  # a copy being written: ".NAME.partial-PID", renamed when whole


def partial_path(target: Path) -> Path:
    """Where a file is written before it is renamed to ``target`` whole: hidden, beside it,
    named for this process (so :func:`remove_leftovers` knows a killed writer's)."""
    return target.with_name(f".{target.name}{PARTIAL}{os.getpid()}")


SIDECARS = ("-wal", "-shm", "-journal")  # SQLite's files beside a database, named for it
_PARTIAL_NAME = re.compile(r"^\..+\.partial-(\d+)(?:-wal|-shm|-journal)?$")


def with_sidecars(path: Path) -> tuple[Path, ...]:
    """A database file and the journal files SQLite may keep beside it."""
    return (path, *(path.with_name(path.name + suffix) for suffix in SIDECARS))


def remove_with_sidecars(path: Path) -> None:
    """Delete a database file that no connection holds, and its journal files."""
    for made in with_sidecars(path):
        with contextlib.suppress(OSError):
            made.unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the partial copies that a killed backup or restore left behind (its process
    has ended), with their journal files.

    They hold the office's records but are never listed or pruned: left there,
    visit rows would outlive the retention period. A copy still being written by
    a living process on this PC is left alone.
    """
    gone: list[Path] = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = _PARTIAL_NAME.match(path.name)
            if match is None or not path.is_file() or _alive(int(match.group(1))):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                gone.append(path)
    return gone


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this PC."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, and is somebody else's
        return True
    return True


def list_backups(backups_dir: Path) -> list[BackupFile]:
    """The copies under backups_dir, newest first (files of other names are left out)."""
    found: list[BackupFile] = []
    with contextlib.suppress(OSError):
        for path in backups_dir.iterdir():
            match = _NAME.match(path.name)
            if not match or not path.is_file():
                continue
            taken = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
            found.append(BackupFile(path, taken, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def verify(path: Path, known: frozenset[str] | None = None) -> Found:
    """What a file offered as a backup is; a good one is a store passing ``integrity_check``."""
    found = identify(path, check=True)
    if found.kind is not Kind.STORE:
        return found
    if known is not None and found.revision not in known:
        return Found(Kind.FOREIGN, found.revision, "an unknown schema", found.tables)
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(3)")]
    except sqlite3.Error as exc:
        return Found(Kind.DAMAGED, found.revision, str(exc))
    if result != ["ok"]:
        return Found(Kind.DAMAGED, found.revision, "; ".join(result))
    return found


def newest_good_backup(backups_dir: Path) -> BackupFile | None:
    """The newest copy that is a sound store, or None."""
    for backup in list_backups(backups_dir):
        if identify(backup.path, check=True).kind is Kind.STORE:
            return backup
    return None


def prune(backups_dir: Path, *, keep_days: int, now: datetime) -> list[Path]:
    """Delete copies older than keep_days; the newest good one always stays."""
    keep = newest_good_backup(backups_dir)
    cutoff = now - timedelta(days=keep_days)
    gone: list[Path] = []
    for backup in list_backups(backups_dir):
        if backup.taken_at < cutoff and (keep is None or backup.path != keep.path):
            with contextlib.suppress(OSError):
                backup.path.unlink()
                gone.append(backup.path)
    return gone


def taken_today(backups_dir: Path, reason: str, now: datetime) -> bool:
    """Whether a copy for this reason was taken on now's UTC date."""
    return any(
        b.reason == reason and b.taken_at.date() == now.astimezone(UTC).date()
        for b in list_backups(backups_dir)
    )


@contextlib.contextmanager
def _connection(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
    uri = f"{path.as_uri()}?mode={'ro' if read_only else 'rw'}"
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as conn:
        yield conn


def replace_unsound(source: Path, live: Path, aside_dir: Path, now: datetime) -> Path:
    """Put a copy of ``source`` in place of a live file that is not a sound store.

    The old file is moved aside (with its -wal and -shm) into aside_dir, never
    deleted; returns where it went. Only for a file no program can use.
    """
    found = identify(live, check=True)
    if found.kind is Kind.STORE:
        raise ValueError("the live store is sound: restore into it instead")
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%f")
    aside = aside_dir / f"unsound-{stamp}-{live.name}"
    aside_dir.mkdir(parents=True, exist_ok=True)
    fresh = live.with_name(f".{live.name}.restore-{os.getpid()}")
    fresh.unlink(missing_ok=True)
    with _connection(source, read_only=True) as src:
        copy_into_new_file(src, fresh)
    for suffix in ("", "-wal", "-shm"):
        old = live.with_name(live.name + suffix)
        if old.exists():
            os.replace(old, aside.with_name(aside.name + suffix))
    os.replace(fresh, live)
    return aside


__all__ = [
    "BackupFile",
    "backup_sqlite",
    "copy_into_new_file",
    "copy_store",
    "list_backups",
    "newest_good_backup",
    "prune",
    "remove_leftovers",
    "remove_with_sidecars",
    "replace_unsound",
    "taken_today",
    "verify",
]
