"""The day's booked visits, as reception sees them: when, how long, what about, and their state.

Never a name or a reference: the store keeps neither (:mod:`app.services.bookings.day`).
The catalog's Swedish names stand for its codes. Reception can take in the day's file
here too ("Läs in bokningar …"), as the manager can under Settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.reception.widgets import ERROR_STYLE, make_table
from app.ui.settings.bookings import BookingsImport
from app.ui.shell.access import describe
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.office_time import hhmm
from app.ui.shell.style import sized_sheet
from app.ui.shell.table_model import DISPLAY, QT_TRANSLATE_NOOP, SORT_ROLE, RowsModel

if TYPE_CHECKING:
    from app.services.bookings.day import BookingView
    from app.services.queue.views import QueueSnapshot

MISSED_BACKGROUND = QColor("#fff0c2")  # amber, as reception marks booked tickets
CANCELLED_TEXT = QColor("#5f6770")  # grey, still 5:1 on white


# lupdate reads translate("day_list", "…"): the context is given at each call.
translate = QCoreApplication.translate


def state_text(booking: BookingView) -> str:
    """ "Bokad", "Incheckad A012", "Avbokad" or "Uteblev"."""
    if booking.state == "checked_in":
        return translate("day_list", "Incheckad {0}").format(booking.ticket_code or "").strip()
    return {
        "booked": translate("day_list", "Bokad"),
        "cancelled": translate("day_list", "Avbokad"),
        "missed": translate("day_list", "Uteblev"),
    }.get(booking.state, booking.state)


@dataclass(frozen=True)
class Names:
    """The catalog's Swedish names of agencies, errand types and languages, by code."""

    agencies: dict[str, str]
    errand_types: dict[tuple[str, str], str]
    languages: dict[str, str]

    @classmethod
    def of(cls, choices: Any) -> Names:
        """From the errand form's catalog choices."""
        return cls(
            {a.code: a.label for a in choices.agencies},
            {(a.code, t.code): t.label for a in choices.agencies for t in a.errand_types},
            {language.code: language.label for language in choices.languages},
        )


NO_NAMES = Names({}, {}, {})


