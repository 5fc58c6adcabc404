"""Qt table models of the live queue: waiting tickets, now serving per point, recent tickets.

Each model takes a :class:`QueueSnapshot` through ``set_snapshot`` and updates its rows in
place (removals, insertions, changed cells), so a selection survives a refresh. Every model
has column constants, a sort role (raw values) and an object role (the read model itself).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.clock import OFFICE_TZ
from app.services.queue.views import PointStatus, QueueSnapshot, TicketView

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2
BOOKED_BACKGROUND = QColor("#fff0c2")  # amber tint; dark text keeps AA contrast on it

AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("queue_models", text)


def print_state_text(status: str | None) -> str:
    """A stored print status ("printed", "failed", "pdf:…") as reception reads it."""
    if not status:
        return "–"
    if status == "printed":
        return _tr("Utskriven")
    if status.startswith("pdf:"):
        return _tr("PDF")
    if status == "failed":
        return _tr("Misslyckades")
    return status


def local_hhmm(instant: datetime | None) -> str:
    """An instant as office-local "10:42"."""
    return instant.astimezone(OFFICE_TZ).strftime("%H:%M") if instant else ""


class _RowsModel(QAbstractTableModel):
    """Rows keyed by a stable key, updated in place; subclasses say what a cell shows."""

    COLUMNS = 0
    CLOCK_COLUMNS: tuple[int, ...] = ()  # columns whose text moves with the clock

    def headers(self) -> tuple[str, ...]:
        """Translated column titles, one per column."""
        raise NotImplementedError

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._now: datetime | None = None

    # -- what subclasses provide
    def _key(self, row: Any) -> object:
        raise NotImplementedError

    def _cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    # -- the Qt model contract
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows (none under a child: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Columns."""
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles (Swedish, translatable)."""
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMNS:
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        """A cell, by role; OBJECT_ROLE gives the row's read model."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.COLUMNS:
            return None
        row = self._rows[index.row()]
        if role == OBJECT_ROLE:
            return row
        return self._cell(row, index.column(), role)

    # -- access for views
    def row_object(self, row: int) -> Any:
        """The read model shown in a row."""
        return self._rows[row]

    def keys(self) -> list[object]:
        """The keys of the rows, in order."""
        return [self._key(r) for r in self._rows]

    def row_of(self, key: object) -> int:
        """The row showing a key, or -1."""
        return next((i for i, r in enumerate(self._rows) if self._key(r) == key), -1)

    def set_now(self, now: datetime) -> None:
        """Move the time that running figures (waits) are measured to."""
        if now != self._now:
            self._now = now
            self._columns_changed(self.CLOCK_COLUMNS)

    # -- in-place update
    def _signature(self, row: Any) -> object:
        """What a row shows; a row whose signature is unchanged is not repainted."""
        return row

    def _replace(self, rows: Sequence[Any], now: datetime | None = None) -> None:
        new = list(rows)
        new_keys = [self._key(r) for r in new]
        wanted = set(new_keys)
        for i in range(len(self._rows) - 1, -1, -1):
            if self._key(self._rows[i]) not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        kept = [self._key(r) for r in self._rows]
        kept_set = set(kept)
        if kept != [k for k in new_keys if k in kept_set]:
            # Rows changed order (rare: a transfer): a reset is simpler than moves.
            self.beginResetModel()
            self._rows, self._now = new, now
            self.endResetModel()
            return
        changed: list[int] = []
        for i, (key, row) in enumerate(zip(new_keys, new, strict=True)):
            if i >= len(self._rows) or self._key(self._rows[i]) != key:
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, row)
                self.endInsertRows()
            else:
                if self._signature(self._rows[i]) != self._signature(row):
                    changed.append(i)
                self._rows[i] = row
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMNS - 1))
        if now is not None:
            self.set_now(now)

    def _columns_changed(self, columns: Sequence[int]) -> None:
        if self._rows:
            for column in columns:
                last = self.index(len(self._rows) - 1, column)
                self.dataChanged.emit(self.index(0, column), last)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _ticket_signature(row: TicketView) -> object:
    """A ticket's shown fields, without its wait so far (that moves with the clock)."""
    return (
        row.code,
        row.queue_letter,
        row.state,
        row.booked,
        row.print_status,
        row.issued_at,
        row.called_at,
        row.service_point_name,
    )


