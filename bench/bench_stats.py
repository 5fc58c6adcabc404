"""Statistics for a big office's year: against one hand-written SQL aggregate, the XLSX
export, and the dashboard's longest stall of the GUI thread while it computes.

The year is the demo's 365 days at 600 visitors a day. The baseline is one SQL
statement over the same rows in the same run (visitors, served and the mean
wait per day), the least any statistics must read. Run alone:
``python -m bench.bench_stats``.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import delete, text

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.models import DaySummary
from app.models.db import open_store
from app.services.clock import ManualClock
from app.services.office import seed_store
from app.services.stats.export import export_figures
from app.services.stats.figures import period_figures
from bench.common import figure, longest_gui_stall, median

YEAR_DAYS = 365
VISITS_PER_DAY = 600
NOW = datetime(2025, 11, 20, 13, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
FIRST, LAST = date(2024, 11, 21), date(2025, 11, 20)

AGGREGATE = text(
    "SELECT business_day, COUNT(*), SUM(state = 'done'),"
    " AVG((julianday(first_called_at) - julianday(issued_at)) * 86400)"
    " FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY business_day"
)


def _stall_while_computing(store, clock, settings) -> float:
    """The dashboard computes the year on the runner; the longest gap between GUI ticks."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.shell.context import UiContext
    from app.ui.shell.prefs import Prefs
    from app.ui.shell.runner import ThreadRunner
    from app.ui.shell.watcher import RevisionWatcher
    from app.ui.statistics.view import StatisticsView

    app = QApplication.instance() or QApplication([])
    ctx = UiContext(
        settings=settings,
        store=store,
        clock=clock,
        runner=ThreadRunner(),
        watcher=RevisionWatcher(store, clock),
        prefs=Prefs(settings.data_dir / "bench.ini"),
        office_name="Bench",
        role="manager",
    )
    with store.write() as session:  # the summaries are computed while the GUI runs
        session.execute(delete(DaySummary))
    view = StatisticsView(ctx)
    view.show()
    app.processEvents()
    view.preset.setCurrentIndex(view.preset.findData("custom"))
    from PySide6.QtCore import QDate

    view.first.setDate(QDate(FIRST.year, FIRST.month, FIRST.day))
    view.last.setDate(QDate(LAST.year, LAST.month, LAST.day))
    stall = longest_gui_stall(app, view.refresh, lambda: not view.busy.isVisible())
    ctx.runner.wait()
    view.close()
    ctx.watcher.stop()
    return stall


def run() -> list[dict]:
    """Generate the year, then time the statistics, the export and the dashboard."""
    with tempfile.TemporaryDirectory() as tmp:
        clock = ManualClock(NOW)
        settings = resolve_settings(data_dir=Path(tmp), env={})
        store = open_store(settings, now=clock.now, seed=lambda s: seed_store(s, clock))
        try:
            generate_demo(store, clock, days=YEAR_DAYS, seed=7, visits_per_day=VISITS_PER_DAY)
            params = {"first": FIRST.isoformat(), "last": LAST.isoformat()}
            baseline = []
            for _ in range(5):
                start = time.perf_counter()
                with store.read() as session:
                    session.execute(AGGREGATE, params).all()
                baseline.append(time.perf_counter() - start)
            sql = median(baseline)
            start = time.perf_counter()
            figures = period_figures(store, FIRST, LAST, clock.now())
            computed = time.perf_counter() - start
            fresh_runs = []
            for _ in range(5):
                start = time.perf_counter()
                period_figures(store, FIRST, LAST, clock.now())
                fresh_runs.append(time.perf_counter() - start)
            fresh = median(fresh_runs)
            start = time.perf_counter()
            export_figures(figures, "xlsx", Path(tmp) / "year.xlsx", store)
            xlsx = time.perf_counter() - start
            stall = _stall_while_computing(store, clock, settings)
        finally:
            store.close()
    visitors = figures["totals"]["visitors"]
    return [
        figure(
            "stats: one SQL aggregate over the year",
            round(sql * 1000, 1),
            "ms",
            None,
            "visitors, served and mean wait per day: the baseline",
        ),
        figure(
            "stats: the year, summaries fresh / SQL",
            round(fresh / sql, 2),
            "×",
            "≤ 2",
            f"{fresh * 1000:.1f} ms for {visitors} visitors over {len(figures['days'])} days",
        ),
        figure(
            "stats: the year, summaries to compute / SQL",
            round(computed / sql, 2),
            "×",
            "≤ 2",
            f"{computed * 1000:.0f} ms: every day's summary computed from its rows and stored",
        ),
        figure(
            "stats: XLSX export of the year",
            round(xlsx, 2),
            "s",
            "≤ 3",
            "the tables of the year's figures, written with XlsxWriter",
        ),
        figure(
            "stats: dashboard's longest GUI stall",
            round(stall, 1),
            "ms",
            "≤ 50",
            "the year computed on the runner (summaries to compute) while a 5 ms timer ticks",
        ),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
