"""Qt table models of the live queue: waiting tickets, now serving per point, recent tickets.

Each model takes a :class:`QueueSnapshot` through ``set_snapshot`` and updates its rows in
place (removals, insertions, changed cells), so a selection survives a refresh; the rows,
the roles and the update live in :mod:`app.ui.shell.table_model`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.queue.views import PointStatus, QueueSnapshot, TicketView
from app.ui.shell.office_time import hhmm
from app.ui.shell.table_model import DISPLAY as _DISPLAY
from app.ui.shell.table_model import QT_TRANSLATE_NOOP, SORT_ROLE, RowsModel

BOOKED_BACKGROUND = QColor("#fff0c2")  # amber tint; dark text keeps AA contrast on it


# lupdate reads translate("queue_models", "…"): the context is given at each call.
translate = QCoreApplication.translate


def print_state_text(status: str | None) -> str:
    """A stored print status ("printed", "failed", "pdf:…") as reception reads it."""
    if not status:
        return "–"
    if status == "printed":
        return translate("queue_models", "Utskriven")
    if status.startswith("pdf:"):
        return translate("queue_models", "PDF")
    if status == "failed":
        return translate("queue_models", "Misslyckades")
    return status


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


class WaitingModel(RowsModel):
    """The tickets waiting now, in call order, booked ones marked."""

    COL_CODE, COL_QUEUE, COL_BOOKED, COL_WAIT, COL_PRINT = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("WaitingModel", "Kod"),
        QT_TRANSLATE_NOOP("WaitingModel", "Kö"),
        QT_TRANSLATE_NOOP("WaitingModel", "Bokad"),
        QT_TRANSLATE_NOOP("WaitingModel", "Väntat"),
        QT_TRANSLATE_NOOP("WaitingModel", "Utskrift"),
    )
    CLOCK_COLUMNS = (COL_WAIT,)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, str] = {}

    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        """Show the waiting tickets of a snapshot."""
        self._labels = {q.letter: q.label for q in snapshot.queues}
        self.set_rows(snapshot.waiting, snapshot.now)

    def _signature(self, row: TicketView) -> object:
        return _ticket_signature(row)

    def _clock_value(self, row: TicketView) -> object:
        # Shown in minutes; the order by wait does not move with the clock (all age alike).
        return self.wait_seconds(row) // 60

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
            return self._text(row, column) or translate("queue_models", "Ingen bokad tid")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_WAIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: TicketView, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_QUEUE:
            return row.queue_letter
        if column == self.COL_BOOKED:
            if row.appointment_at is not None:  # a checked-in booking: its booked time
                return translate("queue_models", "Bokad {0}").format(hhmm(row.appointment_at))
            return translate("queue_models", "Bokad") if row.booked else ""
        if column == self.COL_WAIT:
            return translate("queue_models", "{0} min").format(self.wait_seconds(row) // 60)
        return print_state_text(row.print_status)


class ServingModel(RowsModel):
    """Each active service point and the ticket it has called or is serving."""

    COL_POINT, COL_CODE, COL_SINCE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("ServingModel", "Lucka"),
        QT_TRANSLATE_NOOP("ServingModel", "Kod"),
        QT_TRANSLATE_NOOP("ServingModel", "Sedan"),
    )

    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        """Show the service points of a snapshot."""
        self.set_rows(snapshot.points)

    def _key(self, row: PointStatus) -> object:
        return row.number

    def _cell(self, row: PointStatus, column: int, role: int) -> Any:
        current = row.current
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.COL_POINT:
                return row.name
            if current is None:
                return "–" if role == _DISPLAY else translate("queue_models", "ingen")
            if column == self.COL_CODE:
                return current.code
            return hhmm(current.called_at)
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


class RecentTicketsModel(RowsModel):
    """The tickets issued most recently today, newest first, and what became of them."""

    COL_CODE, COL_ISSUED, COL_STATE, COL_PRINT = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("RecentTicketsModel", "Kod"),
        QT_TRANSLATE_NOOP("RecentTicketsModel", "Utfärdad"),
        QT_TRANSLATE_NOOP("RecentTicketsModel", "Läge"),
        QT_TRANSLATE_NOOP("RecentTicketsModel", "Utskrift"),
    )

    LIMIT = 12

    def __init__(self, parent: QObject | None = None, limit: int = LIMIT) -> None:
        super().__init__(parent)
        self._limit = limit

    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        """Show the day's newest tickets, whatever became of them."""
        self.set_rows(snapshot.recent_tickets[: self._limit])

    def _signature(self, row: TicketView) -> object:
        return _ticket_signature(row)

    def _cell(self, row: TicketView, column: int, role: int) -> Any:
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            texts: tuple[Callable[[], str], ...] = (
                lambda: row.code,
                lambda: hhmm(row.issued_at),
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
            "done": self.tr("Klar"),
            "no_show": self.tr("Uteblev"),
            "walked_out": self.tr("Gick innan upprop"),
            "cancelled": self.tr("Makulerad"),
            "not_served": self.tr("Ej betjänad"),
        }
        text = texts.get(row.state, row.state)
        if row.service_point_name and row.state in ("called", "serving"):
            text = f"{text} – {row.service_point_name}"
        return f"{text} · {self.tr('bokad')}" if row.booked else text