class WaitingModel(_RowsModel):
    """The tickets waiting now, in call order, booked ones marked."""

    COL_CODE, COL_QUEUE, COL_BOOKED, COL_WAIT, COL_PRINT = range(5)
    COLUMNS = 5
    CLOCK_COLUMNS = (COL_WAIT,)

    def headers(self) -> tuple[str, ...]:
        """Translated column titles."""
        return (
            self.tr("Kod"),
            self.tr("Kö"),
            self.tr("Bokad"),
            self.tr("Väntat"),
            self.tr("Utskrift"),
        )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, str] = {}

    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        """Show the waiting tickets of a snapshot."""
        self._labels = {q.letter: q.label for q in snapshot.queues}
        self._replace(snapshot.waiting, snapshot.now)

    def _key(self, row: TicketView) -> object:
        return row.code

    def _signature(self, row: TicketView) -> object:
        return _ticket_signature(row)

    def wait_seconds(self, row: TicketView) -> int:
        """The wait so far, measured to the model's current time."""
        if self._now is None:
            return row.wait_seconds
        return max(0, int((self._now - row.issued_at).total_seconds()))

    def _cell(self, row: TicketView, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._text(row, column)
        if role == SORT_ROLE:
            values: tuple[Any, ...] = (
                row.code,
                row.queue_letter,
                int(row.booked),
                self.wait_seconds(row),
                row.print_status or "",
            )
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole and row.booked:
            return QBrush(BOOKED_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and row.booked and column == self.COL_BOOKED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_QUEUE:
            return self._labels.get(row.queue_letter, row.queue_letter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(row, column) or _tr("Ingen bokad tid")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_WAIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: TicketView, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_QUEUE:
            return row.queue_letter
        if column == self.COL_BOOKED:
            return _tr("Bokad") if row.booked else ""
        if column == self.COL_WAIT:
            return _tr("{0} min").format(self.wait_seconds(row) // 60)
        return print_state_text(row.print_status)


class ServingModel(_RowsModel):
    """Each active service point and the ticket it has called or is serving."""

    COL_POINT, COL_CODE, COL_SINCE = range(3)
    COLUMNS = 3

    def headers(self) -> tuple[str, ...]:
        """Translated column titles."""
        return (self.tr("Lucka"), self.tr("Kod"), self.tr("Sedan"))

    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        """Show the service points of a snapshot."""
        self._replace(snapshot.points)

    def _key(self, row: PointStatus) -> object:
        return row.number

    def _cell(self, row: PointStatus, column: int, role: int) -> Any:
        current = row.current
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.COL_POINT:
                return row.name
            if current is None:
                return "–" if role == _DISPLAY else _tr("ingen")
            if column == self.COL_CODE:
                return current.code
            return local_hhmm(current.called_at)
        if role == SORT_ROLE:
            if column == self.COL_POINT:
                return row.number
            if column == self.COL_CODE:
                return current.code if current else ""
            return current.called_at.timestamp() if current and current.called_at else 0.0
        if role == Qt.ItemDataRole.FontRole and column == self.COL_CODE and current:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RecentTicketsModel(_RowsModel):
    """The tickets issued most recently today that are still in the queue, newest first."""

    COL_CODE, COL_ISSUED, COL_STATE, COL_PRINT = range(4)
    COLUMNS = 4

    def headers(self) -> tuple[str, ...]:
        """Translated column titles."""
        return (self.tr("Kod"), self.tr("Utfärdad"), self.tr("Läge"), self.tr("Utskrift"))

    LIMIT = 12

    def __init__(self, parent: QObject | None = None, limit: int = LIMIT) -> None:
        super().__init__(parent)
        self._limit = limit

    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        """Show the newest active tickets of a snapshot."""
        current = [p.current for p in snapshot.points if p.current is not None]
        tickets = [*snapshot.waiting, *snapshot.parked, *current]
        tickets.sort(key=lambda t: (t.issued_at, t.code), reverse=True)
        self._replace(tickets[: self._limit])

    def _key(self, row: TicketView) -> object:
        return row.code

    def _signature(self, row: TicketView) -> object:
        return _ticket_signature(row)

    def _cell(self, row: TicketView, column: int, role: int) -> Any:
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            texts: tuple[Callable[[], str], ...] = (
                lambda: row.code,
                lambda: local_hhmm(row.issued_at),
                lambda: self._state(row),
                lambda: print_state_text(row.print_status),
            )
            return texts[column]()
        if role == SORT_ROLE:
            values: tuple[Any, ...] = (
                row.code,
                row.issued_at.timestamp(),
                row.state,
                row.print_status or "",
            )
            return values[column]
        failed = row.print_status == "failed"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_PRINT and failed:
            return QBrush(QColor("#a61c00"))
        if role == Qt.ItemDataRole.BackgroundRole and row.booked:
            return QBrush(BOOKED_BACKGROUND)
        return None

    def _state(self, row: TicketView) -> str:
        texts = {
            "waiting": self.tr("Väntar"),
            "called": self.tr("Uppropad"),
            "serving": self.tr("Betjänas"),
            "parked": self.tr("Parkerad"),
        }
        text = texts.get(row.state, row.state)
        if row.service_point_name and row.state in ("called", "serving"):
            text = f"{text} – {row.service_point_name}"
        return f"{text} · {self.tr('bokad')}" if row.booked else text
