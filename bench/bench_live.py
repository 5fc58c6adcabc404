"""The live snapshot's cost on the office PC: build + push per snapshot, and the GUI thread.

A busy office's store (the demo's last 30 days at 600 visitors a day, at 13:30 on a
Thursday: today's tickets so far, every one with a follow key as issued tickets
have, the live page on) pushes to the receiver served as production serves it, in
a process of its own on loopback (``python -m app.receiver serve``, SQLite).

- build + push: :func:`~app.sync.live.live_snapshot` (one read of the store) and
  :func:`~app.sync.live.push_live` (validate, serialise, one ``PUT``), timed apart,
  over many snapshots on a kept-alive connection, as the pusher sends them.
- the GUI thread: a 5 ms QTimer's longest gap while the app's
  :class:`~app.ui.shell.live_worker.LivePusher` runs on the thread runner, pushing a
  full snapshot every round (every 200 ms here, 25 times the app's pace, and no
  "unchanged" skips), against the same timer with no pusher in the same run.

Run alone: ``python -m bench.bench_live``.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.receiver import db, tokens
from app.services.access.actor import SYSTEM, Desk, acting
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.store.engine import Store, open_store
from app.sync.client import Target, http_client
from app.sync.live import live_snapshot, push_live
from bench.bench_receiver import Receiver
from bench.common import figure, longest_gui_stall, median, ms, percentile

NOW = datetime(2025, 11, 20, 13, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
DAYS, VISITS_PER_DAY = 30, 600
SNAPSHOTS = 200  # built and pushed one after another
STALL_S = 8.0  # each GUI measurement (the baseline, then with the pusher)
PUSH_EVERY_MS = 200


def _busy_day(folder: Path) -> tuple[Store, ManualClock, dict[str, int]]:
    """The store, its clock, and what today holds."""
    clock = ManualClock(NOW)
    settings = resolve_settings(data_dir=folder / "office", env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    desk = Desk(store, clock, SYSTEM)
    generate_demo(desk, days=DAYS, seed=7, visits_per_day=VISITS_PER_DAY)
    today = NOW.date()
    with acting(SYSTEM), store.write() as session:  # demo tickets have no key; issued ones do
        ids = [row[0] for row in session.execute(_TODAY, {"day": today})]
        session.execute(_KEY, [{"id": id_, "key": secrets.token_urlsafe(12)} for id_ in ids])
        session.execute(_LIVE_ON)
    with store.reading() as fetch:
        counts = dict(fetch(_STATES, {"day": today}))
    return store, clock, counts


_TODAY = text("SELECT id FROM ticket WHERE business_day = :day")
_KEY = text("UPDATE ticket SET follow_key = :key WHERE id = :id")
_LIVE_ON = text("UPDATE office SET live_page = true")
_STATES = "SELECT state, COUNT(*) FROM ticket WHERE business_day = :day GROUP BY state"


def _build_and_push(store: Store, clock: ManualClock, url: str) -> dict[str, Any]:
    """Many snapshots built and pushed, one after another; the times of each step."""
    target = Target(url, "bench", "exempelstad")
    built, pushed, sizes, tickets = [], [], [], 0
    with http_client() as client:
        for n in range(SNAPSHOTS + 5):
            start = time.perf_counter()
            document = live_snapshot(store, clock)
            middle = time.perf_counter()
            result = push_live(store, clock, target, client, document=document)
            end = time.perf_counter()
            if not result.ok:
                raise RuntimeError(f"the receiver refused the snapshot: {result.error}")
            if n >= 5:  # the first few warm the connection and the caches
                built.append(middle - start)
                pushed.append(end - middle)
                sizes.append(result.size)
                tickets = result.tickets
    totals = [b + p for b, p in zip(built, pushed, strict=True)]
    return {"built": built, "pushed": pushed, "totals": totals, "size": max(sizes), "n": tickets}


def _gui_stalls(store: Store, clock: ManualClock, url: str) -> tuple[float, float, int]:
    """The longest gap of a 5 ms timer with no pusher, then with the pusher; its pushes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.sync import live_sender
    from app.ui.shell.context import UiContext
    from app.ui.shell.live_worker import LivePusher
    from app.ui.shell.prefs import Prefs
    from app.ui.shell.runner import ThreadRunner
    from app.ui.shell.watcher import RevisionWatcher

    app = QApplication.instance() or QApplication([])
    assert store.settings is not None
    ctx = UiContext(
        settings=store.settings,
        store=store,
        clock=clock,
        runner=ThreadRunner(),
        watcher=RevisionWatcher(store, clock),
        prefs=Prefs(store.settings.data_dir / "bench.ini"),
        office_name="Bench",
    )
    env = {"SERVICEDISK_SYNC_URL": url, "SERVICEDISK_SYNC_TOKEN": "bench"}

    def for_a_while() -> Any:
        until = time.monotonic() + STALL_S
        return lambda: time.monotonic() >= until

    baseline = longest_gui_stall(app, lambda: None, for_a_while())
    heartbeat, live_sender.HEARTBEAT_S = live_sender.HEARTBEAT_S, 0.0  # every round pushes
    try:
        pusher = LivePusher(ctx, interval_ms=PUSH_EVERY_MS, env=env)
        rounds: list[Any] = []
        pusher.pushed.connect(rounds.append)
        with_pusher = longest_gui_stall(app, pusher.start, for_a_while())
        pusher.stop()
        pusher.wait(10)
    finally:
        live_sender.HEARTBEAT_S = heartbeat
    ctx.runner.wait()  # type: ignore[attr-defined]
    ctx.watcher.stop()
    pushes = sum(1 for r in rounds if r.result is not None and r.result.ok)
    return baseline, with_pusher, pushes


