"""The store: SQLite settings, a new store's seed office, and files it must never replace."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.config import DATABASE_FILENAME, Settings, resolve_settings
from app.models import Office, Queue, ServicePoint, Ticket
from app.services.access.actor import SYSTEM, acting
from app.services.office.info import get_office, list_queues, list_service_points, seeder
from app.services.queue import calling as q
from app.services.upkeep.backups import daily_backup
from app.store.backup import list_backups
from app.store.engine import open_store
from app.store.errors import NewerSchemaError, StoreError, UnreadableStoreError
from tests.conftest import desk_for


def _open(settings: Settings, clock):
    return open_store(settings, now=clock.now, seed=seeder(clock))


def test_connections_use_wal_full_sync_and_foreign_keys(store):
    with store.engine.connect() as conn:

        def pragma(name: str):
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000


def test_foreign_keys_are_enforced(store, clock, desk):
    ref = q.issue_ticket(desk, "A")
    with acting(SYSTEM), pytest.raises(StoreError) as err, store.write() as session:
        session.execute(text("UPDATE ticket SET queue_id = 999 WHERE id = :id"), {"id": ref.id})
    assert isinstance(err.value.__cause__, IntegrityError)
    with store.read() as session:
        assert session.scalar(select(Ticket.queue_id).where(Ticket.id == ref.id)) != 999


def test_a_new_store_holds_the_seed_office(store):
    office = get_office(store)
    assert office.name == "Servicekontoret Exempelstad"
    assert office.time_zone == "Europe/Stockholm"
    assert office.opening_hours["thu"] == [["10:00", "18:00"]]
    assert office.opening_hours["sat"] == []
    assert [qu.letter for qu in list_queues(store)] == ["A", "B", "C", "D"]
    points = list_service_points(store)
    assert [(p.number, p.name) for p in points] == [(n, f"Lucka {n}") for n in range(1, 7)]
    assert all(p.queue_letters == ("A", "B", "C", "D") for p in points)


def test_the_store_lives_in_the_data_dir(settings, store):
    assert settings.sqlite_path == settings.data_dir / DATABASE_FILENAME
    assert settings.sqlite_path.is_file()


def test_a_store_in_a_data_dir_that_does_not_exist_yet(tmp_path, clock):
    settings = resolve_settings(data_dir=tmp_path / "new" / "nested", env={})
    store = _open(settings, clock)
    try:
        desk = desk_for(store, clock)
        assert q.issue_ticket(desk, "A").code == "A001"
    finally:
        store.close()


def test_reopening_keeps_the_data_and_does_not_seed_again(settings, clock):
    store = _open(settings, clock)
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "A")
    revision = get_office(store).revision
    store.close()
    store = _open(settings, clock)
    try:
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(Office)) == 1
            assert session.scalar(select(func.count()).select_from(Queue)) == 4
            assert session.scalar(select(func.count()).select_from(ServicePoint)) == 6
        assert get_office(store).revision == revision
        assert q.issue_ticket(desk, "A").code == "A002"
    finally:
        store.close()


def _real_store_bytes(tmp_path: Path, clock) -> bytes:
    settings = resolve_settings(data_dir=tmp_path / "source", env={})
    store = _open(settings, clock)
    desk = desk_for(store, clock)
    for _ in range(20):
        q.issue_ticket(desk, "A")
    store.close()  # checkpoints the WAL into the file
    assert settings.sqlite_path is not None
    return settings.sqlite_path.read_bytes()


DAMAGE = {
    "text file": lambda good: b"Servicedisk notes, not a database\n" * 200,
    "sqlite header then garbage": lambda good: b"SQLite format 3\x00" + os.urandom(8192),
    "cut short": lambda good: good[:100],
    "a page zeroed": lambda good: good[:4096] + b"\x00" * 4096 + good[8192:],
    "a page of noise": lambda good: good[:4096] + os.urandom(4096) + good[8192:],
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_an_unreadable_file_is_never_replaced(tmp_path, clock, damage):
    data = DAMAGE[damage](_real_store_bytes(tmp_path, clock))
    settings = resolve_settings(data_dir=tmp_path / "damaged", env={})
    assert settings.sqlite_path is not None
    settings.sqlite_path.parent.mkdir(parents=True)
    settings.sqlite_path.write_bytes(data)
    with pytest.raises(UnreadableStoreError) as err:
        _open(settings, clock)
    message = str(err.value)
    assert str(settings.sqlite_path) in message
    assert "has not been changed" in message
    assert "Traceback" not in message and "[SQL" not in message
    assert settings.sqlite_path.read_bytes() == data
    assert not settings.backups_dir.exists()  # and no "backup" of the damage either


def test_a_store_from_a_newer_version_is_refused_and_left_alone(settings, clock):
    _open(settings, clock).close()
    assert settings.sqlite_path is not None
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = settings.sqlite_path.read_bytes()
    with pytest.raises(NewerSchemaError) as err:
        _open(settings, clock)
    assert "9999_future" in str(err.value)
    assert "newer version" in str(err.value)
    assert settings.sqlite_path.read_bytes() == before
    with sqlite3.connect(settings.sqlite_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9999_future",)
        ]
    conn.close()


def test_a_refused_store_leaves_no_connection_open(settings, clock):
    _open(settings, clock).close()
    assert settings.sqlite_path is not None
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    with pytest.raises(NewerSchemaError):
        _open(settings, clock)
    # with every connection closed, an exclusive lock can be had at once
    conn = sqlite3.connect(settings.sqlite_path, timeout=0)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.rollback()
    finally:
        conn.close()


def test_store_read_sees_a_consistent_snapshot(store, clock, desk):
    q.issue_ticket(desk, "A")
    with store.read() as session:
        before = session.scalar(select(func.count()).select_from(Ticket))
        q.issue_ticket(desk, "A")  # another writer, mid-read
        during = session.scalar(select(func.count()).select_from(Ticket))
    with store.read() as session:
        after = session.scalar(select(func.count()).select_from(Ticket))
    assert (before, during, after) == (1, 1, 2)


def test_a_failed_write_stores_nothing(store, clock):
    with acting(SYSTEM), pytest.raises(RuntimeError), store.write() as session:
        session.execute(text("UPDATE office SET name = 'Changed'"))
        raise RuntimeError("the use case changed its mind")
    assert get_office(store).name == "Servicekontoret Exempelstad"


def test_one_daily_backup_a_day_and_old_ones_go(settings, clock):

    store = _open(settings, clock)
    try:
        desk = desk_for(store, clock)
        first = daily_backup(desk)
        assert first is not None and first.parent == settings.backups_dir
        assert daily_backup(desk) is None  # the same day: already there
        for _ in range(20):
            clock.advance(days=1)
            assert daily_backup(desk) is not None
        kept = list_backups(settings.backups_dir)
        # The office keeps 14 days by default; the oldest are gone.
        assert 14 <= len(kept) <= 15
        assert first not in [b.path for b in kept]
        assert kept[0].taken_at == clock.now()
    finally:
        store.close()


def test_a_backup_that_never_finished_leaves_nothing_behind(settings, clock):
    """A copy killed half-way (its process gone) is removed at the next upkeep; one that
    fails (a full disk) removes itself; one still being written elsewhere stays."""
    import subprocess
    import sys

    from app.store import backup as backup_module

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(ended.stdout)
    store = _open(settings, clock)
    try:
        desk = desk_for(store, clock)
        folder = settings.backups_dir
        folder.mkdir(parents=True, exist_ok=True)
        killed = folder / f".servicedisk-x.sqlite3.partial-{dead_pid}"
        killed.write_bytes(b"SQLite format 3\x00 half a copy of the office")
        writing = folder / f".servicedisk-y.sqlite3.partial-{os.getppid()}"  # a live process
        writing.write_bytes(b"SQLite format 3\x00 being written")
        assert daily_backup(desk) is not None
        assert not killed.exists() and writing.exists()

        class FullDisk:
            in_transaction = True  # a snapshot held already: nothing to begin

            def backup(self, _target, **_steps):
                raise sqlite3.OperationalError("database or disk is full")

        clock.advance(days=1)
        target = folder / "servicedisk-manual.sqlite3"
        with pytest.raises(StoreError):
            backup_module.copy_into_new_file(FullDisk(), target)  # type: ignore[arg-type]
        left = sorted(p.name for p in folder.iterdir() if ".partial-" in p.name)
        assert left == [writing.name] and not target.exists()
    finally:
        store.close()


def test_a_new_store_is_made_where_hard_links_are_not_possible(tmp_path, clock, monkeypatch):
    """A USB stick or a share without hard links: the store is renamed into place instead."""
    import os as os_module

    def no_links(*_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os_module, "link", no_links)
    settings = resolve_settings(data_dir=tmp_path / "stick", env={})
    store = _open(settings, clock)
    try:
        desk = desk_for(store, clock)
        assert q.issue_ticket(desk, "A").code == "A001"
    finally:
        store.close()
    assert not list(settings.data_dir.glob(".servicedisk.sqlite3.new-*"))
