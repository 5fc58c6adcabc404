"""Sync: a year's backlog to the local receiver, and the receiver under 50 offices at once.

The receiver is the real one (uvicorn on a loopback port, in a thread of this
process, its own SQLite file); for the GUI's stalls it runs as a program of its own, as
an office meets it. The backlog is the demo's 365 days at 600
visitors a day, sent by the client the app uses (summaries computed first,
as statistics would have). Run alone: ``python -m bench.bench_sync``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.services.access.actor import SYSTEM, Desk, acting
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.stats.summary import day_summaries
from app.store.engine import open_store
from app.sync.client import Target, send_pending
from app.sync.payload import build_payload
from bench.common import figure, longest_gui_stall, percentile

NOW = datetime(2025, 11, 20, 13, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
OFFICES, DAYS_EACH = 50, 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Receiver:
    """The reference receiver on a loopback port, in a thread."""

    def __init__(self, folder: Path) -> None:
        import uvicorn

        from app.receiver import db, tokens
        from app.receiver.app import create_app
        from app.receiver.guard import RateLimit

        self.engine = db.open_engine(f"sqlite:///{folder / 'receiver.sqlite3'}")
        db.upgrade(self.engine)
        tokens.add(self.engine, ["*"], plain="bench")
        self.port = _free_port()
        config = uvicorn.Config(
            create_app(self.engine, rate=RateLimit(rate=1e6, burst=10**6)),
            host="127.0.0.1",
            port=self.port,
            log_level="error",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> _Receiver:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.engine.dispose()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def held(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT COUNT(*) FROM received_day").scalar() or 0)


class _ReceiverProgram:
    """The reference receiver as a program of its own (``python -m app.receiver serve``), as
    an office meets it: its work does not share this process's interpreter lock with the
    GUI whose stalls are measured."""

    def __init__(self, folder: Path) -> None:
        self.database = f"sqlite:///{folder / 'receiver-program.sqlite3'}"
        self.log = folder / "receiver-program.log"
        self.port = _free_port()
        self.token = ""
        self.process: subprocess.Popen[bytes] | None = None

    def _cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "app.receiver", "--database", self.database, *args],
            capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        return done.stdout.strip()

    def __enter__(self) -> _ReceiverProgram:
        self._cli("upgrade")
        self.token = self._cli("token", "add", "--office", "*")
        with self.log.open("wb") as said:  # the program's own copy stays open
            self.process = subprocess.Popen(
                [sys.executable, "-m", "app.receiver", "--database", self.database, "serve",
                 "--port", str(self.port), "--rate", "100000", "--burst", "100000"],
                stdout=subprocess.DEVNULL, stderr=said,
            )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
            if self.process.poll() is not None:
                break
        said = self.log.read_text(errors="replace")[-500:]
        raise RuntimeError(f"the receiver program did not answer within 30 s: {said}")

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def run() -> list[dict]:
    """The backlog's time, then 50 offices sending 30 days each at once."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clock = ManualClock(NOW)
        settings = resolve_settings(data_dir=folder / "office", env={})
        store = open_store(settings, now=clock.now, seed=seeder(clock))
        try:
            desk = Desk(store, clock, SYSTEM)
            generate_demo(desk, days=365, seed=7, visits_per_day=600)
            first = NOW.date() - timedelta(days=364)
            summaries = day_summaries(store, first, NOW.date(), clock.now())
            with _Receiver(folder) as receiver, httpx.Client() as client:
                target = Target(receiver.url, "bench", "exempelstad")
                start = time.perf_counter()
                report = send_pending(desk, target, client)
                backlog = time.perf_counter() - start
                sent = len(report.acked)
                documents = [
                    build_payload(s, office="x", day=d, revision=1, threshold=5).model_dump()
                    for d, s in list(summaries.items())[:DAYS_EACH]
                ]
                latencies, wall = _many_offices(receiver.url, documents)
                kept = receiver.held()
            with _ReceiverProgram(folder) as program:
                stall = _stall_while_syncing(store, clock, settings, program.url, program.token)
        finally:
            store.close()
    puts = OFFICES * DAYS_EACH
    return [
        figure(
            "sync: the app's longest GUI stall while it sends",
            round(stall, 1),
            "ms",
            "≤ 50",
            "a year's backlog sent by the app's worker (on the runner) to the receiver as a "
            "program of its own, while a 5 ms timer ticks",
        ),
        figure(
            "sync: a year's backlog to the local receiver",
            round(backlog, 2),
            "s",
            "≤ 10",
            f"{sent} days sent and acknowledged over loopback HTTP, one request each",
        ),
        figure(
            "sync: receiver, 50 offices at once, PUTs per second",
            round(puts / wall),
            "PUT/s",
            None,
            f"{OFFICES} offices × {DAYS_EACH} days; {kept - sent} of {puts} kept",
        ),
        figure(
            "sync: receiver, 50 offices at once, p99",
            round(percentile(latencies, 99) * 1000, 1),
            "ms",
            None,
            f"median {percentile(latencies, 50) * 1000:.1f} ms; all kept: {kept - sent == puts}",
        ),
    ]


def _stall_while_syncing(store, clock, settings, url: str, token: str) -> float:
    """The app's worker sends the whole backlog again, to a receiver in another process;
    the longest gap between GUI ticks."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SERVICEDISK_SYNC_URL"], os.environ["SERVICEDISK_SYNC_TOKEN"] = url, token
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import delete

    from app.models import SyncState
    from app.ui.shell.context import UiContext
    from app.ui.shell.prefs import Prefs
    from app.ui.shell.runner import ThreadRunner
    from app.ui.shell.sync_worker import SyncWorker
    from app.ui.shell.watcher import RevisionWatcher

    app = QApplication.instance() or QApplication([])
    with acting(SYSTEM), store.write() as session:  # everything to send again
        session.execute(delete(SyncState))
    ctx = UiContext(
        settings=settings,
        store=store,
        clock=clock,
        runner=ThreadRunner(),
        watcher=RevisionWatcher(store, clock),
        prefs=Prefs(settings.data_dir / "bench.ini"),
        office_name="Bench",
        role="manager",  # "Synka nu" is the manager's
    )
    worker = SyncWorker(ctx)
    lines: list[object] = []
    worker.changed.connect(lines.append)
    stall = longest_gui_stall(app, worker.sync_now, lambda: bool(lines))
    worker.timer.stop()
    ctx.runner.wait()
    ctx.watcher.stop()
    return stall


def _many_offices(url: str, documents: list[dict]) -> tuple[list[float], float]:
    def office(n: int) -> list[float]:
        code = f"office-{n:02d}"
        times: list[float] = []
        with httpx.Client(base_url=url, headers={"Authorization": "Bearer bench"}) as client:
            for doc in documents:
                body = json.dumps({**doc, "office": code}, default=str)
                start = time.perf_counter()
                answer = client.put(
                    f"/v1/offices/{code}/days/{doc['day']}",
                    content=body,
                    headers={"Content-Type": "application/json"},
                    timeout=60,
                )
                times.append(time.perf_counter() - start)
                assert answer.status_code == 200, answer.text
        return times

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=OFFICES) as pool:
        results = list(pool.map(office, range(OFFICES)))
    return [t for r in results for t in r], time.perf_counter() - start


if __name__ == "__main__":
    for row in run():
        print(row)
