"""Several processes on one store: issuing at once, creating it at once, killed mid-write."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.config import resolve_settings
from app.models import Office, Queue, ServicePoint, Ticket, TicketCounter
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.queue.views import office_revision
from app.store.engine import current_revision, open_store
from app.store.migrations import HEAD_REVISION
from tests.conftest import desk_for

pytestmark = pytest.mark.slow

# Every process works on the same business day, whatever the real time is.
NOW = datetime(2026, 1, 13, 9, 30, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def _open(data_dir: str):
    clock = ManualClock(NOW)
    settings = resolve_settings(data_dir=data_dir, env={})
    return open_store(settings, now=clock.now, seed=seeder(clock)), clock


def _issue_worker(data_dir: str, letters: str, count: int, barrier, results) -> None:
    """Child process: open the store, wait for the others, issue count tickets."""
    from app.services.queue.calling import issue_ticket

    store, clock = _open(data_dir)
    barrier.wait(timeout=60)
    desk = desk_for(store, clock)
    codes = [issue_ticket(desk, letters[i % len(letters)]).code for i in range(count)]
    store.close()
    results.put((os.getpid(), codes))


def _open_worker(data_dir: str, barrier, results) -> None:
    """Child process: open (create, seed) a brand-new store together with the others."""
    from app.services.queue.calling import issue_ticket

    barrier.wait(timeout=60)
    store, clock = _open(data_dir)
    desk = desk_for(store, clock)
    code = issue_ticket(desk, "A").code
    store.close()
    results.put((os.getpid(), [code]))


def _run_processes(target, args_for, n: int) -> list[list[str]]:
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args_for(i), barrier, results)) for i in range(n)]
    for p in procs:
        p.start()
    try:
        collected = [results.get(timeout=120)[1] for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()
    assert [p.exitcode for p in procs] == [0] * n
    return collected


def test_processes_issuing_at_once_never_share_or_skip_a_number(settings, store):
    processes, per_process = 4, 40
    store.close()
    collected = _run_processes(
        _issue_worker, lambda i: (str(settings.data_dir), "AB", per_process), processes
    )
    returned = [code for codes in collected for code in codes]
    assert len(returned) == len(set(returned)) == processes * per_process
    by_letter: dict[str, list[int]] = defaultdict(list)
    for code in returned:
        by_letter[code[0]].append(int(code[1:]))
    total = processes * per_process // 2
    assert {k: sorted(v) for k, v in by_letter.items()} == {
        "A": list(range(1, total + 1)),
        "B": list(range(1, total + 1)),
    }
    again, _ = _open(str(settings.data_dir))
    try:
        with again.read() as session:
            stored = set(session.scalars(select(Ticket.code)))
            query = select(TicketCounter.letter, TicketCounter.last_number)
            counters = dict(session.execute(query).all())
    finally:
        again.close()
    assert stored == set(returned)
    assert counters == {"A": total, "B": total}


def test_processes_creating_a_new_store_at_once_all_succeed(tmp_path):
    processes = 5
    data_dir = tmp_path / "brand-new"
    collected = _run_processes(_open_worker, lambda i: (str(data_dir),), processes)
    assert sorted(c for codes in collected for c in codes) == [
        f"A{n:03d}" for n in range(1, processes + 1)
    ]
    store, _ = _open(str(data_dir))
    try:
        assert current_revision(store.engine) == HEAD_REVISION
        with store.read() as session:
            assert session.scalar(select(func.count()).select_from(Office)) == 1
            assert session.scalar(select(func.count()).select_from(Queue)) == 4
            assert session.scalar(select(func.count()).select_from(ServicePoint)) == 6
        # seeded once (one bump) and one bump per ticket: nobody seeded twice
        assert office_revision(store) == 1 + processes
    finally:
        store.close()


KEEP_ISSUING = r"""
import sys
from datetime import datetime, timezone
from app.config import resolve_settings
from app.store.engine import open_store
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.access.actor import SYSTEM, Desk
from app.services.queue.calling import issue_ticket

clock = ManualClock(datetime.fromisoformat(sys.argv[2]))
store = open_store(resolve_settings(data_dir=sys.argv[1], env={}), now=clock.now,
                   seed=seeder(clock))
desk = Desk(store, clock, SYSTEM)
print("ready", flush=True)
n = 0
while True:
    n += 1
    ref = issue_ticket(desk, "ABCD"[n % 4])
    print(ref.code, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_process_killed_while_issuing_loses_no_printed_ticket(settings, store):
    store.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SERVICEDISK_")}
    child = subprocess.Popen(
        [sys.executable, "-c", KEEP_ISSUING, str(settings.data_dir), NOW.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdout is not None
    printed: list[str] = []
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        while len(printed) < 60:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "child ended"
            printed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    assert settings.sqlite_path is not None
    conn = sqlite3.connect(settings.sqlite_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute("SELECT code, number FROM ticket").fetchall()
    finally:
        conn.close()
    stored = {code for code, _ in rows}
    assert set(printed) <= stored
    # whatever was committed after the last print is still numbered without a gap
    by_letter: dict[str, list[int]] = defaultdict(list)
    for code, number in rows:
        by_letter[code[0]].append(number)
    for numbers in by_letter.values():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))

    reopened, clock = _open(str(settings.data_dir))
    try:
        from app.services.queue.calling import issue_ticket

        next_a = issue_ticket(desk_for(reopened, clock), "A").code
    finally:
        reopened.close()
    assert next_a == f"A{len(by_letter['A']) + 1:03d}"
