"""The tables under the Statistik tab's charts, and how their figures read.

One name for the service level everywhere on the tab: the exports' header
(:data:`app.services.stats.sheets.HEADERS`), "Uppropade inom 15 min (%)" with
the office's threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QWidget

from app.ui.shell.table_model import RowsModel

Column = tuple[str, str, Callable[[Any], str]]  # key, title, how it reads


def service_level_name(threshold_min: int, unit: bool = True) -> str:
    """The service level's one name, as the (Swedish) exports head its column ("… (%)"), in
    the screens' language; without the unit where the value carries it ("49 %")."""
    name = QCoreApplication.translate("StatisticsView", "Uppropade inom {threshold} min (%)")
    name = name.format(threshold=threshold_min)
    return name if unit else name.removesuffix(" (%)")


def _decimal(value: float, decimals: int = -1) -> str:
    """A number in the screens' language: "6,8" in Swedish, "6.8" in English."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if decimals >= 0:
        return locale.toString(value, "f", decimals)
    return locale.toString(value, "g", 6)


def minutes_text(seconds: float | None) -> str:
    """A duration as a manager reads it: "6,8 min", or "–"."""
    return "–" if seconds is None else f"{_decimal(seconds / 60, 1)} min"


def cell_text(value: Any) -> str:
    """A figure in a cell: the language's decimal sign, "–" for none."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return _decimal(value)
    return str(value)


class FigureTableModel(RowsModel):
    """Rows of a figure list (dicts), with the columns a chart's table shows."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QWidget | None = None,
        key: Callable[[dict[str, Any]], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._row_key = key

    def headers(self) -> tuple[str, ...]:
        """The titles of this table's columns."""
        return tuple(title for _key, title, _fmt in self._columns)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Show other columns (another kind of row, or a title that names a setting)."""
        if list(columns) == self._columns:
            return
        self.beginResetModel()
        self._columns = list(columns)
        self._rows = []
        self.endResetModel()

    def retitle(self, key: str, title: str) -> None:
        """Give the column of ``key`` another title (the threshold in its name moved)."""
        for i, (k, old, fmt) in enumerate(self._columns):
            if k == key and old != title:
                self._columns[i] = (k, title, fmt)
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, i, i)

    def _key(self, row: dict[str, Any]) -> object:
        if self._row_key is not None:
            return self._row_key(row)
        return str(row.get(self._columns[0][0]))

    def _cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        key, _title, fmt = self._columns[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return fmt(row.get(key))
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
