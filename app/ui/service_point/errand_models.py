"""Qt item models of the service point: catalog choices for the errand form, ticket lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.queue.views import TicketView

Index = QModelIndex | QPersistentModelIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 3


class _CodedRows(QAbstractTableModel):
    """Rows of read models that each have a ``code``, with fixed column titles."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, rows: Sequence[Any] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = list(rows)

    def _replace(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _item(self, index: Index) -> Any | None:
        return self._at(index.row()) if index.isValid() else None

    def row_of(self, code: str | None) -> int:
        """The row holding a code, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per title."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate("errand_models", self.HEADERS[section])
        return None


class ChoiceModel(_CodedRows):
    """Catalog entries (code, label, label_en) for a combo box; column 0 is what it shows."""

    LABEL, CODE, LABEL_EN = range(3)
    HEADERS = ("Benämning", "Kod", "Engelska")

    def set_choices(self, choices: Sequence[Any]) -> None:
        """Replace every row (another agency's errand types, a reloaded catalog)."""
        self._replace(choices)

    def choice(self, row: int) -> Any | None:
        """The choice on a row, or None outside the model."""
        return self._at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text per column; the code, a sort key and the choice itself by role."""
        choice = self._item(index)
        if choice is None:
            return None
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


def waited_text(seconds: int) -> str:
    """A wait as a case worker reads it: "under 1 min", "14 min", "1 h 05 min"."""
    minutes = max(0, seconds) // 60
    if minutes < 1:
        return "under 1 min"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class TicketListModel(_CodedRows):
    """Waiting or parked tickets of the snapshot: code, queue, wait so far."""

    CODE, QUEUE, WAITED = range(3)
    HEADERS = ("Lapp", "Kö", "Väntade")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)

    def set_tickets(self, tickets: Sequence[TicketView]) -> None:
        """Replace the rows (a new snapshot)."""
        self._replace(tickets)

    def ticket(self, row: int) -> TicketView | None:
        """The ticket on a row, or None."""
        return self._at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text per column; the code, a sort key and the ticket by role."""
        t = self._item(index)
        if t is None:
            return None
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
