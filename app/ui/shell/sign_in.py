"""The gate's panels for staff who have an account: sign-in, and a new PIN when one is due.

A shared office PC starts at the sign-in panel; "Byt användare" in the status
bar and a screen left alone for the office's idle time bring it back. The
first start of a new office shows the wizard instead (:mod:`app.ui.shell.gate`).
The PIN is checked on the runner (a slow hash), never on the GUI thread. The
waiting-room display has no gate.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.access.actor import Actor
from app.ui.shell.access import describe, tab_chain
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext

if TYPE_CHECKING:  # the services load after the first window (tests/unit/test_quick_read.py)
    from app.services.staff.accounts import SignedIn

log = logging.getLogger(__name__)

PANEL_WIDTH = 520  # at 11 pt; the card grows with the system's font (see scaled)
FIELD_WIDTH = 260


def scaled(pixels: int, widget: QWidget) -> int:
    """A width set for 11 pt text, for the widget's font: larger text, a wider card."""
    return max(pixels, round(pixels * QFontInfo(widget.font()).pointSizeF() / 11))


def gate_card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A centred white card on the window's background."""
    card = QFrame(parent)
    card.setObjectName("gate-card")
    card.setFixedWidth(scaled(PANEL_WIDTH, card))
    card.setStyleSheet(
        "#gate-card { background: white; border: 1px solid #c9d1d9; border-radius: 8px; }"
    )
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.setSpacing(12)
    return card, inner


def centred(page: QWidget, card: QWidget) -> None:
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(2)


def pin_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(128)
    return field


