"""Table models of the settings screen: the queues and the service points, retired ones too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QT_TR_NOOP as _QT_TR_NOOP
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.services.setup.office_setup import PointSetup, QueueSetup


def QT_TR_NOOP(text: str) -> str:
    """Mark a text for translation where it is defined; ``tr()`` translates it when shown."""
    return str(_QT_TR_NOOP(text))


SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the stable key of the row (queue code, point number)
RETIRED_COLOUR = QColor("#5f6770")  # 5.9:1 on white
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of frozen read models; retired rows are grey and italic."""

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> bool:
        """Show these rows; returns whether anything changed."""
        rows = list(rows)
        if rows == self._rows:
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def rows(self) -> list[Any]:
        """Every row's read model."""
        return list(self._rows)

    def find(self, key: Any) -> Any:
        """The read model with this key, or None."""
        return next((r for r in self._rows if self._key(r) == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows; a table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns; a table has no children."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text (also as tooltip), sort key, row key, and grey italics for retired rows."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._text(row, index.column())
        if role == SORT_ROLE:
            return self._sort(row, index.column())
        if role == KEY_ROLE:
            return self._key(row)
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

    def _key(self, row: Any) -> Any:
        raise NotImplementedError


class QueueTableModel(RowsModel):
    """The office's queues: letter, names, agencies, in use or not."""

    LETTER, LABEL, LABEL_EN, AGENCIES, STATUS = range(5)
    HEADERS = (
        QT_TR_NOOP("Bokstav"),
        QT_TR_NOOP("Namn"),
        QT_TR_NOOP("Engelskt namn"),
        QT_TR_NOOP("Myndigheter"),
        QT_TR_NOOP("Status"),
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

    def _key(self, row: QueueSetup) -> str:
        return row.code


class PointTableModel(RowsModel):
    """The office's service points: number, name, work profile, call order, in use or not."""

    NUMBER, NAME, QUEUES, CALL_ORDER, STATUS = range(5)
    HEADERS = (
        QT_TR_NOOP("Nummer"),
        QT_TR_NOOP("Namn"),
        QT_TR_NOOP("Köer"),
        QT_TR_NOOP("Ordning"),
        QT_TR_NOOP("Status"),
    )
    CALL_ORDERS: ClassVar[dict[str, str]] = {
        "longest_wait": QT_TR_NOOP("Längst väntat först"),
        "queue_order": QT_TR_NOOP("Köerna i tur och ordning"),
    }

    def _text(self, row: PointSetup, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.NAME:
            return row.name
        if column == self.QUEUES:
            return ", ".join(row.profile) if row.profile else self.tr("Alla köer")
        if column == self.CALL_ORDER:
            return self.tr(self.CALL_ORDERS.get(row.call_order, row.call_order))
        return self._status(row)

    def _sort(self, row: PointSetup, column: int) -> Any:
        if column == self.NUMBER:
            return row.number
        return self._text(row, column).casefold()

    def _key(self, row: PointSetup) -> int:
        return row.number
