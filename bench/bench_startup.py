"""Start-up to main window shown with a year of data, against a bare PySide6 window.

Both are timed the same way: from launching a fresh Python process until the
process reports its window shown with the event loop running. The app starts at
reception and, apart, as a case worker (on the service point screen); it also
reports when the store has opened behind the window, and its peak RSS with every
window (main window and display) open.
Run alone: ``python -m bench.bench_startup``.

The app side starts the way ``servicedisk --data-dir DIR`` does: the command's
module loads the window's code (``cli.load_gui``, as ``cli.main`` does) before the
bench touches Qt, and the window comes from ``cli.main``. Both sides keep their
compiled bytecode between runs (in a temporary ``PYTHONPYCACHEPREFIX``, filled
by the warm-up runs), as every start of an installed app has it, even where the
environment sets ``PYTHONDONTWRITEBYTECODE``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEAR_DAYS = 365
VISITS_PER_DAY = 600
ROUNDS = 7  # the median of 7: single runs vary by tens of ms
# A case worker's workstation starts on the service point screen.
CASEWORKER_PREFS = "[ui]\nrole=caseworker\n\n[service_point]\nnumber=2\n"

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show()
def shown():
    app.processEvents()
    print("SHOWN", flush=True); app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

APP = r"""
import json, resource, sys, time
def peak_mb():
    # VmHWM: this program's own peak. ru_maxrss keeps, across exec, the peak of the
    # process that started it (the bench, which may have held a year in memory).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
from app.cli import main as cli
cli.load_gui()  # what cli.main loads for the window, the way it does, before Qt is touched
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
open_display = len(sys.argv) > 2 and sys.argv[2] == "display"
def shown():
    app.processEvents()
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    if open_display:
        main = next(w for w in windows if w.objectName() == "main-window")
        main.display_action.trigger()
        app.processEvents()
    rss_mb = peak_mb()
    print("SHOWN", json.dumps({"rss_mb": rss_mb, "windows": len(windows)}), flush=True)
    # Then: the store open behind the window (SQLAlchemy and the services loaded).
    from app.ui.shell.opening import StoreOpening
    opening = windows[0].findChild(StoreOpening)
    if opening is not None:
        opening.wait()
    app.processEvents()
    rss_mb = peak_mb()
    print("READY", json.dumps({"rss_mb": rss_mb, "quick": opening is not None}), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
sys.exit(cli.main(["--data-dir", sys.argv[1]]))
"""


def _time_process(code: str, *args: str, pycache: Path) -> tuple[float, float | None, dict]:
    """Seconds to SHOWN (and to READY, where the process says it), and what it reported."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdout is not None
    shown: float | None = None
    ready: float | None = None
    extra: dict = {}
    for line in proc.stdout:
        word, _, rest = line.strip().partition(" ")
        if word in ("SHOWN", "READY"):
            elapsed = time.perf_counter() - start
            extra.update(json.loads(rest) if rest else {})
            if word == "SHOWN":
                shown = elapsed
            else:
                ready = elapsed
    if proc.wait(timeout=60) != 0 or shown is None:
        raise RuntimeError(f"process never showed its window (exit {proc.returncode})")
    return shown, ready, extra


def _make_year(data_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(data_dir),
            "demo",
            "--days",
            str(YEAR_DAYS),
            "--visits-per-day",
            str(VISITS_PER_DAY),
            "--seed",
            "7",
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def run() -> list[dict]:
    """Measure start-up and memory; returns the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, pycache = Path(tmp) / "year", Path(tmp) / "pycache"
        _make_year(data_dir)
        # Warm the OS file cache and the bytecode for both sides.
        _time_process(APP, str(data_dir), pycache=pycache)
        _time_process(BARE, pycache=pycache)
        caseworker_dir = Path(tmp) / "caseworker"
        shutil.copytree(data_dir, caseworker_dir)
        (caseworker_dir / "workstation.ini").write_text(CASEWORKER_PREFS, encoding="utf-8")
        bare, app, ready, caseworker = [], [], [], []
        for _ in range(ROUNDS):
            bare.append(_time_process(BARE, pycache=pycache)[0])
            app_shown, app_ready, extra = _time_process(APP, str(data_dir), pycache=pycache)
            assert extra.get("quick"), "start-up did not take the quick read"
            app.append(app_shown)
            ready.append(app_ready or app_shown)
            caseworker.append(_time_process(APP, str(caseworker_dir), pycache=pycache)[0])
        _, _, mem = _time_process(APP, str(data_dir), "display", pycache=pycache)
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    return [
        {
            "name": "start-up: bare PySide6 window",
            "value": round(bare_s * 1000),
            "unit": "ms",
            "budget": None,
            "note": f"median of {ROUNDS}",
        },
        {
            "name": "start-up: main window, one year of data",
            "value": round(app_s * 1000),
            "unit": "ms",
            "budget": None,
            "note": f"{YEAR_DAYS} days × {VISITS_PER_DAY}/day, median of {ROUNDS}",
        },
        {
            "name": "start-up: case worker's window (service point)",
            "value": round(statistics.median(caseworker) * 1000),
            "unit": "ms",
            "budget": None,
            "note": f"ratio {statistics.median(caseworker) / bare_s:.2f} × the bare window",
        },
        {
            "name": "start-up: store open behind the window",
            "value": round(statistics.median(ready) * 1000),
            "unit": "ms",
            "budget": None,
            "note": "SQLAlchemy and services loaded; a press before this waits for it",
        },
        {
            "name": "start-up ratio app / bare window",
            "value": round(app_s / bare_s, 2),
            "unit": "×",
            "budget": "≤ 3",
            "note": "",
        },
        {
            "name": "RSS, main window + display, one year",
            "value": round(mem["rss_mb"]),
            "unit": "MB",
            "budget": "≤ 250",
            "note": "the app's peak resident set (VmHWM), with the store open",
        },
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:45} {row['value']:>8} {row['unit']:3} {row['budget'] or ''}")
