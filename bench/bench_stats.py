"""Statistics for a big office's year: against hand-written SQL, the XLSX export, and the
dashboard's longest stall of the GUI thread while it computes.

The year is the demo's 365 days at 600 visitors a day. Two baselines are timed
in the same run, over the same store:

- ``AGGREGATE``, one SQL statement over the tickets alone (visitors, served and
  the mean wait per day): the least any statistics must read. The year's
  statistics read from fresh summaries are held to 2× this one.
- ``DAILY_TABLE``, one SQL statement that computes the daily table itself from
  the same rows the summaries are computed from (tickets, visits, errands):
  per day the visitors, outcomes, waits and service times with count, mean,
  median, p90 and max, the service level and the errands. Computing every
  day's summary (which holds much more: per queue, per hour, per staff,
  staffing, estimates, breakdowns) is held to 2× this one. The bench checks
  that it agrees with the service, day by day, before it reports a figure.

Reading the four tables with a bare SQL scan already takes about four times
``AGGREGATE``, so a summary computed from the rows cannot be held to that one.
Run alone: ``python -m bench.bench_stats``.
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
from app.services.access.actor import SYSTEM, Desk, acting
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.stats.export import export_figures
from app.services.stats.figures import period_figures
from app.store.engine import open_store
from bench.common import figure, longest_gui_stall, median

YEAR_DAYS = 365
VISITS_PER_DAY = 600
NOW = datetime(2025, 11, 20, 13, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
FIRST, LAST = date(2024, 11, 21), date(2025, 11, 20)
RUNS = 5

AGGREGATE = text(
    "SELECT business_day, COUNT(*), SUM(state = 'done'),"
    " AVG((julianday(first_called_at) - julianday(issued_at)) * 86400)"
    " FROM ticket WHERE business_day BETWEEN :first AND :last GROUP BY business_day"
)

DAILY_TABLE = text(
    """
WITH unreliable AS (
  SELECT ticket_id FROM visit
  WHERE timing_unreliable AND ticket_id IS NOT NULL
    AND business_day BETWEEN :first AND :last
), t AS (
  SELECT business_day AS d, state, booked,
         CASE WHEN id NOT IN (SELECT ticket_id FROM unreliable)
              THEN (julianday(first_called_at) - julianday(issued_at)) * 86400 END AS wait
  FROM ticket WHERE business_day BETWEEN :first AND :last
), v AS (
  SELECT v.business_day AS d, v.ticket_id, v.timing_unreliable AS unreliable,
         (julianday(v.ended_at) - julianday(v.started_at)) * 86400 AS spent,
         coalesce(t.served_seconds, 0) AS before
  FROM visit v LEFT JOIN ticket t ON t.id = v.ticket_id
  WHERE v.business_day BETWEEN :first AND :last
), w AS (
  SELECT d, wait, row_number() OVER (PARTITION BY d ORDER BY wait) AS k,
         count(*) OVER (PARTITION BY d) AS n
  FROM t WHERE wait IS NOT NULL
), s AS (
  SELECT d, spent + before AS service,
         row_number() OVER (PARTITION BY d ORDER BY spent + before) AS k,
         count(*) OVER (PARTITION BY d) AS n
  FROM v WHERE NOT unreliable AND spent > 0
), tickets AS (
  SELECT d, count(*) AS tickets, sum(booked) AS booked, sum(state = 'done') AS served,
         sum(state = 'no_show') AS no_shows, sum(state = 'walked_out') AS walked_out,
         sum(state = 'cancelled') AS cancelled, sum(state = 'not_served') AS not_served
  FROM t GROUP BY d
), waits AS (
  SELECT d, max(n) AS wait_count, avg(wait) AS wait_mean, max(wait) AS wait_max,
         max(CASE WHEN k = (n + 1) / 2 THEN wait END) AS wait_median,
         max(CASE WHEN k = (9 * n + 9) / 10 THEN wait END) AS wait_p90,
         100.0 * sum(round(wait) < :threshold) / max(n) AS service_level
  FROM w GROUP BY d
), services AS (
  SELECT d, max(n) AS service_count, avg(service) AS service_mean,
         max(service) AS service_max,
         max(CASE WHEN k = (n + 1) / 2 THEN service END) AS service_median,
         max(CASE WHEN k = (9 * n + 9) / 10 THEN service END) AS service_p90
  FROM s GROUP BY d
), quick AS (
  SELECT d, count(*) AS quick FROM v WHERE ticket_id IS NULL GROUP BY d
), errands AS (
  SELECT v.business_day AS d, count(*) AS errands
  FROM errand e JOIN visit v ON v.id = e.visit_id
  WHERE v.business_day BETWEEN :first AND :last GROUP BY v.business_day
)
SELECT tickets.d AS day, tickets + coalesce(quick, 0) AS visitors,
       served + coalesce(quick, 0) AS served, no_shows, walked_out, cancelled, not_served,
       booked, wait_count, wait_mean, wait_median, wait_p90, wait_max, service_level,
       service_count, service_mean, service_median, service_p90, service_max,
       coalesce(errands, 0) AS errands
