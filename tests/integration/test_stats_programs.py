"""Statistics while other programs work on the store: every write counted, no stale summary.

Several command-line processes issue, call and finish at once; `servicedisk
stats` in a process of its own must count exactly what the store holds, and a
summary it stored must be computed again once another program changed the day.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest

from app.services.office.clock import OFFICE_TZ

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def cli(office: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SERVICEDISK_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(office), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert done.returncode in (0, 3), done.stderr
    return done


def stats_today(office: Path) -> dict:
    today = datetime.now(OFFICE_TZ).date().isoformat()  # the office's day, not the machine's
    return json.loads(cli(office, "stats", "--from", today, "--to", today, "--json").stdout)


def test_stats_count_what_several_programs_wrote(tmp_path):
    office = tmp_path / "office"
    cli(office, "ticket", "issue", "A")
    before = stats_today(office)["totals"]
    assert before["visitors"] == 1  # stored now, as this day's summary

    def desk(letter: str) -> None:
        for _ in range(4):
            cli(office, "ticket", "issue", letter)

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(desk, "ABC"))
    for point in ("1", "2", "3"):
        code = cli(office, "ticket", "call", "--point", point).stdout.split()[0]
        cli(office, "ticket", "finish", code)
    after = stats_today(office)["totals"]  # the day moved on: computed again
    with sqlite3.connect(f"{(office / 'servicedisk.sqlite3').as_uri()}?mode=ro", uri=True) as db:
        stored = db.execute("SELECT COUNT(*), SUM(state = 'done') FROM ticket").fetchone()
    db.close()
    assert (after["visitors"], after["served"]) == stored == (13, 3)
    assert after["wait_count"] == 3
