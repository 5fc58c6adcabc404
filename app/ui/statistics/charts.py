"""The parts of the Statistik tab: a chart over a table of the same figures, today's panel.

:class:`ChartPage` draws bars from a list of figure rows and shows the rows in
a table beneath; :class:`TodayPanel` is the live "I dag" strip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.queue.views import QueueSnapshot
from app.ui.shell import style
from app.ui.shell.table_model import RowsModel


def minutes_text(seconds: float | None) -> str:
    """A duration as a manager reads it: "6,8 min", or "–"."""
    return "–" if seconds is None else f"{seconds / 60:.1f} min".replace(".", ",")


def cell_text(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


Column = tuple[str, str, Callable[[Any], str]]  # key, title, how it reads


class FigureTableModel(RowsModel):
    """Rows of a figure list (dicts), with the columns a chart's table shows."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)

    def headers(self) -> tuple[str, ...]:
        """The titles of this table's columns."""
        return tuple(title for _key, title, _fmt in self._columns)

    def _key(self, row: dict[str, Any]) -> object:
        return str(row.get(self._columns[0][0]))

    def _cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        key, _title, fmt = self._columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return fmt(row.get(key))
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ChartPage(QWidget):
    """A chart over a table of the same figures."""

    def __init__(self, name: str, columns: Sequence[Column], parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QValueAxis

        self.setObjectName(f"chart-page-{name}")
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # One pair of axes for the page's life: new figures change their labels and range.
        self.categories = QBarCategoryAxis()
        self.values = QValueAxis()
        self.values.setLabelFormat("%g")
        self.chart.addAxis(self.categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.values, Qt.AlignmentFlag.AlignLeft)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.model = FigureTableModel(columns, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"table-{name}")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.table)
        splitter.setSizes([320, 180])
        QVBoxLayout(self).addWidget(splitter)

    def show_bars(
        self,
        rows: list[dict[str, Any]],
        label_key: str,
        series: Sequence[tuple[str, str]],
        labels: Callable[[Any], str] = str,
    ) -> None:
        """Bars per row, one set per (key, name) in series; the table shows the rows."""
        from PySide6.QtCharts import QBarSeries, QBarSet

        self.model.set_rows(rows)
        chart = self.chart
        chart.removeAllSeries()
        bars = QBarSeries()
        colours = (style.ACCENT, "#d35400", "#7f8c8d")
        most = 0.0
        for (key, name), colour in zip(series, colours, strict=False):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            for row in rows:
                value = float(row.get(key) or 0)
                bar_set.append(value)
                most = max(most, value)
            bars.append(bar_set)
        chart.addSeries(bars)
        self.categories.clear()
        self.categories.append([labels(row.get(label_key)) for row in rows])
        self.values.setRange(0, most * 1.1 if most else 1)
        self.values.applyNiceNumbers()
        bars.attachAxis(self.categories)
        bars.attachAxis(self.values)
        chart.legend().setVisible(len(series) > 1)


class TodayPanel(QGroupBox):
    """Today at a glance: the live queue and today's figures so far."""

    FIELDS = (
        ("waiting", "Väntar nu"),
        ("longest", "Längsta väntan nu"),
        ("served", "Betjänade"),
        ("median", "Väntetid, median"),
        ("level", "Uppropade inom {0} min"),
        ("no_shows", "Uteblev"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("I dag"))
        self.setObjectName("today-panel")
        grid = QGridLayout(self)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(self.FIELDS):
            label = QLabel(self.tr(caption).format(15), self)
            value = QLabel("–", self)
            value.setObjectName(f"today-{key}")
            value.setStyleSheet("font-size: 18pt; font-weight: 700;")
            grid.addWidget(value, 0, i)
            grid.addWidget(label, 1, i)
            self.values[key], self.captions[key] = value, label
        self.queues = QLabel(self)
        self.queues.setObjectName("today-queues")
        self.queues.setWordWrap(True)
        grid.addWidget(self.queues, 2, 0, 1, len(self.FIELDS))

    def show_live(self, snapshot: QueueSnapshot) -> None:
        """What the queue holds now."""
        waits = [t.wait_seconds for t in snapshot.waiting]
        self.values["waiting"].setText(str(len(waits)))
        self.values["longest"].setText(minutes_text(max(waits)) if waits else "–")
        parts = []
        for q in snapshot.queues:
            bar = "▮" * min(q.waiting, 30)
            parts.append(f"<b>{q.letter}</b> {q.waiting} {bar}")
        self.queues.setText("&nbsp;&nbsp;&nbsp;".join(parts))

    def show_figures(self, figures: dict[str, Any]) -> None:
        """Today's figures so far."""
        t = figures["totals"]
        self.values["served"].setText(str(t["served"]))
        self.values["median"].setText(minutes_text(t["wait_median_s"]))
        level = t["service_level"]
        self.values["level"].setText("–" if level is None else f"{level:.0f} %")
        threshold = figures["service_level_threshold_min"]
        self.captions["level"].setText(self.tr("Uppropade inom {0} min").format(threshold))
        self.values["no_shows"].setText(str(t["no_shows"]))
