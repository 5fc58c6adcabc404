"""Booked visits: a week's file taken in, a check-in, and a call at a point reserved for
bookings with 500 waiting.

The import is compared with a raw sqlite3 baseline doing the same work by hand in the
same run (the csv module, the same HMAC per reference, one executemany in one
transaction, WAL + synchronous=FULL on the same disk); a check-in with issuing a ticket
(both one durable write of a ticket), interleaved. Run alone: ``python -m bench.bench_bookings``.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import itertools
import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.services.access.actor import SYSTEM, Desk
from app.services.bookings import day as bookings
from app.services.bookings.files import read_bookings
from app.services.office.clock import ManualClock
from app.services.queue import calling as q
from app.services.setup.points import update_service_point
from bench.bench_queue import _raw_connection, _store
from bench.common import figure, median, ms, percentile, ratio_text, time_calls

TZ = ZoneInfo("Europe/Stockholm")
MONDAY = date(2026, 1, 12)
DAYS, PER_DAY = 5, 120  # a busy office's week of bookings: 600 rows
AGENCIES = ("FK", "SKV", "AF", "PM")
CHECK_INS = 100
WAITING = 500
CALLS = 200
# Tuesday 13 January 2026, 08:00 UTC (09:00 in Stockholm): the bookings' second day.
NOW = datetime(2026, 1, 13, 8, 0, tzinfo=UTC)

IMPORT_RATIO_BUDGET = 6.0  # the baseline checks nothing against the catalog and diffs nothing
CHECK_IN_RATIO_BUDGET = 2.0
CALL_MEDIAN_BUDGET_MS = 2.0

HEADER = "booking_reference,date,start,minutes,agency,errand_type,language,interpreter,status"
RAW_TABLE = """
CREATE TABLE booking (
    id INTEGER PRIMARY KEY, business_day DATE NOT NULL, ref_hash VARCHAR(64) NOT NULL UNIQUE,
    starts_at DATETIME NOT NULL, minutes INTEGER NOT NULL, agency VARCHAR(12) NOT NULL,
    language VARCHAR(12), state VARCHAR(12) NOT NULL
)
"""


def _reference(day: int, n: int) -> str:
    return f"{AGENCIES[n % 4]}-{day}{n:05d}X"


def week_file() -> bytes:
    """Five days of bookings, every three minutes from 10:00 across four agencies."""
    lines = [HEADER]
    for day in range(DAYS):
        on = MONDAY + timedelta(days=day)
        for n in range(PER_DAY):
            at = datetime(on.year, on.month, on.day, 10, 0) + timedelta(minutes=3 * n)
            language = "ar" if n % 7 == 0 else ""
            lines.append(f"{_reference(day, n)},{on},{at:%H:%M},15,{AGENCIES[n % 4]},,"
                         f"{language},nej,")  # fmt: skip
    return ("\n".join(lines) + "\n").encode()


def _raw_import(conn: sqlite3.Connection, data: bytes, salt: bytes) -> None:
    """The baseline: what an import must do at least, by hand."""
    rows = []
    for record in csv.DictReader(io.StringIO(data.decode())):
        starts = datetime.fromisoformat(f"{record['date']}T{record['start']}").replace(tzinfo=TZ)
        digest = hmac.new(salt, record["booking_reference"].encode(), hashlib.sha256).hexdigest()
        when = starts.astimezone(UTC).isoformat(" ")
        language = record["language"] or None
        rows.append(
            (record["date"], digest, when, int(record["minutes"]), record["agency"], language)
        )
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM booking")
    conn.executemany(
        "INSERT INTO booking (business_day, ref_hash, starts_at, minutes, agency, language,"
        " state) VALUES (?, ?, ?, ?, ?, ?, 'booked')",
        rows,
    )
    conn.execute("COMMIT")


def bench_import(tmp: Path) -> list[dict[str, Any]]:
    """The week's file read and taken in (first time, then again unchanged) vs the raw way."""
    data = week_file()
    clock = ManualClock(NOW)
    app_times, again_times, raw_times = [], [], []
    raw = _raw_connection(tmp / "raw.sqlite3")
    raw.execute(RAW_TABLE)
    try:
        for round_ in range(5):
            store = _store(tmp / f"import-{round_}", clock)
            desk = Desk(store, clock, SYSTEM)
            try:
                start = time.perf_counter()
                result = bookings.import_bookings(desk, read_bookings(data, "week.csv", TZ))
                app_times.append(time.perf_counter() - start)
                assert result.added == DAYS * PER_DAY
                start = time.perf_counter()
                again = bookings.import_bookings(desk, read_bookings(data, "week.csv", TZ))
                again_times.append(time.perf_counter() - start)
                assert again.unchanged == DAYS * PER_DAY
            finally:
                store.close()
            start = time.perf_counter()
            _raw_import(raw, data, b"k" * 32)
            raw_times.append(time.perf_counter() - start)
    finally:
        raw.close()
    rows = DAYS * PER_DAY
    app, again, base = median(app_times), median(again_times), median(raw_times)
    return [
        figure(f"import a week's file ({rows} bookings), median", ms(app), "ms", None,
               "read, checked against the catalog, hashed and written in one transaction"),
        figure("import / raw csv+hmac+insert, median ratio", round(app / base, 2), "×",
               f"≤ {IMPORT_RATIO_BUDGET:g}", ratio_text(app, base, "import", "raw")),
        figure("the same file again (nothing changes), median", ms(again), "ms", None,
               f"{rows} unchanged"),
    ]  # fmt: skip