def run() -> list[dict[str, Any]]:
    """Build + push per snapshot, and the GUI thread's longest stall while the pusher runs."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, clock, counts = _busy_day(folder)
        url = f"sqlite:///{folder / 'receiver.sqlite3'}"
        engine = db.open_engine(url)
        db.upgrade(engine)
        tokens.add(engine, ["*"], plain="bench")
        engine.dispose()
        try:
            with Receiver(url, 1, folder / "receiver.log") as receiver:
                timed = _build_and_push(store, clock, receiver.base)
                baseline, stall, pushes = _gui_stalls(store, clock, receiver.base)
        finally:
            store.close()
    today = sum(counts.values())
    waiting = counts.get("waiting", 0)
    day = f"{today} tickets today ({waiting} waiting), {timed['n']} in the snapshot"
    return [
        figure(
            "live: build + push a snapshot, median",
            ms(median(timed["totals"])),
            "ms",
            None,
            f"{day}, {timed['size'] / 1000:.0f} kB; build {ms(median(timed['built']))} ms "
            f"+ push {ms(median(timed['pushed']))} ms (median of {SNAPSHOTS})",
        ),
        figure(
            "live: build + push a snapshot, p99",
            ms(percentile(timed["totals"], 99)),
            "ms",
            "≤ 1000",
            f"build p99 {ms(percentile(timed['built'], 99))} ms, push p99 "
            f"{ms(percentile(timed['pushed'], 99))} ms: well inside the pusher's 5 s round",
        ),
        figure(
            "live: GUI thread's longest stall while the pusher runs",
            round(stall, 1),
            "ms",
            "≤ 50",
            f"{pushes} full snapshots pushed in {STALL_S:.0f} s (every {PUSH_EVERY_MS} ms); "
            f"the same 5 ms timer with no pusher: {baseline:.1f} ms",
        ),
    ]


def main() -> int:
    from bench.__main__ import print_table
    from bench.common import within_budget

    rows = [{"module": "bench_live", **r} for r in run()]
    for r in rows:
        r["ok"] = within_budget(r)
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
