"""The store's health: check it, back it up, restore a backup.

Nothing here copies the live file by path: copies go through SQLite's backup
API, a restore replaces the live store's rows with the backup's in one write
transaction (or, for a file no program can use, moves that file aside first).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.config import Settings
from app.models import AuditEvent, DayRevision, Office, TicketCounter
from app.services.access.actor import Actor, Desk, allowed
from app.services.access.audit import record
from app.services.office.clock import Clock, office_day, office_zone
from app.store.backup import (
    backup_path,
    backup_sqlite,
    copy_into_new_file,
    copy_store,
    newest_good_backup,
    partial_path,
    prune,
    remove_leftovers,
    remove_with_sidecars,
    replace_unsound,
    taken_today,
    verify,
)
from app.store.engine import (
    Store,
    current_revision,
    file_lock,
    make_engine,
    prepare_folder,
    refuse_altered_server,
    upgrade,
)
from app.store.errors import StoreError, classify, damaged
from app.store.identify import Found, Kind, identify, newer, refusal
from app.store.migrations import HEAD_REVISION, KNOWN_REVISIONS
from app.store.server import unhurried

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckReport:
    """The result of a check: lines to show, and the first problem found."""

    ok: bool
    lines: tuple[str, ...] = field(default_factory=tuple)
    problem: str | None = None


def check_store(settings: Settings) -> CheckReport:
    """Verify integrity and schema version; never creates, upgrades or repairs."""
    path = settings.sqlite_path
    lines: list[str] = []
    if path is not None:
        found = identify(path, check=False)
        if found.kind is Kind.MISSING:
            return CheckReport(False, (), f"There is no database at {path}.")
        if found.kind is not Kind.STORE:
            return CheckReport(False, (), str(refusal(path, found, backup=_newest(settings))))
        lines.append(f"database\t{path}")
    # Read-only: a check must not change the file (not even its journal mode).
    engine = (
        create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
        if path is not None
        else make_engine(settings.database_url)
    )
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    error = damaged(path, "; ".join(result[:3]), _newest(settings))
                    return CheckReport(False, tuple(lines), str(error))
                lines.append("integrity\tok")
        revision = current_revision(engine)
        if path is None and revision is not None:
            refuse_altered_server(engine, at_head=revision == HEAD_REVISION)
        with engine.connect() as conn:
            has_office = revision is not None and bool(
                conn.execute(text("SELECT count(*) FROM office")).scalar()
            )
    except SQLAlchemyError as exc:
        return CheckReport(False, tuple(lines), str(classify(exc, path)))
    except StoreError as exc:  # a server store holding what its migrations do not make
        return CheckReport(False, tuple(lines), str(exc))
    finally:
        engine.dispose()
    lines.append(f"schema\t{revision or 'none'}")
    if revision != HEAD_REVISION:
        return CheckReport(
            False,
            tuple(lines),
            f"The schema is at {revision or 'nothing'}, "
            f"this version expects {HEAD_REVISION}; open the store with the app "
            "to upgrade it (a backup is taken first).",
        )
    if not has_office:
        return CheckReport(False, tuple(lines), "The store holds no office.")
    lines.append("office\tok")
    return CheckReport(True, tuple(lines))


def _newest(settings: Settings) -> str | None:
    found = newest_good_backup(settings.backups_dir)
    return str(found.path) if found else None


# ---------------------------------------------------------------- backups


def _copy_now(store: Store, settings: Settings, reason: str, now: datetime) -> Path:
    """A consistent copy of the store into backups/: SQLite's backup API for a file, a
    portable SQLite copy of the whole office (checked) for a server store."""
    if settings.sqlite_path is not None:
        return backup_sqlite(store.engine, settings.backups_dir, reason=reason, now=now)
    from app.services.upkeep.copying import copy_to_new_file

    target = backup_path(settings.backups_dir, reason=reason, now=now)
    copy_to_new_file(store, target)
    return target


@allowed("maintenance")
def backup_now(desk: Desk, *, out: Path | None = None) -> Path:
    """A consistent copy of the live store: to ``out``, or into backups/ (audited).

    A server store is copied into a portable SQLite file, on this PC.
    """
    settings = desk.store.settings
    if settings is None:
        raise StoreError("The store has no data folder for backups.", "backup.no_folder")
    now = desk.clock.now()
    if out is None:
        target = _copy_now(desk.store, settings, "manual", now)
    elif settings.sqlite_path is not None:
        copy_store(desk.store.engine, out)
        target = out
    else:
        from app.services.upkeep.copying import copy_to_new_file

        copy_to_new_file(desk.store, out)
        target = out
    with desk.store.write() as session:
        record(session, now, "backup", reason="manual")
    log.info("backup taken: %s", target)
    return target


@allowed("maintenance")
def daily_backup(desk: Desk) -> Path | None:
    """Take today's automatic backup if none is there yet, and drop the old ones.

    Any program on the store may call this (the app does, at start and every
    hour): the store's file lock makes one of them take it. On a server store
    one program of the office takes it, under the server's lock, into its own
    backups/, and the audit log tells the others it is taken.
    """
    settings = desk.store.settings
    if settings is None:
        return None
    now = desk.clock.now()
    for leftover in remove_leftovers(settings.backups_dir):
        log.info("removed the leftover of a backup that never finished: %s", leftover)
    with _one_program_at_a_time(desk.store, settings) as mine:
        if not mine or _taken_today(desk.store, settings, now):
            return None
        target = _copy_now(desk.store, settings, "daily", now)
        with desk.store.read() as session:
            keep_days = int(session.scalar(select(Office.backup_days)) or 14)
        gone = prune(settings.backups_dir, keep_days=keep_days, now=now)
        with desk.store.write() as session:
            record(session, now, "backup", reason="daily", removed=len(gone))
    log.info("daily backup taken: %s (%d old ones removed)", target, len(gone))
    return target


BACKUP_LOCK_KEY = 0x5D_42_41_4B  # "]BAK": one program of an office takes the daily backup


@contextlib.contextmanager
def _one_program_at_a_time(store: Store, settings: Settings) -> Iterator[bool]:
    """The file lock beside a SQLite store (waits); a server's advisory lock (others skip)."""
    if settings.sqlite_path is not None:
        with file_lock(settings.sqlite_path):
            yield True
        return
    with store.engine.connect() as conn:
        key = {"key": BACKUP_LOCK_KEY}
        mine = bool(conn.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar())
        try:
            yield mine
        finally:
            if mine:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), key)
            conn.commit()


