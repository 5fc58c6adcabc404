"""Table models of the settings screen: the queues and the service points, retired ones too."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from app.services.setup.office_setup import PointSetup, QueueSetup
from app.ui.shell.table_model import QT_TRANSLATE_NOOP, SORT_ROLE, RowsModel

RETIRED_COLOUR = QColor("#5f6770")  # 5.9:1 on white


class SetupRowsModel(RowsModel):
    """Rows of the office's set-up; retired rows are grey and italic."""

    def _cell(self, row: Any, column: int, role: int) -> Any:
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return RETIRED_COLOUR
        if role == Qt.ItemDataRole.FontRole and not row.active:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _status(self, row: Any) -> str:
        return self.tr("I bruk") if row.active else self.tr("Ur bruk")

    def _text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def _sort(self, row: Any, column: int) -> Any:
        return self._text(row, column)


class QueueTableModel(SetupRowsModel):
    """The office's queues: letter, names, agencies, in use or not."""

    LETTER, LABEL, LABEL_EN, AGENCIES, STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("QueueTableModel", "Bokstav"),
        QT_TRANSLATE_NOOP("QueueTableModel", "Namn"),
        QT_TRANSLATE_NOOP("QueueTableModel", "Engelskt namn"),
        QT_TRANSLATE_NOOP("QueueTableModel", "Myndigheter"),
        QT_TRANSLATE_NOOP("QueueTableModel", "Status"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._agency_labels: dict[str, str] = {}

    def set_agency_labels(self, labels: dict[str, str]) -> None:
        """Agency code → name, to show names instead of codes."""
        self._agency_labels = dict(labels)

    def _text(self, row: QueueSetup, column: int) -> str:
        if column == self.LETTER:
            return row.letter if row.has_letter else "–"
        if column == self.LABEL:
            return row.label
        if column == self.LABEL_EN:
            return row.label_en or ""
        if column == self.AGENCIES:
            return ", ".join(self._agency_labels.get(c, c) for c in row.agency_codes)
        return self._status(row)

    def _sort(self, row: QueueSetup, column: int) -> Any:
        if column == self.LETTER:
            return (not row.active, row.letter)
        return self._text(row, column).casefold()


class PointTableModel(SetupRowsModel):
    """The office's service points: number, name, work profile, call order, in use or not."""

    NUMBER, NAME, QUEUES, CALL_ORDER, STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("PointTableModel", "Nummer"),
        QT_TRANSLATE_NOOP("PointTableModel", "Namn"),
        QT_TRANSLATE_NOOP("PointTableModel", "Köer"),
        QT_TRANSLATE_NOOP("PointTableModel", "Ordning"),
        QT_TRANSLATE_NOOP("PointTableModel", "Status"),
    )
    CALL_ORDERS: ClassVar[dict[str, str]] = {
        "longest_wait": QT_TRANSLATE_NOOP("PointTableModel", "Längst väntat först"),
        "queue_order": QT_TRANSLATE_NOOP("PointTableModel", "Köerna i tur och ordning"),
    }

    def _text(self, row: PointSetup, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.NAME:
            return row.name
        if column == self.QUEUES:
            return ", ".join(row.profile) if row.profile else self.tr("Alla köer")
        if column == self.CALL_ORDER:
            order = self.tr(self.CALL_ORDERS.get(row.call_order, row.call_order))
            if row.reserve_minutes is None:
                return order
            return self.tr("{0} · reserverad för bokade besök").format(order)
        return self._status(row)

    def _sort(self, row: PointSetup, column: int) -> Any:
        if column == self.NUMBER:
            return row.number
        return self._text(row, column).casefold()

    def _key(self, row: PointSetup) -> int:
        return row.number
