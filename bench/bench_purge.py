"""A ticket press while a year's backlog is purged: the longest wait of an issue (≤ 50 ms).

A big office's year (365 days × 600 visitors, the demo's year) in a SQLite store, then
the office's retention shortened to 30 days, so some 335 days of tickets, calls,
visits and errands go at once, as after a retention change or a long time offline.
Another process (reception) issues a ticket every 20 ms meanwhile, each timed; the
baseline is the same process's issues in the second before the purge starts.
"""

from __future__ import annotations

import multiprocessing
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import update

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.models import Office
from app.services.access.actor import SYSTEM, Desk, acting
from app.services.office.clock import ManualClock, SystemClock
from app.services.office.info import seeder
from app.services.upkeep.retention import purge
from app.store.engine import open_store
from bench.common import figure, ms, percentile

YEAR_DAYS, VISITS_PER_DAY, KEEP_DAYS = 365, 600, 30
NOW = datetime(2025, 11, 20, 13, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
BUDGET_MS = 50.0
PACE_S = 0.02


def _reception(data_dir: str, started, stop, results) -> None:
    """Child: issue a ticket every PACE_S until told to stop; each issue timed."""
    from app.services.queue.calling import issue_ticket

    desk = Desk(open_store(resolve_settings(data_dir, env={})), SystemClock(), SYSTEM)
    issue_ticket(desk, "A")  # warm
    started.set()
    timed: list[tuple[float, float]] = []
    while not stop.is_set():
        at = time.perf_counter()
        issue_ticket(desk, "ABCD"[len(timed) % 4])
        timed.append((at, time.perf_counter() - at))
        time.sleep(PACE_S)
    desk.store.close()
    results.put(timed)


def run() -> list[dict]:
    """The year, the purge with reception issuing beside it, the waits."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        clock = ManualClock(NOW)
        store = open_store(resolve_settings(data_dir, env={}), now=clock.now, seed=seeder(clock))
        desk = Desk(store, clock, SYSTEM)
        generate_demo(desk, days=YEAR_DAYS, seed=7, visits_per_day=VISITS_PER_DAY)
        with acting(SYSTEM), store.write() as session:
            session.execute(update(Office).values(retention_days=KEEP_DAYS))
        ctx = multiprocessing.get_context("spawn")
        started, stop, results = ctx.Event(), ctx.Event(), ctx.Queue()
        child = ctx.Process(target=_reception, args=(str(data_dir), started, stop, results))
        child.start()
        started.wait(60)
        time.sleep(1.0)  # the baseline: reception's issues with nothing else running
        purge_start = time.perf_counter()
        with acting(SYSTEM):
            done = purge(desk)
        purge_end = time.perf_counter()
        time.sleep(0.2)
        stop.set()
        timed = results.get(timeout=60)
        child.join(60)
        store.close()
    before = [t for at, t in timed if at < purge_start]
    during = [t for at, t in timed if purge_start <= at <= purge_end]
    note = (
        f"{done.total} rows of {YEAR_DAYS - KEEP_DAYS} days purged in "
        f"{purge_end - purge_start:.1f} s, a day per transaction; {len(during)} issues "
        f"meanwhile from another process, median {ms(statistics.median(during))} ms; "
        f"before the purge: median {ms(statistics.median(before))} ms, "
        f"longest {ms(max(before))} ms"
    )
    return [
        figure("purge: longest wait of an issue during a year's purge", ms(max(during)), "ms",
               f"≤ {BUDGET_MS:g}", note),
        figure("purge: issue p99 during the purge", ms(percentile(during, 99)), "ms", None,
               "the same issues"),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:55} {row['value']:>8} {row['unit']}  {row['note']}")