class DayListModel(RowsModel):
    """One row per booking of the day, in time order."""

    TIME, LENGTH, AGENCY, ERRAND, LANGUAGE, INTERPRETER, STATE = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("DayListModel", "Tid"),
        QT_TRANSLATE_NOOP("DayListModel", "Längd"),
        QT_TRANSLATE_NOOP("DayListModel", "Myndighet"),
        QT_TRANSLATE_NOOP("DayListModel", "Ärende"),
        QT_TRANSLATE_NOOP("DayListModel", "Språk"),
        QT_TRANSLATE_NOOP("DayListModel", "Tolk"),
        QT_TRANSLATE_NOOP("DayListModel", "Läge"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = NO_NAMES

    def set_bookings(self, bookings: list[BookingView], names: Names) -> None:
        """Show these bookings, with the catalog's names."""
        if names != self._names:
            self._names = names
            self._reset(list(bookings))
            return
        self.set_rows(bookings)

    def _key(self, row: BookingView) -> object:
        return row.id

    def _texts(self, b: BookingView) -> tuple[str, ...]:
        names = self._names
        errand = names.errand_types.get((b.agency, b.errand_type or ""), b.errand_type or "–")
        language = names.languages.get(b.language or "", b.language or "–")
        return (
            hhmm(b.starts_at),
            self.tr("{0} min").format(b.minutes),
            names.agencies.get(b.agency, b.agency),
            errand,
            language,
            self.tr("Ja") if b.interpreter else "",
            state_text(b),
        )

    def _cell(self, b: BookingView, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._texts(b)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ERRAND:
            return self._texts(b)[column]  # a long errand type is cut in its column
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._texts(b)[column]
            return text if text not in ("", "–") else self.tr("inget")
        if role == SORT_ROLE:
            return b.starts_at if column == self.TIME else self._texts(b)[column]
        if role == Qt.ItemDataRole.BackgroundRole and b.state == "missed":
            return QBrush(MISSED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and b.state == "cancelled":
            return QBrush(CANCELLED_TEXT)
        return None


def _count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(n)


def summary(bookings: list[BookingView]) -> str:
    """ "14 bokningar i dag: 3 incheckade, 1 avbokad, 1 uteblev"."""
    if not bookings:
        return translate(
            "day_list", "Inga bokningar i dag. Läs in dagens fil från bokningssystemet."
        )
    count = {state: sum(b.state == state for b in bookings) for state in ("checked_in",
             "cancelled", "missed")}  # fmt: skip
    parts = [
        _count(
            count["checked_in"],
            translate("day_list", "{0} incheckad"),
            translate("day_list", "{0} incheckade"),
        )
    ]
    if count["cancelled"]:
        parts.append(
            _count(
                count["cancelled"],
                translate("day_list", "{0} avbokad"),
                translate("day_list", "{0} avbokade"),
            )
        )
    if count["missed"]:
        parts.append(translate("day_list", "{0} uteblev").format(count["missed"]))
    total = _count(
        len(bookings),
        translate("day_list", "{0} bokning i dag"),
        translate("day_list", "{0} bokningar i dag"),
    )
    return f"{total}: {', '.join(parts)}."


class DayListDialog(QDialog):
    """Dagens bokningar: the list, kept up to date while open, and "Läs in bokningar …"."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._names = NO_NAMES
        self._setup_ui()
        ctx.watcher.changed.connect(self._on_snapshot)
        self.reload()

    def _setup_ui(self) -> None:
        self.setObjectName("booking-day-list-dialog")
        self.setWindowTitle(self.tr("Dagens bokningar"))
        self.setAccessibleName(self.tr("Dagens bokningar"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 520)
        self.summary = QLabel(self)
        self.summary.setObjectName("booking-summary")
        self.summary.setWordWrap(True)
        sized_sheet(self.summary, "font-size: 12pt;")
        self.model = DayListModel(self)
        self.table = make_table(
            self.model, "booking-table", self.tr("Dagens bokningar"), self, DayListModel.ERRAND
        )
        describe(self.table, self.tr("Dagens bokade tider, med vilka som har checkat in."))
        self.message = QLabel(self)
        self.message.setObjectName("booking-message")
        self.message.setWordWrap(True)
        self.importer = BookingsImport(self._ctx, self)
        self.importer.message.connect(self._on_message)
        self.importer.imported.connect(self.reload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Stäng"))
        close.setObjectName("booking-day-list-close")
        describe(close, self.tr("Stänger listan."))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.importer.button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def reload(self) -> None:
        """Read the day's bookings (and, the first time, the catalog's names) again."""
        ctx, names = self._ctx, self._names

        def read() -> tuple[list[BookingView], Names]:
            from app.services.bookings.day import list_bookings

            known = names if names is not NO_NAMES else Names.of(ctx.errands.choices())
            return list_bookings(ctx.desk), known

        Action(ctx, "read the day's bookings", read).without_refresh().success(self._show).failure(
            lambda sentence: self._on_message(sentence, True),
            self.tr("Dagens bokningar kunde inte läsas: databasen svarade inte. Försök igen."),
        ).run_in_background(self)

    def _show(self, read: tuple[list[BookingView], Names]) -> None:
        bookings, self._names = read
        self.model.set_bookings(bookings, self._names)
        self.summary.setText(summary(bookings))

    def _on_snapshot(self, _snapshot: QueueSnapshot) -> None:
        self.reload()  # a check-in, here or at the kiosk, changes a row's state

    def _on_message(self, text: str, error: bool) -> None:
        self.message.setText(text)
        sized_sheet(self.message, ERROR_STYLE if error else "font-size: 12pt;")
