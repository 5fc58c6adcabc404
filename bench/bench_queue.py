"""The queue engine: issue a ticket durably, and call the next one with 500 waiting.

Issuing is compared with a raw sqlite3 insert + commit with the same pragmas
(WAL, synchronous=FULL) on the same disk, interleaved with it in the same run, so
the ratio holds on a laptop with a slow fsync and on a server with a fast one.
Run alone: ``python -m bench.bench_queue``.
"""

from __future__ import annotations

import itertools
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.config import resolve_settings
from app.services.access.actor import SYSTEM, Desk
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.store.engine import BUSY_TIMEOUT_MS, Store, open_store
from bench.common import figure, median, ms, percentile, ratio_text, time_calls

ISSUES = 400  # 100 per queue: well inside the 999 a queue may issue per day
WARMUP = 20
WAITING = 500
CALLS = 300
# A Tuesday morning: every ticket lands on one business day.
NOW = datetime(2026, 1, 13, 8, 0, tzinfo=UTC)

ISSUE_RATIO_BUDGET = 2.0
ISSUE_P99_BUDGET_MS = 5.0
CALL_MEDIAN_BUDGET_MS = 2.0

RAW_TABLE = """
CREATE TABLE ticket (
    id INTEGER PRIMARY KEY,
    business_day DATE NOT NULL,
    code VARCHAR(8) NOT NULL,
    number INTEGER NOT NULL,
    queue_id INTEGER NOT NULL,
    state VARCHAR(12) NOT NULL,
    issued_at DATETIME NOT NULL,
    UNIQUE (business_day, code)
)
"""


def _store(data_dir: Path, clock: ManualClock) -> Store:
    settings = resolve_settings(data_dir=data_dir, env={})
    return open_store(settings, now=clock.now, seed=seeder(clock))


def _raw_connection(path: Path) -> sqlite3.Connection:
    """The baseline: plain sqlite3 with the store's pragmas."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(RAW_TABLE)
    return conn


def bench_issue(tmp: Path) -> list[dict[str, Any]]:
    """Issue durably vs a raw insert+commit, alternating one of each."""
    clock = ManualClock(NOW)
    store = _store(tmp / "issue", clock)
    raw = _raw_connection(tmp / "raw.sqlite3")
    letters = itertools.cycle("ABCD")
    numbers = itertools.count(1)

    def issue() -> None:
        desk = Desk(store, clock, SYSTEM)
        q.issue_ticket(desk, next(letters))

    def raw_insert() -> None:
        n = next(numbers)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO ticket (business_day, code, number, queue_id, state, issued_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ("2026-01-13", f"R{n:05d}", n, 1, "waiting", "2026-01-13 08:00:00.000000"),
        )
        raw.execute("COMMIT")

    try:
        app_times: list[float] = []
        raw_times: list[float] = []
        for _ in range(WARMUP):
            issue()
            raw_insert()
        for _ in range(ISSUES // 4 - WARMUP // 4):
            # interleaved in small blocks so both sides see the same disk and cache
            app_times += time_calls(issue, 4)
            raw_times += time_calls(raw_insert, 4)
    finally:
        raw.close()
        store.close()
    app_median, raw_median = median(app_times), median(raw_times)
    app_p99 = percentile(app_times, 99)
    n = len(app_times)
    return [
        figure("issue ticket, median", ms(app_median), "ms", None, f"{n} issues, 4 queues"),
        figure("raw sqlite3 insert+commit, median", ms(raw_median), "ms", None,
               f"{len(raw_times)} inserts, WAL + synchronous=FULL, same disk, interleaved"),
        figure("issue / raw insert, median ratio", round(app_median / raw_median, 2), "×",
               f"≤ {ISSUE_RATIO_BUDGET:g}", ratio_text(app_median, raw_median, "issue", "raw")),
        figure("issue ticket, p99", ms(app_p99), "ms", f"≤ {ISSUE_P99_BUDGET_MS:g}",
               f"raw p99 {ms(percentile(raw_times, 99))} ms"),
    ]  # fmt: skip


def bench_call_next(tmp: Path, waiting: int, budget: str | None) -> list[dict[str, Any]]:
    """call_next at one point while `waiting` wait across four queues (one in ten booked)."""
    clock = ManualClock(NOW)
    store = _store(tmp / f"call-{waiting}", clock)
    letters = itertools.cycle("ABCD")
    issued = itertools.count()

    def issue_one() -> None:
        clock.advance(seconds=7)
        desk = Desk(store, clock, SYSTEM)
        q.issue_ticket(desk, next(letters), booked=next(issued) % 10 == 0)

    current: list[str] = []

    def call() -> None:
        desk = Desk(store, clock, SYSTEM)
        current.append(q.call_next(desk, 1).code)

    def finish_and_refill() -> None:
        clock.advance(seconds=5)
        desk = Desk(store, clock, SYSTEM)
        q.finish(desk, current.pop())
        issue_one()  # keep the same number waiting

    try:
        for _ in range(waiting):
            issue_one()
        times = time_calls(call, CALLS, warmup=10, between=finish_and_refill)
    finally:
        store.close()
    note = f"{len(times)} calls at one point serving 4 queues; p99 {ms(percentile(times, 99))} ms"
    if budget is None:
        note += "; a reference: what a call costs whatever the queue's length"
    return [
        figure(f"call next with {waiting} waiting, median", ms(median(times)), "ms", budget, note)
    ]


def run() -> list[dict[str, Any]]:
    """Both queue benchmarks, in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="servicedisk-bench-") as tmp:
        base = Path(tmp)
        return (
            bench_issue(base)
            + bench_call_next(base, WAITING, f"≤ {CALL_MEDIAN_BUDGET_MS:g}")
            + bench_call_next(base, 5, None)
        )


if __name__ == "__main__":
    for row in run():
        budget = f"  (budget {row['budget']})" if row["budget"] else ""
        print(f"{row['name']:40} {row['value']:>8} {row['unit']}{budget}  {row['note']}")