class SignInPanel(QWidget):
    """Login and PIN; emits ``signed_in`` with the actor, or ``new_pin_due`` with who
    signed in (:class:`SignedIn`) and the PIN they used, when they must choose another."""

    signed_in = Signal(object)
    new_pin_due = Signal(object, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("sign-in")
        card, inner = gate_card(self)
        self.heading = QLabel(ctx.office_name or self.tr("Servicedisk"))
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.notice = QLabel("")
        self.notice.setObjectName("sign-in-notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.login = QLineEdit()
        self.login.setObjectName("sign-in-login")
        self.login.setAccessibleName(self.tr("Användarnamn"))
        self.login.setMaxLength(40)
        self.pin = pin_field("sign-in-pin", self.tr("Kod"))
        form = QFormLayout()
        form.addRow(self.tr("Användarnamn"), self.login)
        form.addRow(self.tr("Kod"), self.pin)
        self.error = QLabel("")
        self.error.setObjectName("sign-in-error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(self.tr("Logga in"))
        self.button.setObjectName("sign-in-button")
        self.button.setProperty("role", "primary")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.login.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        # The person whose screen locked may go on with one click; the login field stays
        # empty for anyone else, so nobody types their own login as the last person's PIN.
        self.resume = QPushButton("")
        self.resume.setObjectName("sign-in-resume")
        self.resume.clicked.connect(self._on_resume)
        self.resume.hide()
        self._last = ""
        inner.addWidget(self.heading)
        intro = QLabel(self.tr("Logga in med ditt användarnamn och din personliga kod."))
        intro.setWordWrap(True)
        inner.addWidget(intro)
        inner.addWidget(self.notice)
        inner.addWidget(self.resume, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.button)
        centred(self, card)
        for field in (self.login, self.pin):
            field.setMinimumWidth(scaled(FIELD_WIDTH, field))
        describe(self.login, self.tr("Ditt användarnamn. Enter går vidare till koden."))
        describe(self.pin, self.tr("Din personliga kod. Enter loggar in."))
        describe(self.button, self.tr("Loggar in med användarnamnet och koden."))
        tab_chain((self.resume, self.login, self.pin, self.button))  # as they stand, top down

    def reset(self, notice: str = "", last: str = "") -> None:
        """Ready for the next person: both fields empty, the cursor in the login. ``last``
        (whose screen locked) is offered a button that fills in their login."""
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.error.hide()
        self.pin.clear()
        self.login.clear()
        self._last = last
        self.resume.setText(self.tr("Fortsätt som {0}").format(last))
        self.resume.setAccessibleName(self.tr("Fortsätt som {0}").format(last))
        self.resume.setAccessibleDescription(
            self.tr("Fyller i {0} som användarnamn, så att du bara skriver koden.").format(last)
        )
        self.resume.setVisible(bool(last))
        self.button.setEnabled(True)
        self.button.setText(self.tr("Logga in"))
        self.login.setFocus()

    def _on_resume(self) -> None:
        """The person whose screen locked: their login filled in, the cursor in the PIN."""
        self.login.setText(self._last)
        self.pin.clear()
        self.pin.setFocus()

    def submit(self) -> None:
        """Check the login and PIN on the runner."""
        login, pin = self.login.text().strip(), self.pin.text()
        if not login or not pin:
            self._show_error(self.tr("Fyll i användarnamn och kod."))
            return
        self.button.setEnabled(False)
        self.button.setText(self.tr("Loggar in …"))
        self.error.hide()
        (
            Action(self._ctx, "sign in", lambda: self._ctx.staff.sign_in_checked(login, pin))
            .success(lambda signed: self._on_signed_in(signed, pin))
            .failure(self._on_refused, self.tr("Inloggningen misslyckades. Försök igen."))
            .without_refresh()
            .run_in_background(self)
        )

    def _on_signed_in(self, signed: SignedIn, pin: str) -> None:
        self.pin.clear()
        self.button.setEnabled(True)
        self.button.setText(self.tr("Logga in"))
        if signed.new_pin_due:
            self.new_pin_due.emit(signed, pin)
        else:
            self.signed_in.emit(signed.actor)

    def _on_refused(self, message: str) -> None:
        self.pin.clear()
        self.pin.setFocus()
        self.button.setEnabled(True)
        self.button.setText(self.tr("Logga in"))
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class NewPinPanel(QWidget):
    """A PIN shorter than the office's rule, or one a manager set, is replaced before the
    screens open: the person chooses their own, or goes back to the sign-in."""

    signed_in = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._signed: SignedIn | None = None
        self._current = ""
        self.setObjectName("new-pin")
        card, inner = gate_card(self)
        self._card = card
        self.heading = QLabel(self.tr("Välj en ny kod"))
        self.heading.setProperty("role", "heading")
        self.why = QLabel("")
        self.why.setObjectName("new-pin-why")
        self.why.setWordWrap(True)
        # The card's room: its height follows the text.
        self.why.setFixedWidth(card.width() - 56)
        self.pin = pin_field("new-pin-pin", self.tr("Ny kod"))
        self.again = pin_field("new-pin-again", self.tr("Upprepa den nya koden"))
        form = QFormLayout()
        self.pin_label = QLabel(self.tr("Ny kod"))
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.tr("Upprepa koden"), self.again)
        self.error = QLabel("")
        self.error.setObjectName("new-pin-error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(self.tr("Spara koden och fortsätt"))
        self.button.setObjectName("new-pin-button")
        self.button.setProperty("role", "primary")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.back = QPushButton(self.tr("Avbryt"))
        self.back.setObjectName("new-pin-cancel")
        self.back.clicked.connect(self._on_cancel)
        self.pin.returnPressed.connect(self.again.setFocus)
        self.again.returnPressed.connect(self.submit)
        describe(self.pin, self.tr("Den nya koden. Enter går vidare till nästa fält."))
        describe(self.again, self.tr("Samma kod en gång till. Enter sparar."))
        describe(self.button, self.tr("Sparar den nya koden och öppnar dina vyer."))
        describe(self.back, self.tr("Tillbaka till inloggningen utan att byta kod."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        for widget in (self.heading, self.why):
            inner.addWidget(widget)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        centred(self, card)
        tab_chain((self.pin, self.again, self.back, self.button))  # Avbryt stands left of Spara
        # Left half-way, the panel forgets the PIN it was given and goes back to the sign-in,
        # so that nobody can walk up and choose the next PIN for someone else.
        self.timeout = QTimer(self)
        self.timeout.setObjectName("new-pin-timeout")
        self.timeout.setSingleShot(True)
        self.timeout.setInterval(self.TIMEOUT_MS)
        self.timeout.timeout.connect(self._on_cancel)
        for field in (self.pin, self.again):
            field.setMinimumWidth(scaled(FIELD_WIDTH, field))
            field.textEdited.connect(lambda _text: self.timeout.start())

    TIMEOUT_MS = 120_000

    def start(self, signed: SignedIn, current: str) -> None:
        """Ask this person for a new PIN, saying why."""
        self._signed, self._current = signed, current
        name = signed.actor.login or ""
        if signed.new_pin_due == "reset":
            why = self.tr(
                "Hej {0}! Din kod har satts av kontorschefen. Välj en egen kod innan du "
                "fortsätter, så att bara du känner till den."
            ).format(name)
        else:
            why = self.tr(
                "Hej {0}! Kontoret kräver nu minst {1} tecken i koden, och din är kortare. "
                "Välj en ny kod innan du fortsätter. En längre kod, gärna några ord, är "
                "svårare att gissa."
            ).format(name, signed.shortest)
        self.why.setText(why)
        # The card as high as its text needs at its fixed width (a wrapped label's height).
        self._card.setMinimumHeight(self._card.heightForWidth(self._card.width()))
        self.pin_label.setText(self.tr("Ny kod (minst {0} tecken)").format(signed.shortest))
        self.error.hide()
        self.button.setEnabled(True)
        self.pin.clear()
        self.again.clear()
        self.pin.setFocus()
        self.timeout.start()

    def submit(self) -> None:
        """Save the new PIN on the runner, as the person who signed in."""
        signed, current = self._signed, self._current
        if signed is None:
            return
        pin, again = self.pin.text(), self.again.text()
        from app.services.staff.desk import StaffDesk

        desk = StaffDesk(self._ctx.store, self._ctx.clock, signed.actor)
        self.button.setEnabled(False)
        self.error.hide()
        (
            Action(self._ctx, "new PIN", lambda: desk.change_own_pin(current, pin, again))
            .success(lambda _view: self._on_saved(signed.actor))
            .failure(self._on_refused, self.tr("Koden kunde inte sparas."))
            .without_refresh()
            .run_in_background(self)
        )

    def _forget(self) -> None:
        self.timeout.stop()
        self._signed, self._current = None, ""
        self.pin.clear()
        self.again.clear()

    def _on_saved(self, actor: Actor) -> None:
        self._forget()
        self.signed_in.emit(actor)

    def _on_refused(self, message: str) -> None:
        self.pin.clear()
        self.again.clear()
        self.pin.setFocus()
        self.button.setEnabled(True)
        self.error.setText(message)
        self.error.show()

    def _on_cancel(self) -> None:
        self._forget()
        self.cancelled.emit()
