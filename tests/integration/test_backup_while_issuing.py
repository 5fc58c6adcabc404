"""A backup taken while reception issues tickets (another process, a ticket every few
milliseconds) succeeds and holds the office as it was at one instant, on SQLite and on a
PostgreSQL server. On a server it used to fail whenever a PC wrote during the copy: the
copy and its check read the live store at different moments."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time

import pytest

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.services.access.actor import SYSTEM, Desk
from app.services.office.clock import SystemClock
from app.services.upkeep.backups import backup_now, check_backup
from app.store.engine import open_store
from tests.conftest import desk_for

pytestmark = [pytest.mark.both_stores, pytest.mark.slow]


def _reception(data_dir: str, url: str, go, stop, done, results) -> None:
    """Child: issue a ticket every 5 ms until told to stop; report how many and failures."""
    from app.services.queue.calling import issue_ticket

    desk = Desk(open_store(resolve_settings(data_dir, url, env={})), SystemClock(), SYSTEM)
    go.wait(timeout=60)
    issued, failed = 0, []
    while not stop.is_set():
        try:
            issue_ticket(desk, "A" if issued % 2 else "B")
            issued += 1
            done.value = issued
        except Exception as exc:  # reported, never hidden
            failed.append(repr(exc))
        time.sleep(0.005)
    desk.store.close()
    results.put((issued, failed))


def test_a_backup_while_reception_issues_is_whole_and_kept(store, tmp_path):
    settings = store.settings
    assert settings is not None
    generate_demo(desk_for(store, SystemClock()), days=20, seed=2, visits_per_day=80)
    ctx = multiprocessing.get_context("spawn")
    go, stop, done, results = ctx.Event(), ctx.Event(), ctx.Value("i", 0), ctx.Queue()
    child = ctx.Process(
        target=_reception,
        args=(str(settings.data_dir), settings.database_url, go, stop, done, results),
    )
    child.start()
    try:
        go.set()
        deadline = time.monotonic() + 60
        while done.value < 5 and time.monotonic() < deadline:  # reception is busy
            time.sleep(0.01)
        copies = [backup_now(desk_for(store, SystemClock()), out=tmp_path / f"copy-{n}.sqlite3")
                  for n in range(2)]  # fmt: skip
    finally:
        stop.set()
        issued, failed = results.get(timeout=60)
        child.join(timeout=60)
    assert failed == [] and issued >= 5
    for copy in copies:
        assert check_backup(copy).revision  # a sound store, checked as a restore would
        with sqlite3.connect(copy) as conn:
            behind = conn.execute(
                "SELECT count(*) FROM ticket t JOIN queue q ON q.id = t.origin_queue_id"
                " JOIN ticket_counter c ON c.business_day = t.business_day"
                " AND c.letter = q.letter WHERE t.number > c.last_number"
            ).fetchone()[0]
            today = conn.execute(
                "SELECT count(*) FROM ticket WHERE business_day = (SELECT max(business_day)"
                " FROM ticket)"
            ).fetchone()[0]
        conn.close()
        assert behind == 0  # counters and tickets of one instant: no number given twice
        assert today > 0
