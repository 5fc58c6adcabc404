"""The Statistik tab: today at a glance, any period's figures, the staffing forecast, exports.

Today's panel follows the live queue (the watcher's snapshot) and today's
figures. Below, a period chosen from presets or two dates; its figures are
computed off the GUI thread (through the runner) with a busy bar meanwhile,
then shown as charts (Qt Charts) with a table behind each. The forecast tab
shows the points each hour of the coming week needs beside last week's
staffing. Exports (CSV for scripts, CSV för Excel, XLSX, PDF) go through the
same typed service as ``servicedisk export``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.queue.views import QueueSnapshot
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.files import ask_save_path
from app.ui.shell.guarded import guard_combo
from app.ui.shell.office_time import today
from app.ui.shell.prefs import Prefs
from app.ui.statistics.charts import ChartPage, TodayPanel, cell_text, minutes_text

log = logging.getLogger(__name__)

PRESETS = (
    ("today", "I dag"),
    ("yesterday", "I går"),
    ("week", "Den här veckan"),
    ("last_month", "Förra månaden"),
    ("year", "I år"),
    ("custom", "Eget intervall"),
)


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """The first and last day of a preset, seen from ``today``."""
    if preset == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if preset == "week":
        return today - timedelta(days=today.weekday()), today
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "year":
        return today.replace(month=1, day=1), today
    return today, today


class StatisticsView(QWidget):
    """The office manager's statistics: today, a period, the forecast, exports."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        save_path: Callable[[QWidget, str, str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._save_path = save_path or (
            lambda parent, title, name: _ask_save_path(parent, title, name, ctx.prefs)
        )
        self._figures: dict[str, Any] | None = None
        self._today_pending = False
        self._setup_ui()
        ctx.watcher.changed.connect(self._on_snapshot)
        self._on_preset(0)
        if ctx.watcher.snapshot is not None:
            self._on_snapshot(ctx.watcher.snapshot)

    # ------------------------------------------------------------ layout

    def _setup_ui(self) -> None:
        self.setObjectName("statistics-view")
        self.today = TodayPanel(self)
        self.preset = guard_combo(QComboBox(self))
        self.preset.setObjectName("stats-preset")
        self.preset.setAccessibleName(self.tr("Period"))
        for key, text in PRESETS:
            self.preset.addItem(self.tr(text), key)
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit, name in ((self.first, "stats-from"), (self.last, "stats-to")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton(self.tr("&Visa"), self)
        self.show_button.setObjectName("stats-show")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("stats-busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.status = QLabel(self)
        self.status.setObjectName("stats-status")
        self.export_buttons = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.preset)
        bar.addWidget(self.first)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.last)
        bar.addWidget(self.show_button)
        bar.addWidget(self.busy)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Exportera:"), self))
        for fmt, text, name, tip in (
            (
                "csv",
                self.tr("CSV …"),
                self.tr("Exportera CSV för skript"),
                self.tr("En mapp med en fil per tabell: kommatecken, engelska kolumnnamn."),
            ),
            (
                "csv-excel",
                self.tr("CSV för Excel …"),
                self.tr("Exportera CSV för Excel"),
                self.tr(
                    "En mapp med en fil per tabell: semikolon, decimalkomma, svenska rubriker."
                ),
            ),
            (
                "xlsx",
                self.tr("Excel …"),
                self.tr("Exportera Excel-arbetsbok"),
                self.tr("En arbetsbok med ett blad per tabell, klar att skriva ut."),
            ),
            ("pdf", self.tr("PDF …"), self.tr("Exportera PDF-rapport"), self.tr("En A4-sida.")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"export-{fmt}")
            button.setAccessibleName(name)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, f=fmt: self._on_export(f))
            bar.addWidget(button)
            self.export_buttons[fmt] = button

        self.pages = QTabWidget(self)
        self.pages.setObjectName("stats-pages")
        number: Callable[[Any], str] = cell_text
        self.arrivals = ChartPage(
            "arrivals",
            (
                ("hour", "Timme", str),
                ("arrivals", "Ankomster", number),
                ("arrivals_per_day", "Per dag", number),
                ("staffed_points", "Luckor per dag", number),
                ("wait_median_s", "Väntetid, median", minutes_text),
                ("service_level", "Inom målet, %", number),
                ("queue_max", "Längsta kö", number),
            ),
            self,
        )
        self.waits = ChartPage(
            "waits", (("bucket", "Väntetid", str), ("count", "Besökare", number)), self
        )
        self.agencies = ChartPage(
            "agencies", (("label", "Myndighet", str), ("count", "Ärenden", number)), self
        )
        self.outcomes = ChartPage(
            "outcomes",
            (("label", "Utfall eller hänvisning", str), ("count", "Antal", number)),
            self,
        )
        self.trend = ChartPage(
            "trend",
            (
                ("day", "Dag", str),
                ("visitors", "Besökare", number),
                ("served", "Betjänade", number),
                ("no_shows", "Uteblev", number),
                ("wait_median_s", "Väntetid, median", minutes_text),
                ("service_level", "Inom målet, %", number),
            ),
            self,
        )
        self.forecast = ChartPage(
            "forecast",
            (
                ("when", "Dag och timme", str),
                ("expected_arrivals", "Väntade ankomster", number),
                ("points_needed", "Luckor som behövs", number),
                ("points_week_before", "Luckor förra veckan", number),
            ),
            self,
        )
        # The manager's own view of each member of staff: never exported or sent.
        self.staff = ChartPage(
            "staff",
            (
                ("label", "Medarbetare", str),
                ("served", "Betjänade", number),
                ("service_median_s", "Betjäningstid, median", minutes_text),
                ("service_p90_s", "Betjäningstid, 90 %", minutes_text),
            ),
            self,
        )
        for page, title in (
            (self.arrivals, "Ankomster och bemanning"),
            (self.waits, "Väntetider"),
            (self.agencies, "Ärenden"),
            (self.outcomes, "Utfall och hänvisningar"),
            (self.trend, "Över tid"),
            (self.forecast, "Bemanning kommande vecka"),
            (self.staff, "Per medarbetare"),
        ):
            self.pages.addTab(page, self.tr(title))

        layout = QVBoxLayout(self)
        layout.addWidget(self.today)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)

        self.preset.currentIndexChanged.connect(self._on_preset)
        self.show_button.clicked.connect(self.refresh)
        self.first.dateChanged.connect(self._on_date_edited)
        self.last.dateChanged.connect(self._on_date_edited)

    # ------------------------------------------------------------ period

    def _today(self) -> date:
        return today(self._ctx.clock.now())

    def period(self) -> tuple[date, date]:
        """The chosen first and last day."""
        a, b = self.first.date(), self.last.date()
        return date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())

    def _on_preset(self, _index: int) -> None:
        preset = self.preset.currentData()
        if preset == "custom":
            return
        first, last = preset_range(preset, self._today())
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def _on_date_edited(self, _date: QDate) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)

    def refresh(self) -> None:
        """Compute the chosen period's figures (and the forecast) off the GUI thread."""
        first, last = self.period()
        if last < first:
            self._say(self.tr("Perioden slutar innan den börjar. Välj om datumen."), True)
            return
        self.busy.show()
        self.show_button.setEnabled(False)
        self._say(self.tr("Räknar …"))
        ctx, start = self._ctx, self._today() + timedelta(days=1)

        def work() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
            return ctx.stats.figures(first, last), ctx.stats.forecast(start), ctx.stats.labels()

        Action(ctx, "statistics", work).without_refresh().success(self._on_figures).failure(
            self._on_failed, self.tr("Statistiken kunde inte räknas fram. Försök igen.")
        ).run_in_background(self)

    def _on_failed(self, sentence: str) -> None:
        self.busy.hide()
        self.show_button.setEnabled(True)
        self._say(sentence, True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("role", "error" if error else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _on_figures(self, result: tuple[dict[str, Any], dict[str, Any], dict[str, Any]]) -> None:
        figures, forecast, labels = result
        self.busy.hide()
        self.show_button.setEnabled(True)
        self._figures = figures
        totals = figures["totals"]
        self._say(
            self.tr("{0} – {1}: {2} besökare, {3} betjänade, väntetid median {4}.").format(
                figures["from"],
                figures["to"],
                totals["visitors"],
                totals["served"],
                minutes_text(totals["wait_median_s"]),
            )
        )
        days = max(1, max((h["days"] for h in figures["hours"]), default=1))
        hours = [
            {
                **h,
                "arrivals_per_day": round(h["arrivals"] / days, 1),
                "staffed_points": round(h["staffed_minutes"] / 60 / days, 1),
            }
            for h in figures["hours"]
        ]
        self.arrivals.show_bars(
            hours,
            "hour",
            (
                ("arrivals_per_day", self.tr("Ankomster per dag")),
                ("staffed_points", self.tr("Bemannade luckor")),
            ),
        )
        buckets = [
            {
                **b,
                "bucket": f"{b['from_min']}–{b['to_min']} min"
                if b["to_min"] is not None
                else f"{b['from_min']}+ min",
            }
            for b in figures["wait_distribution"]
        ]
        self.waits.show_bars(buckets, "bucket", (("count", self.tr("Besökare")),))
        names = labels.get("agencies", {})
        self.agencies.show_bars(
            [{**a, "label": names.get(a["code"], a["code"])} for a in figures["agencies"]],
            "label",
            (("count", self.tr("Ärenden")),),
        )
        outcome_names, referral_names = labels.get("outcomes", {}), labels.get("referrals", {})
        ends = [
            {**o, "label": outcome_names.get(o["code"], o["code"])} for o in figures["outcomes"]
        ]
        ends += [
            {**r, "label": self.tr("→ {0}").format(referral_names.get(r["code"], r["code"]))}
            for r in figures["referrals"]
        ]
        self.outcomes.show_bars(ends, "label", (("count", self.tr("Antal")),))
        staff_names = labels.get("staff", {})
        self.staff.show_bars(
            sorted(
                (
                    {**s, "label": staff_names.get(str(s["staff_id"]), str(s["staff_id"]))}
                    for s in figures["staff"]
                ),
                key=lambda s: -int(s.get("served") or 0),
            ),
            "label",
            (("served", self.tr("Betjänade")),),
        )
        open_days = [d for d in figures["days"] if d["visitors"]] or figures["days"]
        self.trend.show_bars(
            open_days[-62:],
            "day",
            (("visitors", self.tr("Besökare")), ("served", self.tr("Betjänade"))),
            lambda day: str(day)[5:],
        )
        weekdays = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
        rows = [
            {**r, "when": f"{weekdays[date.fromisoformat(r['day']).weekday()]} {r['hour']}"}
            for r in forecast["hours"]
        ]
        self.forecast.show_bars(
            rows,
            "when",
            (
                ("points_needed", self.tr("Behövs")),
                ("points_week_before", self.tr("Förra veckan")),
            ),
        )
        if figures["from"] == figures["to"] == self._today().isoformat():
            self.today.show_figures(figures)

    # ------------------------------------------------------------ today

    def _on_snapshot(self, snapshot: QueueSnapshot) -> None:
        self.today.show_live(snapshot)
        if not self.isVisible() or self._today_pending:
            return
        self._today_pending = True
        ctx, today = self._ctx, self._today()

        def done(figures: dict[str, Any]) -> None:
            self._today_pending = False
            self.today.show_figures(figures)

        def failed(_sentence: str) -> None:
            self._today_pending = False

        Action(
            ctx, "today's figures", lambda: ctx.stats.figures(today, today)
        ).without_refresh().success(done).failure(failed, "").run_in_background(self)

    # ------------------------------------------------------------ export

    def _on_export(self, fmt: str) -> None:
        first, last = self.period()
        suggested = f"statistik-{first.isoformat()}-{last.isoformat()}"
        if fmt == "csv-excel":  # a folder, like the scripts' CSV, but not the same one
            suggested += "-excel"
        elif fmt != "csv":
            suggested += f".{fmt}"
        chosen = self._save_path(self, self.tr("Exportera statistiken"), suggested)
        if not chosen:
            return
        out = Path(chosen)
        ctx = self._ctx
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.busy.show()
        self._say(self.tr("Exporterar …"))

        def work() -> Path:
            if fmt == "pdf":  # painted with Qt, so here; the service reads and audits it
                from app.ui.statistics.report import write_pdf

                labels = ctx.stats.labels()
                return ctx.stats.export(
                    first,
                    last,
                    fmt,
                    out,
                    writer=lambda figures: write_pdf(figures, out, ctx.office_name, labels),
                )
            return ctx.stats.export(first, last, fmt, out)

        def done(path: Path) -> None:
            self._export_finished()
            self._say(self.tr("Exporterad till {0}.").format(path))

        def failed(sentence: str) -> None:
            self._export_finished()
            self._say(sentence, True)

        Action(ctx, f"export {fmt}", work).without_refresh().success(done).failure(
            failed,
            self.tr(
                "Exporten kunde inte sparas där (behörighet eller full disk). Välj en annan plats."
            ),
        ).run_in_background(self)

    def _export_finished(self) -> None:
        self.busy.hide()
        for button in self.export_buttons.values():
            button.setEnabled(True)


_FILTERS = {".xlsx": "Excel (*.xlsx)", ".pdf": "PDF (*.pdf)"}


def _ask_save_path(parent: QWidget, title: str, suggested: str, prefs: Prefs) -> str | None:
    """Where to save an export: in the last folder used (documents the first time), of
    its type (a CSV export is a folder of its own, named as typed)."""
    kind = _FILTERS.get(Path(suggested).suffix, parent.tr("Mapp för CSV-filerna (*)"))
    return ask_save_path(parent, title, suggested, kind, prefs)
