"""A correction made on one PC (here the command line, a process of its own) is kept and
seen at once by every other program on the store: the day's revision moves, so the
screens and the statistics read it again, and the visit lists show the corrected errand.
On SQLite and on a PostgreSQL server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.services.errands import logbook as errands
from app.services.errands.records import ErrandInput
from app.services.errands.visits import day_visits
from app.services.office.clock import SystemClock
from app.services.queue import calling as q
from app.services.queue.views import REVISION_SQL
from tests.conftest import desk_for

pytestmark = [pytest.mark.both_stores, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def _revision(store) -> int:
    with store.read() as session:
        return int(session.scalar(text(REVISION_SQL)) or 0)


def test_a_correction_from_another_process_is_seen_by_this_one(store):
    settings = store.settings
    assert settings is not None
    desk = desk_for(store, SystemClock())
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    visit = errands.finish_with_errands(desk, "A001", [ErrandInput("FK", None, "resolved")])
    before = _revision(store)
    command = [sys.executable, "-m", "app", "--data-dir", str(settings.data_dir)]
    if settings.sqlite_path is None:
        command += ["--database-url", settings.database_url]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SERVICEDISK_DATABASE_URL", None)
    errand_id = str(visit.errands[0].id)
    done = subprocess.run(
        [*command, "errand", "correct", errand_id, "--outcome", "documents"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "documents"
    assert _revision(store) > before  # every screen's watcher reads the day again
    (seen,) = day_visits(desk)
    assert [e.outcome_code for e in seen.errands] == ["documents"]
    assert seen.errands[0].corrected
