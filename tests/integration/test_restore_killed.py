"""A restore killed at any moment never sends today's ticket numbers back.

A real process runs `servicedisk restore FILE --yes` on an office whose tickets
of today were issued after the backup was taken, and is killed (SIGKILL) at
moments spread over the whole restore. After each kill the store opens and is
sound; it holds either the office as it was or the backup restored (with the
numbers carried forward), never a mix; the next ticket of every queue gets a
number above every number handed out before the restore began; and what the
killed process left behind (a half-made copy, and SQLite's journal files beside
it) goes at the next start. A ticket issued by another program while a restore
runs is never given a number that was handed out already. On SQLite and on a
PostgreSQL server.

The processes are forked from a server that has loaded the app once
(multiprocessing's forkserver), so the moments fall on the restore itself, not
on Python starting up.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import queue
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.config import Settings, resolve_settings
from app.demo.fill import generate_demo
from app.models import AuditEvent, Queue, TicketCounter
from app.services.access.actor import Actor
from app.services.office.clock import SystemClock, office_day
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.services.upkeep.backups import backup_now, check_store
from app.store.backup import copy_into_new_file, remove_leftovers
from app.store.copy import copy_rows, row_counts
from app.store.engine import Store, make_engine, open_store, upgrade
from app.store.errors import StoreError
from tests.conftest import desk_for
from tests.postgres import drop_database, new_database

DAYS = 20  # of history: a restore takes about 0.15 s on SQLite, 1 s on the test server
KILL_MOMENTS = {"sqlite": 32, "postgresql": 16}  # about 8 s and 20 s of the test's time
KINDS = ("sqlite", "postgresql")
# Rows a restore adds to the backup's: the numbers carried forward, the days'
# revisions, the audit record of the restore.
CARRIED = frozenset({"ticket_counter", "day_revision", "audit_event"})
MANAGER = Actor(role="manager", login="karin")
PACE = 0.01  # seconds between the tickets another program issues during a restore


@dataclass(frozen=True)
class Office:
    """The office before the restore, and the backup that is put back."""

    template: Path  # the store as it was (a file no program opens)
    backup: Path  # taken before today's last tickets were issued
    handed_out: dict[str, int]  # the highest number of each queue handed out today
    rows_before: dict[str, int]
    rows_restored: dict[str, int]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Office:
    """Three weeks of history; three tickets a queue today, the backup, four more each."""
    folder = tmp_path_factory.mktemp("office")
    settings = resolve_settings(folder, env={})
    clock = SystemClock()
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    try:
        generate_demo(desk_for(store, clock), days=DAYS, seed=1, visits_per_day=120)
        with store.read() as session:
            letters = list(session.scalars(select(Queue.letter).where(Queue.active)))
        for _ in range(3):
            _issue_round(store, letters)
        backup = backup_now(desk_for(store, clock, MANAGER))
        for _ in range(4):
            _issue_round(store, letters)
        today = office_day(store, clock.now())
        with store.read() as session:
            counters = session.execute(
                select(TicketCounter.letter, TicketCounter.last_number).where(
                    TicketCounter.business_day == today
                )
            ).all()
    finally:
        store.close()
    assert settings.sqlite_path is not None
    template = tmp_path_factory.mktemp("template") / "servicedisk.sqlite3"
    _copy(settings.sqlite_path, template)
    handed_out = {letter: number for letter, number in counters}
    assert set(handed_out) >= set(letters) and min(handed_out.values()) >= 7
    return Office(template, backup, handed_out, _rows(template), _rows(backup))


def _issue_round(store: Store, letters: list[str]) -> None:
    desk = desk_for(store, SystemClock())
    for letter in letters:
        q.issue_ticket(desk, letter)


def _copy(source: Path, target: Path) -> None:
    """A copy of a store no program has open, through SQLite's backup API."""
    with contextlib.closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as src:
        copy_into_new_file(src, target)