def bench_check_in(tmp: Path) -> list[dict[str, Any]]:
    """A check-in vs issuing a ticket, interleaved on one store."""
    clock = ManualClock(NOW)
    store = _store(tmp / "check-in", clock)
    desk = Desk(store, clock, SYSTEM)
    bookings.import_bookings(desk, read_bookings(week_file(), "week.csv", TZ))
    # Tuesday's bookings, latest first: none is too late at 09:00 in Stockholm.
    references = iter([_reference(1, n) for n in range(PER_DAY - 1, -1, -1)])
    letters = itertools.cycle("ABCD")
    try:
        check_times, issue_times = [], []
        for _ in range(CHECK_INS // 4):
            check_times += time_calls(lambda: bookings.check_in(desk, next(references)), 4)
            issue_times += time_calls(lambda: q.issue_ticket(desk, next(letters)), 4)
    finally:
        store.close()
    check, issue = median(check_times), median(issue_times)
    return [
        figure("check in a booking, median", ms(check), "ms", None,
               f"{len(check_times)} check-ins; p99 {ms(percentile(check_times, 99))} ms"),
        figure("check-in / issue ticket, median ratio", round(check / issue, 2), "×",
               f"≤ {CHECK_IN_RATIO_BUDGET:g}", ratio_text(check, issue, "check-in", "issue")),
    ]  # fmt: skip


def bench_reserved_call(tmp: Path) -> list[dict[str, Any]]:
    """call_next at a point reserved for bookings, 500 waiting (walk-ins and checked-in
    bookings), the day's other bookings still to come."""
    clock = ManualClock(NOW)
    store = _store(tmp / "reserved", clock)
    desk = Desk(store, clock, SYSTEM)
    update_service_point(desk, 1, reserve_minutes=15)
    bookings.import_bookings(desk, read_bookings(week_file(), "week.csv", TZ))
    references = iter([_reference(1, n) for n in range(PER_DAY - 1, -1, -1)])
    letters = itertools.cycle("ABCD")
    current: list[str] = []

    def issue_one() -> None:
        clock.advance(seconds=2)
        q.issue_ticket(desk, next(letters))

    def call() -> None:
        current.append(q.call_next(desk, 1).code)

    def finish_and_refill() -> None:
        q.finish(desk, current.pop())
        issue_one()

    try:
        for _ in range(WAITING - 60):
            issue_one()
        for _ in range(60):
            bookings.check_in(desk, next(references))
        # Bookings first (60), then walk-ins once no booking is due within 15 minutes.
        times = time_calls(call, CALLS, warmup=10, between=finish_and_refill)
    finally:
        store.close()
    return [
        figure(f"call next at a reserved point, {WAITING} waiting, median", ms(median(times)),
               "ms", f"≤ {CALL_MEDIAN_BUDGET_MS:g}",
               f"{len(times)} calls; p99 {ms(percentile(times, 99))} ms; 60 checked-in "
               "bookings first, then walk-ins in the gaps"),
    ]  # fmt: skip


def run() -> list[dict[str, Any]]:
    """The bookings benchmarks, in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="servicedisk-bench-") as tmp:
        base = Path(tmp)
        return bench_import(base) + bench_check_in(base) + bench_reserved_call(base)


if __name__ == "__main__":
    for row in run():
        budget = f"  (budget {row['budget']})" if row["budget"] else ""
        print(f"{row['name']:55} {row['value']:>8} {row['unit']}{budget}  {row['note']}")
