"""The Bemanning page of the Statistik tab: the staffing the chosen period's days need.

It follows the period picker. Each open hour of each day of the period gets
the points the forecast says it needs (bars) and the points staffed (a line):
what was staffed for an hour that has ended, so a past period shows how the
staffing met the need; for a day still ahead, what was staffed the last time
on that weekday, the plan to change. One day at a time, hour by hour, or every day of
the period at once, as hours of staffing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.guarded import guard_combo
from app.ui.shell.marks import QT_TRANSLATE_NOOP
from app.ui.statistics.charts import ChartPage
from app.ui.statistics.periods import day_name
from app.ui.statistics.table import Column, cell_text

ALL_DAYS = ""
# Two lines in a header: the day table keeps its eight columns on a 1280-pixel screen.
HOUR_COLUMNS: tuple[Column, ...] = (
    ("hour", QT_TRANSLATE_NOOP("FigureTableModel", "Timme"), str),
    ("expected_arrivals", QT_TRANSLATE_NOOP("FigureTableModel", "Väntade\nankomster"), cell_text),
    ("arrivals", QT_TRANSLATE_NOOP("FigureTableModel", "Ankomster"), cell_text),
    ("points_needed", QT_TRANSLATE_NOOP("FigureTableModel", "Luckor\nsom behövs"), cell_text),
    ("points_staffed", QT_TRANSLATE_NOOP("FigureTableModel", "Bemannade\nluckor"), cell_text),
    (
        "points_previous",
        QT_TRANSLATE_NOOP("FigureTableModel", "Bemannade samma\nveckodag senast"),
        cell_text,
    ),
)
DAY_COLUMNS: tuple[Column, ...] = (
    ("day", QT_TRANSLATE_NOOP("FigureTableModel", "Dag"), day_name),
    ("expected_arrivals", QT_TRANSLATE_NOOP("FigureTableModel", "Väntade\nankomster"), cell_text),
    ("arrivals", QT_TRANSLATE_NOOP("FigureTableModel", "Ankomster"), cell_text),
    ("peak_points", QT_TRANSLATE_NOOP("FigureTableModel", "Flest luckor\nsom behövs"), cell_text),
    ("point_hours", QT_TRANSLATE_NOOP("FigureTableModel", "Behövd tid\n(timmar)"), cell_text),
    ("staffed_hours", QT_TRANSLATE_NOOP("FigureTableModel", "Bemannad tid\n(timmar)"), cell_text),
    (
        "previous_hours",
        QT_TRANSLATE_NOOP("FigureTableModel", "Samma veckodag\nsenast (timmar)"),
        cell_text,
    ),
)


class StaffingPage(QWidget):
    """Points needed against points staffed, for the days of the chosen period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffing-page")
        self._forecast: dict[str, Any] = {"hours": [], "needed_by_day": []}
        self.note = WrappedLabel(self)
        self.note.setObjectName("forecast-note")
        self.day = guard_combo(QComboBox(self))
        self.day.setObjectName("forecast-day")
        self.day.setAccessibleName(self.tr("Dag i bemanningen"))
        self.day.setAccessibleDescription(self.tr("Dagen som diagrammet och tabellen visar."))
        self.page = ChartPage(
            "forecast", HOUR_COLUMNS, self, key=lambda r: (r.get("day"), r.get("hour"))
        )
        self.chart = self.page.chart
        self.model = self.page.model
        bar = QHBoxLayout()
        caption = QLabel(self.tr("&Dag:"), self)
        caption.setBuddy(self.day)
        bar.addWidget(caption)
        bar.addWidget(self.day)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        layout.addWidget(self.page, 1)
        self.day.currentIndexChanged.connect(self._on_day)

    def show_forecast(self, forecast: dict[str, Any]) -> None:
        """Show the forecast of the chosen period (see :mod:`app.services.stats.forecast`)."""
        self._forecast = forecast
        self.note.setText(self._sentence(forecast))
        days = [d["day"] for d in forecast["needed_by_day"]]
        kept = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        if len(days) > 1:
            self.day.addItem(self.tr("Alla dagar i perioden"), ALL_DAYS)
        for day in days:
            self.day.addItem(day_name(day), day)
        ahead = [d for d in days if d >= forecast["today"]]
        chosen = kept if kept in days or (kept == ALL_DAYS and len(days) > 1) else None
        if chosen is None:
            chosen = (ahead or days or [ALL_DAYS])[0]
        self.day.setCurrentIndex(max(0, self.day.findData(chosen)))
        self.day.setEnabled(bool(days))
        self.day.blockSignals(False)
        self._on_day(self.day.currentIndex())

    def _sentence(self, forecast: dict[str, Any]) -> str:
        first, last = forecast["from"], forecast["to"]
        period = day_name(first) if first == last else f"{day_name(first)} – {day_name(last)}"
        text = self.tr(
            "Visar {0}: luckor som behövs för att ropa upp {1} % inom {2} min (staplar; "
            "Erlang C, från samma veckodag de åtta veckorna före) mot bemannade luckor (linje; "
            "för en dag som inte har kommit än: samma veckodag senast)."
        ).format(period, forecast["service_level_target"], forecast["service_level_threshold_min"])
        if not forecast["needed_by_day"]:
            text = self.tr("Visar {0}: kontoret har inga öppettider i perioden.").format(period)
        if last < forecast["today"]:
            text += " " + self.tr("Välj Nästa vecka för att planera framåt.")
        return text

    def _on_day(self, _index: int) -> None:
        day = self.day.currentData()
        if day in (None, ALL_DAYS) and len(self._forecast["needed_by_day"]) > 1:
            self._show_days()
        else:
            self._show_hours(day or "")

    def _show_hours(self, day: str) -> None:
        rows = [r for r in self._forecast["hours"] if r["day"] == day]
        lines = [("points_staffed", self.tr("Bemannade luckor"))]
        previous = rows[0]["previous_day"] if rows else None
        if day > self._forecast["today"] and previous:  # ahead: set against the last time
            name = self.tr("Bemannade luckor {0}").format(day_name(previous))
            lines = [("points_previous", name)]
        self.model.set_columns(HOUR_COLUMNS)
        self.page.show_bars(
            rows,
            "hour",
            (("points_needed", self.tr("Luckor som behövs")),),
            lines=lines,
            value_title=self.tr("Luckor"),
            category_title=self.tr("Timme, {0}").format(day_name(day)) if day else "",
        )

    def _show_days(self) -> None:
        # A day that has begun is set against what was staffed; one ahead against the last
        # same weekday's staffing.
        today = self._forecast["today"]
        rows = [
            {**r, "plan_hours": r["previous_hours"] if r["day"] > today else None}
            for r in self._forecast["needed_by_day"]
        ]
        lines = []
        if any(r["day"] <= today for r in rows):
            lines.append(("staffed_hours", self.tr("Bemannad tid")))
        if any(r["day"] > today for r in rows):
            lines.append(("plan_hours", self.tr("Bemannad tid samma veckodag senast")))
        self.model.set_columns(DAY_COLUMNS)
        self.page.show_bars(
            rows,
            "day",
            (("point_hours", self.tr("Behövd tid")),),
            day_name,
            lines=lines,
            value_title=self.tr("Timmar"),
            category_title=self.tr("Dag"),
        )
