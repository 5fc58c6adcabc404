"""A ticket press while a year's backlog is purged: the longest wait of an issue (≤ 50 ms).

A big office's year (365 days × 600 visitors, the demo's year) in a SQLite store, then
the office's retention shortened to 30 days, so some 335 days of tickets, calls,
visits and errands go at once, as after a retention change or a long time offline.
Another process (reception) issues a ticket every 20 ms meanwhile, each timed; the
baseline is the same process's issues in the second before the purge starts
(bench/desk_waits.py, shared with bench_long_work).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import update

from app.models import Office
from app.services.access.actor import SYSTEM, acting
from app.services.upkeep.retention import purge
from bench.desk_waits import YEAR_DAYS, big_office_year, issues_during, timed_writes, wait_figures

KEEP_DAYS = 30


def run() -> list[dict]:
    """The year, the purge with reception issuing beside it, the waits."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        desk = big_office_year(data_dir)
        with acting(SYSTEM), desk.store.write() as session:
            session.execute(update(Office).values(retention_days=KEEP_DAYS))
        with timed_writes(desk.store) as writes:
            done, waits = issues_during(data_dir, lambda: purge(desk))
        desk.store.close()
    rows = done.total if done is not None else "the"
    what = (
        f"{rows} rows of {YEAR_DAYS - KEEP_DAYS} days purged (their summaries made first), "
        "a day per transaction"
    )
    return wait_figures(
        "purge: longest wait of an issue during a year's purge",
        "purge: issue p99 during the purge",
        waits,
        what,
        writes,
    )


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:55} {row['value']:>8} {row['unit']}  {row['note']}")
