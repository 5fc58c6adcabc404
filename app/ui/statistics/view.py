"""The Statistik tab: today at a glance, any period's figures, the staffing forecast, exports.

Today's panel follows the live queue (the watcher's snapshot) and today's
figures. Below, a period chosen from presets or two dates; its figures are
computed off the GUI thread (through the runner) with a busy bar meanwhile,
then shown as charts (Qt Charts) with a table beneath each
(:mod:`app.ui.statistics.pages`). The Bemanning page follows the same period:
the points each open hour needs beside the points staffed
(:mod:`app.ui.statistics.staffing`). Exports (CSV for scripts, CSV för Excel,
XLSX, PDF) go through the same typed service as ``servicedisk export``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.queue.views import QueueSnapshot
from app.ui.shell.access import describe
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.files import ask_save_path
from app.ui.shell.guarded import guard_combo
from app.ui.shell.office_time import today
from app.ui.shell.prefs import Prefs
from app.ui.statistics.pages import PeriodPages
from app.ui.statistics.periods import PRESETS, preset_range
from app.ui.statistics.table import minutes_text
from app.ui.statistics.today import TodayPanel

log = logging.getLogger(__name__)

__all__ = ["PRESETS", "StatisticsView", "preset_range"]


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
        self.show_button = QPushButton(self.tr("Vi&sa"), self)  # Alt+V: the Visa menu
        self.show_button.setObjectName("stats-show")
        describe(self.show_button, self.tr("Räknar fram siffrorna för perioden."), self.tr("Visa"))
        describe(
            self.preset, self.tr("En färdig period, eller Eget intervall med datumen bredvid.")
        )
        describe(self.first, self.tr("Periodens första dag, år-månad-dag."), self.tr("Från"))
        describe(self.last, self.tr("Periodens sista dag, år-månad-dag."), self.tr("Till"))
        self.busy = QProgressBar(self)
        self.busy.setObjectName("stats-busy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.status = QLabel(self)
        self.status.setObjectName("stats-status")
        self.export_buttons = {}
        bar = QHBoxLayout()
        labels = (self.tr("P&eriod:"), self.tr("från"), self.tr("till"))  # Alt+P: Språk
        for text, field in zip(labels, (self.preset, self.first, self.last), strict=True):
            label = QLabel(text, self)
            label.setBuddy(field)  # the name a screen reader gives the field
            bar.addWidget(label)
            bar.addWidget(field)
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

        self.pages = PeriodPages(self)
        pages = self.pages  # each page by name, for the screenshots and the tests
        self.arrivals, self.waits, self.agencies = pages.arrivals, pages.waits, pages.agencies
        self.outcomes, self.trend, self.staff = pages.outcomes, pages.trend, pages.staff
        self.staffing = pages.staffing

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
        ctx, days = self._ctx, (last - first).days + 1

        def work() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
            # The staffing page follows the period: the forecast of the same days.
            figures = ctx.stats.figures(first, last)
            return figures, ctx.stats.forecast(first, days), ctx.stats.labels()

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
        self.pages.show_period(figures, forecast, labels)
        if figures["from"] > self._today().isoformat():  # nothing has happened yet
            self._say(
                self.tr("{0} – {1} har inte börjat: Bemanning visar vad dagarna behöver.").format(
                    figures["from"], figures["to"]
                )
            )
            self.pages.setCurrentWidget(self.staffing)
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
    kind = _FILTERS.get(
        Path(suggested).suffix,
        QCoreApplication.translate("StatisticsView", "Mapp för CSV-filerna (*)"),
    )
    return ask_save_path(parent, title, suggested, kind, prefs)