def _taken_today(store: Store, settings: Settings, now: datetime) -> bool:
    if settings.sqlite_path is not None:
        return taken_today(settings.backups_dir, "daily", now)
    start = datetime.combine(office_day(store, now), time(), office_zone(store))
    with store.read() as session:
        found = session.scalar(
            select(AuditEvent.id).where(
                AuditEvent.action == "backup",
                AuditEvent.detail.like("reason=daily%"),
                AuditEvent.at >= start.astimezone(UTC),
            )
        )
    return found is not None


# ---------------------------------------------------------------- restore


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: the copy it restored and where the replaced store went."""

    source: Path
    taken_before: Path | None  # the backup of the store as it was, when there was one
    moved_aside: Path | None  # an unsound file that was moved away instead


def check_backup(path: Path) -> Found:
    """Why ``path`` cannot be restored (raises), or what it is (a sound store)."""
    found = verify(path, known=KNOWN_REVISIONS)
    if found.kind is Kind.STORE:
        return found
    if found.kind is Kind.MISSING:
        raise StoreError(f"There is no file {path}.", "backup.no_file", path=str(path))
    if found.kind is Kind.FOREIGN and found.revision is not None:
        raise newer(path, found.revision)
    raise refusal(path, found)


@dataclass(frozen=True)
class StoreFiles:
    """What a restore works with: the store's files (which may not open), the clock, the actor."""

    settings: Settings
    clock: Clock
    actor: Actor


@allowed("maintenance")
def restore_store(files: StoreFiles, source: Path) -> RestoreReport:
    """Put a verified backup in place of the live store; nothing is lost on the way.

    The live store is backed up first. Programs that have it open keep
    working and see the restored records at their next read. Today's ticket
    numbers never go back (a code already handed out is not given again),
    whatever moment the restore stops at, and every day whose records changed
    gets a newer revision, so the central office receives the restored figures.
    """
    settings = files.settings
    found = check_backup(source)
    prepare_folder(settings.backups_dir)
    for leftover in remove_leftovers(settings.backups_dir):
        log.info("removed the leftover of a copy that never finished: %s", leftover)
    now = files.clock.now()
    # Hidden in backups/ and named for this process: a killed restore's goes at the next start.
    copy = partial_path(settings.backups_dir / "servicedisk-restore.sqlite3")
    remove_with_sidecars(copy)
    try:
        with contextlib.closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as src:
            copy_into_new_file(src, copy)
        if found.revision != HEAD_REVISION:
            engine = make_engine(f"sqlite:///{copy}")
            try:
                upgrade(engine)
            finally:
                engine.dispose()
        if settings.sqlite_path is None:
            return _put_on_server(settings, source, copy, now)
        return _put_in_place(settings, settings.sqlite_path, source, copy, now)
    finally:
        remove_with_sidecars(copy)