FROM tickets LEFT JOIN waits USING (d) LEFT JOIN services USING (d)
LEFT JOIN quick USING (d) LEFT JOIN errands USING (d) ORDER BY tickets.d
"""
)


def _agrees(table: list, figures: dict) -> None:
    """The SQL daily table and the service's agree: counts exactly, medians within a minute."""
    days = {row["day"]: row for row in figures["days"]}
    for row in table:
        mine = days[row.day]
        for name in ("visitors", "served", "no_shows", "walked_out", "errands", "wait_count"):
            if getattr(row, name) != mine[name]:
                raise AssertionError(f"{row.day} {name}: SQL {getattr(row, name)}, {mine[name]}")
        for name in ("wait_median", "wait_p90", "service_median", "service_p90"):
            sql, service = getattr(row, name), mine[f"{name}_s"]
            if (sql is None) != (service is None) or (sql is not None and abs(sql - service) > 60):
                raise AssertionError(f"{row.day} {name}: SQL {sql}, the service {service}")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


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
    with acting(SYSTEM), store.write() as session:  # the summaries are computed while the GUI runs
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
        store = open_store(settings, now=clock.now, seed=seeder(clock))
        try:
            desk = Desk(store, clock, SYSTEM)
            generate_demo(desk, days=YEAR_DAYS, seed=7, visits_per_day=VISITS_PER_DAY)
            params = {"first": FIRST.isoformat(), "last": LAST.isoformat(), "threshold": 900}

            def aggregate() -> None:
                with store.read() as session:
                    session.execute(AGGREGATE, params).all()

            def daily_table() -> None:
                with store.read() as session:
                    session.execute(DAILY_TABLE, params).all()

            def forget_summaries() -> None:
                with acting(SYSTEM), store.write() as session:
                    session.execute(delete(DaySummary))

            def year() -> None:
                period_figures(store, FIRST, LAST, clock.now())

            computed_runs, table_runs, sql_runs, fresh_runs = [], [], [], []
            for _ in range(RUNS):  # interleaved, so a slow spell of the machine hits both
                sql_runs.append(_timed(aggregate))
                table_runs.append(_timed(daily_table))
                forget_summaries()
                computed_runs.append(_timed(year))
                fresh_runs.append(_timed(year))
            sql, table = median(sql_runs), median(table_runs)
            computed, fresh = median(computed_runs), median(fresh_runs)
            figures = period_figures(store, FIRST, LAST, clock.now())
            with store.read() as session:
                _agrees(session.execute(DAILY_TABLE, params).all(), figures)
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
            "stats: the daily table in one SQL statement",
            round(table * 1000, 1),
            "ms",
            None,
            "the same rows, day by day: outcomes, waits and service times, errands",
        ),
        figure(
            "stats: the year, summaries fresh / SQL",
            round(fresh / sql, 2),
            "×",
            "≤ 2",
            f"{fresh * 1000:.1f} ms for {visitors} visitors over {len(figures['days'])} days",
        ),
        figure(
            "stats: the year, summaries to compute / daily table in SQL",
            round(computed / table, 2),
            "×",
            "≤ 2",
            f"{computed * 1000:.0f} ms: every day's summary computed from its rows and stored",
        ),
        figure(
            "stats: the year, summaries to compute / SQL",
            round(computed / sql, 2),
            "×",
            None,
            "against the tickets-only aggregate; a bare scan of the four tables is about 4×",
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