def _rows(path: Path) -> dict[str, int]:
    engine = make_engine(f"sqlite:///{path}")
    try:
        return row_counts(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def forks() -> Any:
    """Processes forked from one that has loaded the app (and this module) already."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


@pytest.fixture(scope="module")
def server_template(office: Office, request: pytest.FixtureRequest) -> str:
    """A database on the test server holding the office as it was; each run's is a copy."""
    url = new_database(request.getfixturevalue("postgres_server"))
    source, target = make_engine(f"sqlite:///{office.template}"), make_engine(url)
    try:
        upgrade(target)
        copy_rows(source, target)
    finally:
        source.dispose()
        target.dispose()
    return url


@contextlib.contextmanager
def fresh(kind: str, office: Office, folder: Path, request: Any) -> Iterator[Settings]:
    """A data dir whose store is the office as it was before the restore."""
    if kind == "sqlite":
        settings = resolve_settings(folder, env={})
        assert settings.sqlite_path is not None
        folder.mkdir(parents=True)
        _copy(office.template, settings.sqlite_path)
        yield settings
        return
    server, template = request.getfixturevalue("server_template").rsplit("/", 1)
    url = new_database(server, template=template)
    try:
        yield resolve_settings(folder, url, env={})
    finally:
        drop_database(server, url.rsplit("/", 1)[1])


def run_cli(args: list[str], ready: Any) -> None:
    """In a process of its own: the command line, as `servicedisk ARGS` runs it."""
    from app.cli.main import main

    ready.set()
    raise SystemExit(main(args))


def issue_until(settings: Settings, letter: str, stop: Any, codes: Any) -> None:
    """In a process of its own: issue tickets in one queue until told to stop, one
    every ``PACE`` seconds (a busy reception, far faster than any real one, yet never
    through a queue's 999 numbers on a slow machine)."""
    store = open_store(settings)
    try:
        desk = desk_for(store, SystemClock())
        while not stop.wait(PACE):
            try:
                codes.put(q.issue_ticket(desk, letter).code)
            except Exception as exc:  # said to the test, which fails on it
                codes.put(f"failed: {exc}")
                return
    finally:
        store.close()


def _restore(forks: Any, settings: Settings, backup: Path, kill_after: float | None) -> float:
    """Run `servicedisk restore BACKUP --yes` in a process of its own; kill it after
    ``kill_after`` seconds. Returns how long it ran (from the moment it began)."""
    where = ["--data-dir", str(settings.data_dir)]
    if settings.sqlite_path is None:
        where += ["--database-url", settings.database_url]
    ready = forks.Event()
    process = forks.Process(target=run_cli, args=([*where, "restore", str(backup), "--yes"], ready))
    process.start()
    try:
        assert ready.wait(30), "the restore did not start"
        began = time.monotonic()
        if kill_after is not None:
            time.sleep(kill_after)
            process.kill()
        process.join(60)
        took = time.monotonic() - began
        assert process.exitcode in (0, -9), process.exitcode
        return took
    finally:
        if process.is_alive():
            process.kill()
            process.join()


def _what_is_wrong(settings: Settings, office: Office) -> list[str]:
    """Everything wrong with the store after a restore, killed or not."""
    try:
        open_store(settings).close()  # as the next program to start opens it
    except StoreError as exc:
        return [f"does not open: {exc}"]
    report = check_store(settings)
    if not report.ok:
        return [f"unsound: {report.problem}"]
    store = open_store(settings)
    try:
        problems = _not_whole(store, office)
        desk = desk_for(store, SystemClock())
        for letter, top in sorted(office.handed_out.items()):
            code = q.issue_ticket(desk, letter).code
            if int(code[1:]) <= top:
                problems.append(f"{code} given again ({letter}{top:03d} was handed out)")
    finally:
        store.close()
    return problems + _left_behind(settings)


def _not_whole(store: Store, office: Office) -> list[str]:
    """The store is the old one or the backup restored (and recorded), never a mix."""
    with store.read() as session:
        restored = session.scalar(select(AuditEvent.id).where(AuditEvent.action == "restore"))
    expected = office.rows_restored if restored is not None else office.rows_before
    rows = row_counts(store.engine)
    differ = sorted(t for t in expected if t not in CARRIED and rows[t] != expected[t])
    if differ:
        state = "restored" if restored is not None else "old (no restore recorded)"
        return [f"the {state} store differs in {', '.join(differ)}"]
    return []


def _left_behind(settings: Settings) -> list[str]:
    """What a killed restore left that the next start does not clear away."""
    remove_leftovers(settings.backups_dir)  # as the app does at its start
    stray = [p.name for p in settings.backups_dir.glob(".*")]
    kept = {"backups", "logs", "servicedisk.sqlite3.lock"}
    stray += [
        p.name
        for p in settings.data_dir.glob("*")
        if p.name not in kept and not p.name.startswith("servicedisk.sqlite3")
    ]
    return [f"left behind: {', '.join(sorted(stray))}"] if stray else []


@pytest.mark.slow  # about 10 s on SQLite, 25 s on the test server
@pytest.mark.parametrize("kind", KINDS)
def test_a_restore_killed_at_any_moment_never_sends_the_numbers_back(
    kind: str, office: Office, forks: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with fresh(kind, office, tmp_path / "whole", request) as whole:
        took = _restore(forks, whole, office.backup, None)  # how long a restore takes here
        assert _what_is_wrong(whole, office) == []
    failed: list[str] = []
    moments = KILL_MOMENTS[kind]
    for moment in range(moments):  # one in each slice of the restore, somewhere in it
        kill_after = took * 1.1 * (moment + random.random()) / moments
        with fresh(kind, office, tmp_path / f"killed-{moment}", request) as settings:
            _restore(forks, settings, office.backup, kill_after)
            problems = _what_is_wrong(settings, office)
        if problems:
            failed.append(f"killed after {kill_after * 1000:.0f} ms: {'; '.join(problems)}")
    assert not failed, (
        f"{len(failed)} of {moments} moments (a restore takes {took:.2f} s):\n" + "\n".join(failed)
    )


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_a_ticket_issued_during_a_restore_gets_a_number_never_handed_out(
    kind: str, office: Office, forks: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with fresh(kind, office, tmp_path / "office", request) as settings:
        issued = _issued_around_a_restore(forks, settings, office.backup)
    assert not [code for code in issued if code.startswith("failed")], issued
    numbers = [int(code[1:]) for code in issued]
    assert numbers[0] > office.handed_out["A"], issued
    again = [f"A{a:03d} then A{b:03d}" for a, b in itertools.pairwise(numbers) if a >= b]
    assert not again, f"a number was given again: {again}"


def _issued_around_a_restore(forks: Any, settings: Settings, backup: Path) -> list[str]:
    """The codes another program issued in queue A before, during and after a restore."""
    stop, codes = forks.Event(), forks.Queue()
    issuer = forks.Process(target=issue_until, args=(settings, "A", stop, codes))
    issuer.start()
    try:
        issued = [codes.get(timeout=30) for _ in range(3)]  # it is at work
        _restore(forks, settings, backup, None)
        issued += [codes.get(timeout=30) for _ in range(3)]  # and goes on after
    finally:
        stop.set()
        issuer.join(60)
        if issuer.is_alive():
            issuer.kill()
            issuer.join()
    while True:
        try:
            issued.append(codes.get(timeout=0.5))
        except queue.Empty:
            return issued


def test_a_killed_copy_goes_at_the_next_start_with_its_journal_files(tmp_path: Path) -> None:
    """A copy killed half-way leaves its -wal, -shm or -journal beside it: they go with it.
    What a living process is writing stays, and so does every other file."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = tmp_path / "backups"
    folder.mkdir()
    killed = folder / f".servicedisk-x.sqlite3.partial-{dead.pid}"
    living = folder / f".servicedisk-y.sqlite3.partial-{os.getpid()}"
    others = [folder / "servicedisk-z.sqlite3-wal", folder / f".notes.partial-{dead.pid}-old"]
    for made in (killed, living, *others):
        for name in (made.name, *(made.name + s for s in ("-wal", "-shm", "-journal"))):
            (folder / name).write_bytes(b"SQLite format 3\x00 the office's records")
    gone = remove_leftovers(folder)
    assert sorted(p.name for p in gone) == sorted(
        killed.name + s for s in ("", "-wal", "-shm", "-journal")
    )
    left = {p.name for p in folder.iterdir()}
    assert {living.name, living.name + "-wal"} <= left
    assert {p.name for p in others} <= left
    assert not [name for name in left if name.startswith(killed.name)]
