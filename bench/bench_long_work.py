"""A ticket press while the day summaries of a year are made, and while the store is
backed up: the longest wait of an issue (≤ 50 ms each), on SQLite.

The purge bench's big office's year (365 days × 600 visitors, bench/desk_waits.py) in
a SQLite store, then the hourly upkeep's two long jobs, one after the other, as
the app runs them: every past day's summary computed and stored
(``compute_past_days``, a week of days per write transaction), then the day's
automatic backup (``daily_backup``: SQLite's backup API into backups/). Another
process (reception) issues a ticket every 20 ms during each, every issue timed;
the baseline is its issues in the second before each job starts. The same on a
PostgreSQL server: bench_long_work_server.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from app.services.access.actor import Desk
from app.services.stats.summary import STORE_BATCH_DAYS, compute_past_days
from app.services.upkeep.backups import daily_backup
from bench.desk_waits import big_office_year, issues_during, timed_writes, wait_figures


def summaries(desk: Desk, data_dir: Path, url: str | None = None, where: str = "") -> list[Any]:
    """Every past day's summary made with reception issuing beside it; the waits."""
    with timed_writes(desk.store) as writes:
        days, waits = issues_during(
            data_dir, lambda: compute_past_days(desk.store, desk.clock.now()), url
        )
    return wait_figures(
        f"summaries{where}: longest wait of an issue while a year's summaries are made",
        f"summaries{where}: issue p99 while they are made",
        waits,
        f"{days if days is not None else 'the'} days' summaries computed and stored, "
        f"{STORE_BATCH_DAYS} days per transaction",
        writes,
    )


def backup(desk: Desk, data_dir: Path, url: str | None = None, where: str = "") -> list[Any]:
    """The day's automatic backup taken with reception issuing beside it; the waits."""
    with timed_writes(desk.store) as writes:
        path, waits = issues_during(data_dir, lambda: daily_backup(desk), url)
    if path is None and waits.failed is None:
        raise RuntimeError("the daily backup was not taken (taken today already?)")
    size = f", {path.stat().st_size / 1e6:.0f} MB" if path is not None else ""
    how = "SQLite's backup API" if url is None else "a portable SQLite copy, checked"
    return wait_figures(
        f"backup{where}: longest wait of an issue during a backup of the year",
        f"backup{where}: issue p99 during the backup",
        waits,
        f"the daily backup ({how}){size}",
        writes,
    )


def run() -> list[dict[str, Any]]:
    """The year, then its summaries and its backup, each with reception issuing beside it."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        desk = big_office_year(data_dir)
        try:
            return summaries(desk, data_dir) + backup(desk, data_dir)
        finally:
            desk.store.close()


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:65} {row['value']:>8} {row['unit']}  {row['note']}")
