"""The kiosk: its start against a bare window, and a touch until the ticket is shown and printing.

Start: from launching a fresh Python process until the kiosk's first page shows the
office's languages (``servicedisk --kiosk``, a month of history in the store), against
a bare PySide6 window started the same way (bench_startup's), medians of five.
Budget: at most three times the bare window.

Touch to ticket: in one process, the kiosk on a real SQLite store and the app's own
thread runner, a visitor presses a queue; timed until the ticket page shows the code
(issued, read back with the people ahead and the wait) and until the printout has been
handed to the printer (a PDF file through Qt's printer, as an office without a
printer gets). Budget: 300 ms to shown and printing. The baseline is a raw sqlite3
insert of a ticket row on the same store.
Run alone: ``python -m bench.bench_kiosk``.
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_startup import BARE, _time_process
from bench.common import figure

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
TOUCHES = 20
HISTORY_DAYS, VISITS_PER_DAY = 30, 300

KIOSK = r"""
import sys
from app.cli import main as cli
cli.load_gui()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from app.services.office import calendar
calendar.is_holiday = lambda _day: False
def shown():
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    kiosk = windows[0] if windows else None
    if kiosk is None or len(getattr(kiosk, "languages").buttons) < 3:
        QTimer.singleShot(1, shown)  # the office's languages read, the first page whole
        return
    app.processEvents()
    print("SHOWN", flush=True)
    kiosk.unlocked = True
    app.quit()
QTimer.singleShot(0, shown)
sys.exit(cli.main(["--data-dir", sys.argv[1], "--kiosk"]))
"""


def _history(data_dir: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "demo", "--days",
         str(HISTORY_DAYS), "--visits-per-day", str(VISITS_PER_DAY), "--seed", "3"],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def _start_figures(data_dir: Path, pycache: Path) -> list[dict[str, Any]]:
    _time_process(KIOSK, str(data_dir), pycache=pycache)  # warm the bytecode and the files
    _time_process(BARE, pycache=pycache)
    bare, kiosk = [], []
    for _ in range(ROUNDS):
        bare.append(_time_process(BARE, pycache=pycache)[0])
        kiosk.append(_time_process(KIOSK, str(data_dir), pycache=pycache)[0])
    bare_s, kiosk_s = statistics.median(bare), statistics.median(kiosk)
    return [
        figure("kiosk start: bare PySide6 window", round(bare_s * 1000), "ms", None,
               f"median of {ROUNDS}"),
        figure("kiosk start: first page with the office's languages", round(kiosk_s * 1000),
               "ms", None, f"{HISTORY_DAYS} days of history, median of {ROUNDS}"),
        figure("kiosk start ratio / bare window", round(kiosk_s / bare_s, 2), "×", "≤ 3"),
    ]  # fmt: skip


def _touch_figures(data_dir: Path) -> list[dict[str, Any]]:
    from PySide6.QtWidgets import QApplication

    from app.config import resolve_settings
    from app.services.access.actor import KIOSK as KIOSK_ACTOR
    from app.services.office import calendar
    from app.services.office.clock import SystemClock
    from app.store.engine import open_store
    from app.ui.kiosk.window import KioskWindow
    from app.ui.reception.printing import QtTicketPrinter
    from app.ui.shell.context import UiContext
    from app.ui.shell.prefs import Prefs
    from app.ui.shell.runner import ThreadRunner
    from app.ui.shell.watcher import RevisionWatcher

    app = QApplication.instance() or QApplication([])
    calendar.is_holiday = lambda _day: False  # type: ignore[assignment]
    settings = resolve_settings(data_dir, env={})
    clock = SystemClock()
    store = open_store(settings, now=clock.now)
    _open_now(store)
    runner = ThreadRunner(app)
    prefs = Prefs(data_dir / "workstation.ini")
    prefs.set("printing/mode", "pdf")
    ctx = UiContext(settings=settings, store=store, clock=clock, runner=runner,
                    watcher=RevisionWatcher(store, clock, runner), prefs=prefs,
                    office_name="Bench", actor=KIOSK_ACTOR)  # fmt: skip
    printer = QtTicketPrinter(data_dir / "tickets", prefs)
    window = KioskWindow(ctx, printer=printer)
    window.resize(1080, 1920)
    window.show()
    _until(app, lambda: "B" in window.topics.buttons)
    shown, printed = [], []
    try:
        for _ in range(TOUCHES):
            window.languages.buttons["ar"].click()
            start = time.perf_counter()
            before = len(list((data_dir / "tickets").glob("*.pdf"))) if (
                data_dir / "tickets").exists() else 0  # fmt: skip
            window.topics.buttons["B"].click()
            _until(app, lambda: window.stack.currentWidget() is window.ticket)
            shown.append(time.perf_counter() - start)
            _until(app, lambda b=before: len(list((data_dir / "tickets").glob("*.pdf"))) > b)
            printed.append(time.perf_counter() - start)
            window.ticket.done_button.click()
        raw = _raw_insert(settings.sqlite_path)
    finally:
        window.unlocked = True
        window.close()
        runner.wait()
        store.close()
    shown_ms = statistics.median(shown) * 1000
    printed_ms = statistics.median(printed) * 1000
    return [
        figure("kiosk touch → ticket shown", round(shown_ms, 1), "ms", "≤ 300",
               f"median of {TOUCHES}; p95 {sorted(shown)[int(TOUCHES * 0.95) - 1] * 1000:.1f} ms;"
               f" {shown_ms / (raw * 1000):.0f}× a raw sqlite3 insert ({raw * 1000:.2f} ms)"),
        figure("kiosk touch → printout handed to the printer (PDF)", round(printed_ms, 1), "ms",
               "≤ 300", f"median of {TOUCHES}"),
    ]  # fmt: skip


def _open_now(store: Any) -> None:
    """Open all day, no cut-off: the bench runs whenever it is run."""
    from app.services.access.actor import SYSTEM, Desk
    from app.services.office.clock import SystemClock
    from app.services.office.info import WEEKDAYS
    from app.services.setup.office_setup import update_office

    desk = Desk(store, SystemClock(), SYSTEM)
    update_office(desk, opening_hours={d: [["00:00", "23:59"]] for d in WEEKDAYS},
                  kiosk_cutoff_minutes=0)  # fmt: skip


def _until(app: Any, done: Any, timeout_s: float = 30) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise RuntimeError("the kiosk never got there")
        app.processEvents()
        time.sleep(0.0005)


def _raw_insert(path: Path | None) -> float:
    """The baseline: one ticket row inserted and committed with the standard library."""
    assert path is not None
    conn = sqlite3.connect(path)
    try:
        samples = []
        for n in range(TOUCHES):
            start = time.perf_counter()
            conn.execute(
                "INSERT INTO ticket (business_day, code, number, origin_queue_id, queue_id,"
                " booked, state, issued_at, place_at, recalls, demo, served_seconds)"
                " VALUES ('2000-01-01', ?, ?, 1, 1, 0, 'cancelled', '2000-01-01 10:00:00',"
                " '2000-01-01 10:00:00', 0, 1, 0)",
                (f"Z{n:03d}", n),
            )
            conn.commit()
            samples.append(time.perf_counter() - start)
        conn.execute("DELETE FROM ticket WHERE business_day = '2000-01-01'")
        conn.commit()
        return statistics.median(samples)
    finally:
        conn.close()


def run() -> list[dict[str, Any]]:
    """The kiosk's figures."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, pycache = Path(tmp) / "office", Path(tmp) / "pycache"
        _history(data_dir)
        rows = _start_figures(data_dir, pycache)
        rows += _touch_figures(data_dir)
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