def _put_on_server(settings: Settings, source: Path, copy: Path, now: datetime) -> RestoreReport:
    """A server store restored from a portable copy, in one locked transaction (see
    :func:`_replace_live`)."""
    from app.services.upkeep.copying import ready_for_copy, shown

    engine = make_engine(settings.database_url)
    try:
        ready_for_copy(engine, shown(settings.database_url), replace=True)
        before = _replace_live(Store(engine, settings), copy, now)
    finally:
        engine.dispose()
    log.info("restored %s onto the server store", source)
    return RestoreReport(source, before, None)


def _put_in_place(
    settings: Settings, live: Path, source: Path, copy: Path, now: datetime
) -> RestoreReport:
    """A SQLite store restored: a sound one in one transaction (see :func:`_replace_live`);
    where there is none, or only a file no program can use, the copy becomes the file."""
    with file_lock(live):
        state = identify(live, check=True)
        if state.kind is Kind.STORE and state.revision in KNOWN_REVISIONS:
            engine = make_engine(settings.database_url)
            try:
                if state.revision != HEAD_REVISION:
                    upgrade(engine)  # to the copy's schema, so its rows go back as they are
                before = _replace_live(Store(engine, settings), copy, now)
            finally:
                engine.dispose()
            report = RestoreReport(source, before, None)
        else:
            report = _put_whole(settings, live, source, copy, now, state)
    log.info("restored %s into %s (%s)", source, live, report)
    return report


def _put_whole(
    settings: Settings, live: Path, source: Path, copy: Path, now: datetime, state: Found
) -> RestoreReport:
    """The copy as the store's file: where there is none, or in place of an unsound one
    (moved aside, never deleted). No program has a store there to keep using."""
    if state.kind is Kind.MISSING:
        with contextlib.closing(sqlite3.connect(copy)) as src:
            copy_into_new_file(src, live)
        report = RestoreReport(source, None, None)
    else:
        report = RestoreReport(source, None, replace_unsound(copy, live, settings.backups_dir, now))
    engine = make_engine(settings.database_url)
    try:
        with Store(engine, settings).write() as session:
            record(session, now, "restore", backup_taken_before=False)
            session.execute(update(Office).values(revision=Office.revision + 1))
    finally:
        engine.dispose()
    return report


def _replace_live(store: Store, copy: Path, now: datetime) -> Path:
    """Every row of a live store replaced by the copy's, in one write transaction;
    returns the backup of the store as it was.

    The transaction takes the store's write lock before it reads anything and
    holds it to the commit. Inside it the store as it is is backed up (through
    other connections, which read what is committed), today's numbers are read,
    the rows are replaced and checked, the numbers carried forward and the
    restore recorded. So no ticket is issued in between, and a restore that
    stops anywhere before the commit has changed nothing.
    """
    from app.services.upkeep.copying import replace_within

    assert store.settings is not None
    backup = Store(make_engine(f"sqlite:///{copy}"), None)
    try:
        with store.write() as session:
            conn = session.connection()  # the write lock, taken now
            unhurried(conn)
            before = _copy_now(store, store.settings, "before-restore", now)
            kept = _numbers_and_revisions(conn)
            replace_within(backup, conn)
            _carry_forward(session, kept, now)
            record(session, now, "restore", backup_taken_before=True)
            session.execute(update(Office).values(revision=Office.revision + 1))
    finally:
        backup.engine.dispose()
    return before


@dataclass(frozen=True)
class _Kept:
    counters: dict[tuple[date, str], int]
    days: dict[date, int]
    office_revision: int


def _numbers_and_revisions(conn: Connection) -> _Kept:
    """The numbers handed out and the revisions, as the transaction ``conn`` is in sees them."""
    counters = {
        (d, letter): n
        for d, letter, n in conn.execute(
            select(TicketCounter.business_day, TicketCounter.letter, TicketCounter.last_number)
        )
    }
    days = dict(conn.execute(select(DayRevision.business_day, DayRevision.revision)).all())
    revision = conn.scalar(select(func.sum(Office.revision))) or 0
    return _Kept(counters, {d: int(r) for d, r in days.items()}, int(revision))


def _carry_forward(session: Session, kept: _Kept, now: datetime) -> None:
    """Numbers never go back; a day whose records moved gets a revision above both."""
    restored = {(c.business_day, c.letter): c for c in session.scalars(select(TicketCounter))}
    for key, number in kept.counters.items():
        row = restored.get(key)
        if row is None:
            session.add(TicketCounter(business_day=key[0], letter=key[1], last_number=number))
        elif row.last_number < number:
            row.last_number = number
    days = {d.business_day: d for d in session.scalars(select(DayRevision))}
    for day, revision in kept.days.items():
        day_row = days.get(day)
        if day_row is None:
            session.add(DayRevision(business_day=day, revision=revision + 1, changed_at=now))
        elif day_row.revision != revision:
            day_row.revision, day_row.changed_at = max(day_row.revision, revision) + 1, now
    office = session.scalar(select(Office))
    if office is not None and office.revision <= kept.office_revision:
        office.revision = kept.office_revision + 1
