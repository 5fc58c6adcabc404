"""A chart over a table of the same figures: the pages of the Statistik tab.

:class:`ChartPage` draws a list of figure rows as bars (and optionally a line)
and shows the rows in a table beneath. Every category label is drawn whole:

- vertical bars label as many categories as fit their width and skip the rest
  evenly (a month of days reads "1/11 … 8/11 …"), rather than cutting every
  label to "11-…";
- horizontal bars (long names: agencies, outcomes, staff) give each row the
  height its label needs and let the chart scroll when the rows outgrow it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.shell import style
from app.ui.statistics.table import Column, FigureTableModel

COLOURS = (style.ACCENT, "#7f8c8d", "#5b8c2a")
LINE_COLOURS = ("#d35400", "#6c3483")
PADDING = 5.0  # Qt Charts' padding on each side of an axis label
SLACK = 8.0  # what Qt's text measure adds to the font's own


def _value_axis() -> Any:
    from PySide6.QtCharts import QValueAxis

    return QValueAxis()


def _nice(axis: Any, most: float) -> None:
    """A value axis from 0 to ``most`` at round steps, with as many decimals as the steps
    have (Qt's "%g" draws nothing where numbers are localised: "2,5", not "2.5")."""
    axis.setTickCount(6)  # nice numbers change the count: start from the same one each time
    axis.setRange(0, most if most > 0 else 1)
    axis.applyNiceNumbers()
    step = (axis.max() - axis.min()) / max(1, axis.tickCount() - 1)
    axis.setLabelFormat("%.0f" if abs(step - round(step)) < 1e-9 else "%.1f")


class ChartPage(QWidget):
    """A chart over a table of the same figures."""

    def __init__(
        self,
        name: str,
        columns: Sequence[Column],
        parent: QWidget | None = None,
        *,
        horizontal: bool = False,
        key: Callable[[dict[str, Any]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis, QChart, QChartView

        self.setObjectName(f"chart-page-{name}")
        self.horizontal = horizontal
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setLocalizeNumbers(True)  # "2,5" on the axes, as in the tables
        self.chart.setLocale(QLocale())  # the default: Swedish, or English (app.ui.shell.language)
        # One set of axes for the page's life (an axis taken off a chart leaves its labels
        # drawn): new figures change their labels, ranges and titles.
        left, bottom, right = (
            Qt.AlignmentFlag.AlignLeft,
            Qt.AlignmentFlag.AlignBottom,
            Qt.AlignmentFlag.AlignRight,
        )
        self.values = _value_axis()
        self.side = _value_axis()  # a line's own scale (staffed points beside arrivals)
        if horizontal:
            self.categories: Any = QBarCategoryAxis()
            self.chart.addAxis(self.categories, left)
            self.chart.addAxis(self.values, bottom)
        else:
            self.categories = QCategoryAxis()
            self.categories.setLabelsPosition(
                QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue
            )
            self.categories.setGridLineVisible(False)
            self.categories.setStartValue(-0.5)
            self.chart.addAxis(self.categories, bottom)
            self.chart.addAxis(self.values, left)
        self.chart.addAxis(self.side, right)
        self.side.setVisible(False)
        self.view = QChartView(self.chart, self)
        self.view.setObjectName(f"chart-{name}")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(200)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scroll area around it takes keys
        self.chart_area = QScrollArea(self)
        self.chart_area.setObjectName(f"chart-area-{name}")
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_area.setWidget(self.view)
        self.model = FigureTableModel(columns, self, key)
        self.table = QTableView(self)
        self.table.setObjectName(f"table-{name}")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.chart_area)
        self.splitter.addWidget(self.table)
        self.splitter.setSizes([360, 150])
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._labels: list[str] = []
        self._shown: list[int] | None = None  # the categories that carry a label (vertical)
        self.chart.plotAreaChanged.connect(self._on_plot_area_changed)
        style.follow_font(self, self._fit_to_font)

    def _fit_to_font(self) -> None:
        """Room for the chart's labels and for a few of the table's rows at the font of the
        day: at a large font the page scrolls, rather than squeeze the chart into dots."""
        line = QFontMetricsF(self.font()).height()
        self.chart_area.setMinimumHeight(max(160, math.ceil(11 * line)))
        self.table.setMinimumHeight(math.ceil(5 * line))

    def name_for(self, title: str) -> None:
        """Names for a screen reader, after the page's title: the chart draws what the
        table below it holds, so the table is where the figures are read."""
        self.chart_area.setAccessibleName(self.tr("{0}, diagram").format(title))
        self.view.setAccessibleName(self.tr("{0}, diagram").format(title))
        for widget in (self.chart_area, self.view):
            widget.setAccessibleDescription(self.tr("Samma siffror står i tabellen under."))
        self.table.setAccessibleName(self.tr("{0}, tabell").format(title))
        self.table.setAccessibleDescription(self.tr("Piltangenterna flyttar mellan cellerna."))

    # ------------------------------------------------------------ drawing

    def show_bars(
        self,
        rows: list[dict[str, Any]],
        label_key: str,
        series: Sequence[tuple[str, str]],
        labels: Callable[[Any], str] = str,
        *,
        lines: Sequence[tuple[str, str]] = (),
        line_axis: str = "",
        value_title: str = "",
        category_title: str = "",
    ) -> None:
        """Bars per row, one set per (key, name) in ``series``, and a line over them per
        (key, name) in ``lines`` (a row without the figure is left out of it): on an axis of
        their own titled ``line_axis``, else on the bars'. The table shows the rows."""
        from PySide6.QtCharts import QBarSeries, QBarSet, QHorizontalBarSeries

        self.model.set_rows(rows)
        chart = self.chart
        chart.removeAllSeries()
        drawn = list(reversed(rows)) if self.horizontal else rows  # the largest on top
        self._labels = [labels(row.get(label_key)) for row in drawn]
        bars = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        most = 0.0
        for (key, name), colour in zip(series, COLOURS, strict=False):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour))
            bar_set.setLabelColor(QColor(style.TEXT))
            values = [float(row.get(key) or 0) for row in drawn]
            bar_set.append(values)
            most = max([most, *values])
            bars.append(bar_set)
        if self.horizontal:  # the figure at the end of each bar: no need to read it off an axis
            bars.setLabelsVisible(True)
            bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
            bars.setLabelsFormat("@value")
        chart.addSeries(bars)
        _nice(self.values, most * (1.15 if self.horizontal else 1.05))
        self.values.setTitleText(value_title)
        self.categories.setTitleText(category_title)
        self._set_categories()
        bars.attachAxis(self.categories)
        bars.attachAxis(self.values)
        self.side.setVisible(bool(lines and line_axis))
        if lines and not self.horizontal:
            self._draw_lines(drawn, lines, line_axis, most)
        chart.legend().setVisible(len(series) + len(lines) > 1)
        self._size_for_rows()

    def _draw_lines(
        self,
        rows: list[dict[str, Any]],
        lines: Sequence[tuple[str, str]],
        title: str,
        most: float,
    ) -> None:
        from PySide6.QtCharts import QLineSeries

        curves, highest = [], 0.0
        for (key, name), colour in zip(lines, LINE_COLOURS, strict=False):
            curve = QLineSeries()
            curve.setName(name)
            curve.setPen(QPen(QColor(colour), 3))
            curve.setPointsVisible(True)
            for i, row in enumerate(rows):
                if row.get(key) is not None:
                    curve.append(QPointF(i, float(row[key])))
                    highest = max(highest, float(row[key]))
            self.chart.addSeries(curve)
            curves.append(curve)
        axis = self.values
        if title:
            axis = self.side
            _nice(axis, highest * 1.05)
            axis.setTitleText(title)
        elif highest > most * 1.05:
            _nice(axis, highest * 1.05)
        for curve in curves:
            curve.attachAxis(self.categories)
            curve.attachAxis(axis)

    def _set_categories(self) -> None:
        if self.horizontal:
            self.categories.clear()
            self.categories.append(self._labels)
            return
        self.categories.setRange(-0.5, max(len(self._labels), 1) - 0.5)
        self._shown = None
        self._label_what_fits()

    # ------------------------------------------------------------ fitting the labels

    def _size_for_rows(self) -> None:
        """A horizontal chart is as tall as its rows' labels need (the page scrolls)."""
        if not self.horizontal:
            return
        # Qt draws a label whole when its row is the text's height and the padding (measured).
        row = QFontMetricsF(self.categories.labelsFont()).height() + 2 * PADDING + 1
        rest = 86 if self.chart.legend().isVisible() else 56  # value axis, title, margins
        self.view.setMinimumHeight(max(200, math.ceil((len(self._labels) + 1) * row + rest)))

    def _plot_width(self) -> float:
        width = self.chart.plotArea().width()
        return width if width > 50 else max(200.0, self.view.width() - 120.0)

    def _fitting(self) -> list[int]:
        """The categories to label: all when they fit, else every k-th, evenly."""
        n = len(self._labels)
        if not n:
            return []
        metrics = QFontMetricsF(self.categories.labelsFont())
        text = max(metrics.horizontalAdvance(t) for t in self._labels) + SLACK
        width = self._plot_width()
        per = width / n  # one category's width
        for step in range(1, n + 1):
            shown = list(range(n)) if step == 1 else list(range(step // 2, n, step))
            if step > 1:  # a label centred on its bar must not reach past either end
                shown = [i for i in shown if min(i + 0.5, n - i - 0.5) * per >= text / 2]
            if shown and width / (len(shown) + 1) - 2 * PADDING >= text:
                return shown
        return []

    def _label_what_fits(self) -> None:
        shown = self._fitting()
        if shown == self._shown:
            return
        axis = self.categories
        for label in axis.categoriesLabels():
            axis.remove(label)
        for i in shown:
            axis.append(self._labels[i], i)
        self._shown = shown

    def _on_plot_area_changed(self, _area: QRectF) -> None:
        if not self.horizontal and self._labels:
            self._label_what_fits()

    # ------------------------------------------------------------ what a test reads

    def category_labels(self) -> list[str]:
        """Every category's whole label, in the chart's order (bottom to top when horizontal)."""
        return list(self._labels)
