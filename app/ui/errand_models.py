"""Qt item models of the service point: catalog choices for the errand form, ticket lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.queue_views import TicketView

Index = QModelIndex | QPersistentModelIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 3


class ChoiceModel(QAbstractTableModel):
    """Catalog entries (code, label, label_en) for a combo box; column 0 is what it shows."""

    LABEL, CODE, LABEL_EN = range(3)
    HEADERS = ("Benämning", "Kod", "Engelska")

    def __init__(self, choices: Sequence[Any] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = list(choices)

    def set_choices(self, choices: Sequence[Any]) -> None:
        """Replace every row (another agency's errand types, a reloaded catalog)."""
        self.beginResetModel()
        self._rows = list(choices)
        self.endResetModel()

    def choice(self, row: int) -> Any | None:
        """The choice on a row, or None outside the model."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, code: str | None) -> int:
        """The row holding a code, or -1."""
        return next((i for i, c in enumerate(self._rows) if c.code == code), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of choices."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Label, code, English label."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text per column; the code, a sort key and the choice itself by role."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        choice = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = (choice.label, choice.code, choice.label_en)[index.column()]
            return value or ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return choice.label
        if role == CODE_ROLE:
            return choice.code
        if role == SORT_ROLE:
            return str(choice.label).casefold()
        if role == OBJECT_ROLE:
            return choice
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return None


def waited_text(seconds: int) -> str:
    """A wait as a case worker reads it: "under 1 min", "14 min", "1 h 05 min"."""
    minutes = max(0, seconds) // 60
    if minutes < 1:
        return "under 1 min"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class TicketListModel(QAbstractTableModel):
    """Waiting or parked tickets of the snapshot: code, queue, wait so far."""

    CODE, QUEUE, WAITED = range(3)
    HEADERS = ("Lapp", "Kö", "Väntade")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TicketView] = []

    def set_tickets(self, tickets: Sequence[TicketView]) -> None:
        """Replace the rows (a new snapshot)."""
        self.beginResetModel()
        self._rows = list(tickets)
        self.endResetModel()

    def ticket(self, row: int) -> TicketView | None:
        """The ticket on a row, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, code: str | None) -> int:
        """The row of a ticket code, or -1."""
        return next((i for i, t in enumerate(self._rows) if t.code == code), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of tickets."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Code, queue, waited."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text per column; the code, a sort key and the ticket by role."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CODE:
                return f"{t.code} (förtur)" if t.booked else t.code
            if column == self.QUEUE:
                return t.queue_letter
            return waited_text(t.wait_seconds)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            booked = ", förtur" if t.booked else ""
            return f"{t.code}, kö {t.queue_letter}{booked}, väntade {waited_text(t.wait_seconds)}"
        if role == CODE_ROLE:
            return t.code
        if role == SORT_ROLE:
            return (t.code, t.queue_letter, t.wait_seconds)[column]
        if role == OBJECT_ROLE:
            return t
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return None
