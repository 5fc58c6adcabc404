"""Reception's check-in of a booked visit: the reference typed or scanned, the booking's ticket.

A handheld scanner types the reference and Enter into the "Bokningsnummer" field,
as a person would. The check-in runs in the presses lane like issuing, and its
ticket is shown and printed as an issued one, with the booked time. A visitor who
is too late is offered a walk-in ticket in the booking's queue ("Ge vanlig
kölapp"); an unknown, cancelled or already checked-in booking is said in Swedish.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.office_time import hhmm
from app.ui.shell.refusals import refusal_text
from app.ui.shell.style import sized_sheet

if TYPE_CHECKING:
    from app.services.access.actor import Desk
    from app.services.bookings.day import CheckedIn
    from app.services.queue.base import TicketRef
    from app.ui.reception.printing import TicketPrint


class Say(Protocol):
    """The screen's message row."""

    def __call__(self, text: str, *, error: bool = False) -> None:
        """Show a sentence (in red when ``error``)."""
        ...


@dataclass(frozen=True)
class Late:
    """A booking past its time, and the walk-in ticket to offer instead (when known)."""

    swedish: str
    letter: str | None
    language: str | None


def check_in_or_late(desk: Desk, reference: str) -> CheckedIn | Late:
    """Check the booking in; too late, what to offer instead (other refusals raise)."""
    from app.services.bookings.day import LateBookingError, check_in

    try:
        return check_in(desk, reference, source="reception")
    except LateBookingError as exc:  # the walk-in ticket in the booking's queue, its language
        return Late(refusal_text(exc), exc.queue_letter, exc.language)


