"""Qt item models of the service point: catalog choices for the errand form, ticket lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.services.queue.views import TicketView
from app.ui.service_point.languages import (
    LanguageNames,
    marker_icon,
    needs_notice,
    no_marker_icon,
)
from app.ui.shell.office_time import hhmm
from app.ui.shell.table_model import DISPLAY, QT_TRANSLATE_NOOP, SORT_ROLE, AnyIndex, RowsModel


class ChoiceModel(RowsModel):
    """Catalog entries (code, label, label_en) for a combo box; column 0 is what it shows."""

    LABEL, CODE, LABEL_EN = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("ChoiceModel", "Benämning"),
        QT_TRANSLATE_NOOP("ChoiceModel", "Kod"),
        QT_TRANSLATE_NOOP("ChoiceModel", "Engelska"),
    )

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
        return QCoreApplication.translate("TicketListModel", "under 1 min")
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _priority(t: TicketView) -> str:
    """ "bokad 10:30" for a checked-in booking (its booked time), else "förtur"."""
    if t.appointment_at is not None:
        return QCoreApplication.translate("TicketListModel", "bokad {0}").format(
            hhmm(t.appointment_at)
        )
    if t.due_at is not None:
        return QCoreApplication.translate("TicketListModel", "bokad, från {0}").format(
            hhmm(t.due_at)
        )
    return QCoreApplication.translate("TicketListModel", "förtur")


class TicketListModel(RowsModel):
    """Waiting or parked tickets of the snapshot: code, queue, wait so far.

    Given the language names, a ticket whose visitor chose a language other than
    Swedish shows its name beside the code ("A003 · Arabiska"), a marker and a tooltip.
    """

    CODE, QUEUE, WAITED = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("TicketListModel", "Lapp"),
        QT_TRANSLATE_NOOP("TicketListModel", "Kö"),
        QT_TRANSLATE_NOOP("TicketListModel", "Väntade"),
    )

    def __init__(self, parent: QObject | None = None, names: LanguageNames | None = None) -> None:
        super().__init__(parent)
        self._names = names
        if names is not None:
            names.changed.connect(self._on_names_changed)

    def set_tickets(self, tickets: Sequence[TicketView]) -> None:
        """Show the tickets of a new snapshot."""
        self.set_rows(tickets)
        if self._names is not None:
            self._names.need(t.language for t in tickets)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """A cell; the code's cell also answers with the language marker."""
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.CODE:
            t = self.at(index.row()) if index.isValid() else None
            if t is None or self._names is None:
                return None
            return marker_icon() if self._language(t) else no_marker_icon()
        return super().data(index, role)

    def _language(self, t: TicketView) -> str:
        """The ticket's language in Swedish, when it is worth showing ("" for Swedish)."""
        if self._names is None or not t.language or not needs_notice(t.language):
            return ""
        return self._names.label(t.language)

    def _cell(self, t: TicketView, column: int, role: int) -> Any:
        language = self._language(t)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CODE:
                code = f"{t.code} ({_priority(t)})" if t.booked else t.code
                return f"{code} · {language}" if language else code
            if column == self.QUEUE:
                return t.queue_letter
            return waited_text(t.wait_seconds)
        tooltip = self._names.tooltip(t.language) if language and self._names else ""
        if role == Qt.ItemDataRole.ToolTipRole and tooltip:
            return tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            booked = f", {_priority(t)}" if t.booked else ""
            spoken = f", {language}, {tooltip.lower()}" if language else ""
            waited = waited_text(t.wait_seconds)
            text = QCoreApplication.translate("TicketListModel", "{0}, kö {1}{2}{3}, väntade {4}")
            return text.format(t.code, t.queue_letter, booked, spoken, waited)
        if role == SORT_ROLE:
            return (t.code, t.queue_letter, t.wait_seconds)[column]
        return None

    def _on_names_changed(self) -> None:
        if self.rowCount():
            last = self.index(self.rowCount() - 1, len(self.headers()) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
