"""Demo data for a big office's year: 365 days at 600 visitors a day — time and database size.

Generated in-process into a fresh store (the seed office, migrations applied
before the clock starts) at a fixed instant, so every run writes the same
rows. Run alone: ``python -m bench.bench_demo``.
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.services.access.actor import SYSTEM, Desk
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.store.engine import open_store

YEAR_DAYS = 365
VISITS_PER_DAY = 600
SEED = 7
# A Thursday afternoon: today is filled up to 13:30 with a live queue.
NOW = datetime(2025, 11, 20, 13, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
BUDGET_SECONDS = 30  # the issue: "well under a minute"


def _size_mb(data_dir: Path) -> float:
    files = data_dir.glob("servicedisk.sqlite3*")
    return sum(f.stat().st_size for f in files if not f.name.endswith(".lock")) / 1e6


def run() -> list[dict]:
    """Generate the year once; returns its time, CPU time, size and row rate."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        clock = ManualClock(NOW)
        store = open_store(
            resolve_settings(data_dir=data_dir, env={}),
            now=clock.now,
            seed=seeder(clock),
        )
        try:
            wall, cpu = time.perf_counter(), time.process_time()
            desk = Desk(store, clock, SYSTEM)
            result = generate_demo(desk, days=YEAR_DAYS, seed=SEED, visits_per_day=VISITS_PER_DAY)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        finally:
            store.close()  # checkpoints the WAL into the file
        size = _size_mb(data_dir)
    rows = result.tickets + result.visits + result.errands + result.calls
    shape = f"{YEAR_DAYS} days × {VISITS_PER_DAY}/day, seed {SEED}"
    return [
        {
            "name": "demo: generate one year",
            "value": round(wall, 1),
            "unit": "s",
            "budget": f"≤ {BUDGET_SECONDS}",
            "note": f"{shape}; {result.days} open days, {result.tickets} tickets, "
            f"{result.visits} visits, {result.errands} errands, {result.calls} calls",
        },
        {
            "name": "demo: CPU time for the year",
            "value": round(cpu, 1),
            "unit": "s",
            "budget": None,
            "note": "process time: steadier than wall time on a busy machine",
        },
        {
            "name": "demo: rows written per second",
            "value": round(rows / wall),
            "unit": "rows/s",
            "budget": None,
            "note": "tickets, call events, visits and errands",
        },
        {
            "name": "demo: database size, one year",
            "value": round(size, 1),
            "unit": "MB",
            "budget": None,
            "note": f"{shape}; SQLite file after closing",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:45} {row['value']:>8} {row['unit']:6} {row['budget'] or ''}")
        if row["note"]:
            print(f"{'':45} {row['note']}")