class CheckInBox(QWidget):
    """ "Bokad tid: [Bokningsnummer] [Checka in] [Dagens bokningar …]" in one row.

    ``issued(ref, booked_time)`` shows and prints the ticket as the screen does an issued
    one; ``say`` is the screen's message row. :attr:`walk_in` ("Ge vanlig kölapp") goes in
    that row (``offer_row``): shown with the sentence that offers it, hidden by the next.
    """

    def __init__(
        self,
        ctx: UiContext,
        issued: Callable[[TicketRef, str | None], None],
        say: Say,
        parent: QWidget | None = None,
        *,
        offer_row: QBoxLayout | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._issued, self._say = ctx, issued, say
        self._late: Late | None = None
        self._setup_ui()
        if offer_row is not None:
            offer_row.addWidget(self.walk_in, 0, Qt.AlignmentFlag.AlignVCenter)

    def _setup_ui(self) -> None:
        self.setObjectName("booking-check-in")
        label = QLabel(self.tr("&Bokad tid:"), self)
        sized_sheet(label, "font-size: 12pt; font-weight: 700;")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("booking-reference")
        self.reference.setPlaceholderText(self.tr("Bokningsnummer – skanna eller skriv"))
        self.reference.setAccessibleName(self.tr("Bokningsnummer"))
        self.reference.setToolTip(
            self.tr("Skanna bokningsbekräftelsen, eller skriv numret och tryck Enter.")
        )
        self.reference.setClearButtonEnabled(True)
        self.reference.setMaxLength(80)
        sized_sheet(self.reference, "font-size: 12pt; padding: 6px;")
        label.setBuddy(self.reference)
        self.reference.returnPressed.connect(self._on_check_in)
        self.check_in = QPushButton(self.tr("Checka in"), self)
        self.check_in.setObjectName("check-in")
        self.check_in.setAccessibleName(self.tr("Checka in den bokade besökaren"))
        self.check_in.clicked.connect(self._on_check_in)
        self.day_list = QPushButton(self.tr("Dagens bokningar …"), self)
        self.day_list.setObjectName("booking-day-list")
        self.day_list.setAccessibleName(self.tr("Visa dagens bokningar"))
        self.day_list.clicked.connect(self._on_day_list)
        self.walk_in = QPushButton(self.tr("Ge vanlig kölapp"), self)
        self.walk_in.setObjectName("walk-in")
        self.walk_in.clicked.connect(self._on_walk_in)
        self.walk_in.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.reference, 1)
        row.addWidget(self.check_in)
        row.addWidget(self.day_list)

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [self.reference, self.check_in, self.day_list]

    # ------------------------------------------------------------ checking in

    def _on_check_in(self) -> None:
        reference = self.reference.text().strip()
        if not reference:
            self._say(self.tr("Skriv eller skanna bokningsnumret först."), error=True)
            self.reference.setFocus()
            return
        if not self.check_in.isEnabled():
            return  # the last check-in is still being carried out
        desk = self._ctx.desk
        Action(self._ctx, "booking check-in", lambda: check_in_or_late(desk, reference)).success(
            self._on_answered
        ).failure(
            self._on_refused,
            self.tr(
                "Incheckningen kunde inte göras: databasen svarade inte. Försök igen; "
                "kvarstår felet, ge besökaren en vanlig kölapp."
            ),
        ).busy(self.reference, self.check_in).run(self)

    def _on_answered(self, answer: Any) -> None:
        if isinstance(answer, Late):
            self._offer_walk_in(answer)
            return
        checked: CheckedIn = answer
        self.reference.clear()
        self.reference.setFocus()
        booked = hhmm(checked.starts_at)
        self._issued(checked.ticket, booked)
        said = self.tr("Incheckad: {0}, bokad tid {1}.").format(checked.ticket.code, booked)
        if checked.due_at > self._ctx.clock.now():
            said += " " + self.tr("Ropas upp omkring {0}.").format(hhmm(checked.due_at))
        self._say(said)

    def _on_refused(self, sentence: str) -> None:
        self._say(sentence, error=True)
        self.reference.setFocus()
        self.reference.selectAll()  # the next scan replaces what was typed

    def _offer_walk_in(self, late: Late) -> None:
        self.reference.clear()
        self.reference.setFocus()
        if late.letter is None:
            self._say(late.swedish + " " + self.tr("Välj kö med knapparna ovan."), error=True)
            return
        self._say(late.swedish, error=True)
        self._late = late
        self.walk_in.setText(self.tr("Ge vanlig kölapp (kö {0})").format(late.letter))
        self.walk_in.setAccessibleName(
            self.tr("Ge besökaren en vanlig kölapp i kö {0}").format(late.letter)
        )
        self.walk_in.show()

    def dress(self, printout: TicketPrint, booked_time: str | None, label: QLabel) -> TicketPrint:
        """A ticket about to be shown and printed, with its booking's time (``label``, the
        last-ticket panel's "booked" line, says it too)."""
        label.setText(
            self.tr("Bokad tid {0}").format(booked_time)
            if booked_time
            else self.tr("Bokad tid / förtur")
        )
        if not booked_time:
            return dataclasses.replace(printout, booked_time=None)
        # Called at the booked time: the people ahead and the wait would mislead.
        return dataclasses.replace(printout, booked_time=booked_time, ahead=None, wait_minutes=None)

    def hide_offer(self) -> None:
        """The message row says something else now: the offer goes with the sentence."""
        self.walk_in.hide()

    def _on_walk_in(self) -> None:
        late = self._late
        if late is None or late.letter is None:
            return
        letter, language, queue = late.letter, late.language, self._ctx.queue
        Action(
            self._ctx,
            f"walk-in for a late booking in {letter}",
            lambda: queue.issue(letter, language=language, source="reception"),
        ).success(self._on_walk_in_issued).failure(
            lambda sentence: self._say(sentence, error=True),
            self.tr("Kölappen kunde inte utfärdas: databasen svarade inte. Försök igen."),
        ).busy(self.walk_in).run(self)

    def _on_walk_in_issued(self, ref: TicketRef) -> None:
        self._late = None
        self._issued(ref, None)
        self._say(self.tr("Vanlig kölapp {0} i stället för den bokade tiden.").format(ref.code))

    # ------------------------------------------------------------ the day's bookings

    def _on_day_list(self) -> None:
        from app.ui.reception.day_list import DayListDialog

        dialog = DayListDialog(self._ctx, self)
        dialog.open()
