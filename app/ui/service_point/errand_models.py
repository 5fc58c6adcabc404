"""Qt item models of the service point: catalog choices for the errand form, ticket lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.services.queue.views import TicketView
from app.ui.shell.table_model import QT_TR_NOOP, SORT_ROLE, RowsModel


class ChoiceModel(RowsModel):
    """Catalog entries (code, label, label_en) for a combo box; column 0 is what it shows."""

    LABEL, CODE, LABEL_EN = range(3)
    HEADERS = (QT_TR_NOOP("Benämning"), QT_TR_NOOP("Kod"), QT_TR_NOOP("Engelska"))

    def __init__(self, choices: Sequence[Any] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_rows(choices)

    def set_choices(self, choices: Sequence[Any]) -> None:
        """Show these choices (another agency's errand types, a reloaded catalog)."""
        self.set_rows(choices)

    def _cell(self, choice: Any, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (choice.label, choice.code, choice.label_en)[column] or ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return choice.label
        if role == SORT_ROLE:
            return str(choice.label).casefold()
        return None


def waited_text(seconds: int) -> str:
    """A wait as a case worker reads it: "under 1 min", "14 min", "1 h 05 min"."""
    minutes = max(0, seconds) // 60
    if minutes < 1:
        return "under 1 min"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class TicketListModel(RowsModel):
    """Waiting or parked tickets of the snapshot: code, queue, wait so far."""

    CODE, QUEUE, WAITED = range(3)
    HEADERS = (QT_TR_NOOP("Lapp"), QT_TR_NOOP("Kö"), QT_TR_NOOP("Väntade"))

    def set_tickets(self, tickets: Sequence[TicketView]) -> None:
        """Show the tickets of a new snapshot."""
        self.set_rows(tickets)

    def _cell(self, t: TicketView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CODE:
                return f"{t.code} (förtur)" if t.booked else t.code
            if column == self.QUEUE:
                return t.queue_letter
            return waited_text(t.wait_seconds)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            booked = ", förtur" if t.booked else ""
            return f"{t.code}, kö {t.queue_letter}{booked}, väntade {waited_text(t.wait_seconds)}"
        if role == SORT_ROLE:
            return (t.code, t.queue_letter, t.wait_seconds)[column]
        return None
