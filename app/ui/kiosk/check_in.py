"""The kiosk's check-in of a booked visit: the booking number typed, tapped or scanned.

:class:`CheckInPage` has a large field, an on-screen keypad of digits and letters,
and "Klar". A scanner types the number and Enter, as a keyboard does: on this page
letters, digits and "-" go into the field whatever has the focus (and the first key
does not only start speech, so nothing a scanner types is lost); Backspace erases;
Enter checks in. Tab and the arrow keys move between the buttons, each read aloud in
speech mode; Escape starts over.

:class:`KioskCheckIn` checks the number in (as the kiosk, in the presses lane) and
shows the ticket as an issued one, with the booked time. Too late or cancelled: the
visitor is told so and offered an ordinary ticket; unknown: told to check the number.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.kiosk.pages import BigButton, Page
from app.ui.kiosk.pictograms import INK
from app.ui.shell.context import UiContext
from app.ui.shell.office_time import hhmm
from app.ui.shell.runner import PRESSES

if TYPE_CHECKING:
    from app.services.queue.base import TicketRef
    from app.ui.reception.printing import TicketPrint

log = logging.getLogger(__name__)

DIGITS = "1234567890"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-"
KEYS_PER_ROW = 10
KEY_MAX_HEIGHT = 118  # about as high as wide on a kiosk's portrait screen
ENTRY_STYLE = (
    "QLineEdit {{ background: white; color: #0b2545; border: 3px solid #0b2545;"
    " border-radius: 14px; padding: 10px; font-weight: 700; letter-spacing: 4px;"
    " font-size: {px}px; }}"
    "QLineEdit:focus {{ border: 6px solid #e07a00; }}"
)
MAX_REFERENCE = 64  # the longest reference a booking file may hold
UNAVAILABLE = (
    "Kiosken fungerar inte just nu. Vänd dig till personalen. · "
    "The kiosk is not working right now. Please speak to the staff."
)
_K = Qt.Key
ERASE_KEYS = {_K.Key_Backspace, _K.Key_Delete}
ENTER_KEYS = {_K.Key_Return, _K.Key_Enter}


def booked_pictogram(size: int, color: QColor = INK) -> QPixmap:
    """A calendar page with a tick: "I have a booked time" (drawn as the kiosk's others)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)
    p.setPen(QPen(color, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))  # fmt: skip
    p.drawRoundedRect(QRectF(14, 20, 72, 66), 8, 8)
    p.drawLine(QPointF(14, 38), QPointF(86, 38))
    p.drawLine(QPointF(34, 12), QPointF(34, 26))
    p.drawLine(QPointF(66, 12), QPointF(66, 26))
    p.drawPolyline([QPointF(36, 62), QPointF(46, 72), QPointF(66, 50)])
    p.end()
    return pixmap


def _key_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", "small")  # centred
    button.setProperty("key", text)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    button.setMinimumSize(64, 72)  # a touch target of 2 cm and more on a kiosk's screen
    button.setMaximumHeight(KEY_MAX_HEIGHT)
    return button


class CheckInPage(Page):
    """The booking number: a large field, a keypad, "Klar"; what went wrong, if anything."""

    submitted = Signal(str)
    back = Signal()
    walk_in = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-check-in")
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setObjectName("kiosk-reference")
        self.entry.setMaxLength(MAX_REFERENCE)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # Latin, any language
        self._entry_px = 36
        self.entry.setStyleSheet(ENTRY_STYLE.format(px=self._entry_px))
        self.message = QLabel()
        self.message.setObjectName("kiosk-check-in-message")
        self.message.setProperty("role", "notice")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.keys: dict[str, QPushButton] = {}
        keypad = QWidget()
        keypad.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a keyboard is not mirrored
        keypad.setStyleSheet("QPushButton { padding: 4px; }")  # a W fits a narrow key
        keypad.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        grid = QGridLayout(keypad)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        for column in range(KEYS_PER_ROW):
            grid.setColumnStretch(column, 1)  # keys of one width, whatever is on them
        for index, char in enumerate(DIGITS + LETTERS):
            button = self.keys[char] = _key_button(char)
            button.clicked.connect(lambda _=False, c=char: self._type(c))
            grid.addWidget(button, *divmod(index, KEYS_PER_ROW))
        self.erase = _key_button("⌫")
        self.erase.setObjectName("kiosk-erase")
        self.erase.clicked.connect(self._erase)
        grid.addWidget(self.erase, *divmod(len(DIGITS + LETTERS), KEYS_PER_ROW), 1, 3)
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "small")
        self.back_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.back_button.clicked.connect(self.back)
        self.walk_in_button = BigButton()
        self.walk_in_button.setObjectName("kiosk-walk-in")
        self.walk_in_button.clicked.connect(self.walk_in)
        self.walk_in_button.hide()
        self.done_button = BigButton("help")  # the dark, main button of the page
        self.done_button.setObjectName("kiosk-check-in-done")
        self.done_button.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button.clicked.connect(self._submit)
        bottom = QHBoxLayout()
        bottom.setSpacing(18)
        bottom.addWidget(self.back_button, 1)
        bottom.addWidget(self.walk_in_button, 2)
        bottom.addWidget(self.done_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(20)
        layout.addWidget(self.title)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addWidget(keypad, 4)  # keys as high as they may be, the rest below them
        layout.addStretch(1)
        layout.addLayout(bottom)
        self._said = ""  # the message key shown, and its values: said again in a new language
        self._values: dict[str, object] = {}

    # ------------------------------------------------------------ what the page says

    def retext(self) -> None:
        t = self.texts
        self.title.setText(t.text("enter_reference"))
        self.entry.setAccessibleName(t.text("enter_reference"))
        self.back_button.setText(t.text("back"))
        self.back_button.setAccessibleName(t.text("back"))
        self.done_button.set_words(t.text("done"))
        self.walk_in_button.set_words(t.text("take_walk_in"))
        self.erase.setAccessibleName(t.text("erase"))
        self.message.setText(t.text(self._said, **self._values) if self._said else "")

    def spoken(self) -> str:
        typed = " ".join(self.entry.text())
        parts = [self.message.text(), self.title.text() + ".", typed]
        return " ".join(p for p in parts if p.strip(" ."))

    def first_focus(self) -> QWidget | None:
        return self.entry

    def start(self) -> None:
        """A new visitor: an empty field, nothing said."""
        self.entry.clear()
        self.tell("")

    def tell(self, key: str, *, walk_in: bool = False, **values: object) -> None:
        """Say this visitor text on the page (""; nothing); ``walk_in`` offers a ticket."""
        self._said, self._values = key, values
        self.message.setText(self.texts.text(key, **values) if key else "")
        self.walk_in_button.setVisible(walk_in)
        if walk_in:  # what the visitor can do now, where the keys start (and speech reads)
            self.walk_in_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def tell_plainly(self, sentence: str) -> None:
        """A sentence of its own (the kiosk failed), in no visitor text."""
        self._said, self._values = "", {}
        self.message.setText(sentence)
        self.walk_in_button.hide()

    # ------------------------------------------------------------ keys and the keypad

    def changeEvent(self, event: QEvent) -> None:
        """The kiosk's text size changed: the number is shown twice as large as the text."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            px = 2 * max(18, self.fontInfo().pixelSize())
            if px != self._entry_px:
                self._entry_px = px
                self.entry.setStyleSheet(ENTRY_STYLE.format(px=px))

    def showEvent(self, event: QShowEvent) -> None:
        """A new visitor: an empty field, nothing said."""
        super().showEvent(event)
        self.start()

    def typed(self, event: QEvent) -> bool:
        """A key for the field (a character, Backspace, or Enter there): taken, True."""
        if not isinstance(event, QKeyEvent):
            return False
        key, text = event.key(), event.text().upper()
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        if len(text) == 1 and text in DIGITS + LETTERS:
            self._type(text)
            self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if key in ERASE_KEYS:
            self._erase()
            return True
        if key in ENTER_KEYS and QApplication.focusWidget() in (self.entry, None, self):
            self._submit()
            return True
        return False  # Tab, the arrows, Escape, Enter on a button: the kiosk's own keys

    def _type(self, char: str) -> None:
        self.entry.insert(char)
        if self._said:
            self.tell("")  # a new number: the last one's message goes

    def _erase(self) -> None:
        self.entry.backspace()

    def _submit(self) -> None:
        reference = self.entry.text().strip()
        if reference:
            self.submitted.emit(reference)
        else:
            self.entry.setFocus(Qt.FocusReason.OtherFocusReason)


@dataclass(frozen=True)
class _Refused:
    """Why a booking was not checked in, as the visitor is told."""

    key: str  # a visitor text
    walk_in: bool = False
    code: str | None = None  # checked in already, as this ticket
    letter: str | None = None  # the booking's queue, for the walk-in ticket offered


class KioskCheckIn(QObject):
    """The page's number checked in as the kiosk; the ticket shown, printed and said.

    ``issued(ref, printout, message)`` shows the ticket page as the kiosk does an issued
    ticket, with ``message`` under it; ``say`` reads a sentence aloud in speech mode.
    """

    def __init__(
        self,
        ctx: UiContext,
        page: CheckInPage,
        issued: Callable[[TicketRef, TicketPrint, str], None],
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._page, self._issued, self._say = ctx, page, issued, say
        self._busy = False
        self.walk_in_letter: str | None = None  # the queue of the walk-in ticket offered
        page.submitted.connect(self._on_submitted)

    def _on_submitted(self, reference: str) -> None:
        if self._busy:
            return  # a scanner's second Enter, a double tap
        self._busy = True
        ctx = self._ctx

        def work() -> Any:
            from app.services.bookings.day import (
                AlreadyCheckedInError,
                BookingCancelledError,
                LateBookingError,
                UnknownBookingError,
            )
            from app.services.queue.views import queue_snapshot
            from app.ui.reception.printing import ticket_for

            kiosk = ctx.kiosk
            try:
                checked = kiosk.check_in(reference)
            except LateBookingError as exc:
                return _Refused("booked_late", walk_in=True, letter=exc.queue_letter)
            except BookingCancelledError as exc:
                return _Refused("booking_cancelled", walk_in=True, letter=exc.queue_letter)
            except AlreadyCheckedInError as exc:
                return _Refused("booking_unknown", code=exc.code)
            except UnknownBookingError:
                return _Refused("booking_unknown")
            snapshot = queue_snapshot(kiosk.store, kiosk.clock)
            return checked, ticket_for(snapshot, checked.ticket.code, ctx.office_name)

        ctx.runner.submit(work, self._on_answered, self._on_failed, lane=PRESSES)

    def _on_answered(self, answer: Any) -> None:
        self._busy = False
        page, t = self._page, self._page.texts
        if isinstance(answer, _Refused):
            if answer.code and answer.code != "?":  # checked in before: the number again
                page.tell_plainly(f"{t.text('your_number')}: {answer.code}. "
                                  f"{t.text('watch_screen')}")  # fmt: skip
            else:
                page.tell(answer.key, walk_in=answer.walk_in)
                self.walk_in_letter = answer.letter
            page.entry.clear()
            self._say(page.message.text())
            return
        checked, printout = answer
        booked, due = hhmm(checked.starts_at), checked.due_at
        message = t.text("checked_in", time=booked)
        if due > self._ctx.clock.now():
            message += " " + t.text("booked_early", time=hhmm(due))
        # Called at the booked time: no people ahead or wait on the page or the paper.
        printout = dataclasses.replace(printout, booked_time=booked, ahead=None, wait_minutes=0)
        page.start()
        self._issued(checked.ticket, printout, message)

    def _on_failed(self, exc: Exception) -> None:
        self._busy = False
        log.error("the kiosk could not check a booking in: %s", exc)
        self._page.tell_plainly(UNAVAILABLE)
        self._say(UNAVAILABLE)
