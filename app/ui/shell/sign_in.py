"""The gate in front of the staff screens: sign-in, a new PIN, the first-run wizard.

A shared office PC starts at the sign-in panel; "Byt användare" in the status
bar and a screen left alone for the office's idle time bring it back. The
first start of a new office shows the wizard instead, which makes its first
manager. The PIN is checked on the runner (a slow hash), never on the GUI
thread. The waiting-room display has no gate.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import ServiceError
from app.services.access.actor import Actor
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext

if TYPE_CHECKING:  # the services load after the first window (tests/unit/test_quick_read.py)
    from app.services.staff.accounts import SignedIn

log = logging.getLogger(__name__)

PANEL_WIDTH = 520
# The seed catalog's example municipality and region, named by the first-run wizard.
SEED_MUNICIPALITY, SEED_REGION = "K-EXEMPEL", "R-EXEMPEL"
FIELD_WIDTH = 260


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A centred white card on the window's background."""
    card = QFrame(parent)
    card.setObjectName("gate-card")
    card.setFixedWidth(PANEL_WIDTH)
    card.setStyleSheet(
        "#gate-card { background: white; border: 1px solid #c9d1d9; border-radius: 8px; }"
    )
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.setSpacing(12)
    return card, inner


def _centred(page: QWidget, card: QWidget) -> None:
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(2)


def _pin_field(name: str, accessible: str) -> QLineEdit:
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
        card, inner = _card(self)
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
        self.pin = _pin_field("sign-in-pin", self.tr("Kod"))
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
        inner.addWidget(QLabel(self.tr("Logga in med ditt användarnamn och din personliga kod.")))
        inner.addWidget(self.notice)
        inner.addWidget(self.resume, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.button)
        _centred(self, card)
        for field in (self.login, self.pin):
            field.setMinimumWidth(FIELD_WIDTH)

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
        self.resume.setAccessibleName(self.tr("Fortsätt som {0}: skriv bara koden").format(last))
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
        card, inner = _card(self)
        self._card = card
        self.heading = QLabel(self.tr("Välj en ny kod"))
        self.heading.setProperty("role", "heading")
        self.why = QLabel("")
        self.why.setObjectName("new-pin-why")
        self.why.setWordWrap(True)
        self.why.setFixedWidth(PANEL_WIDTH - 56)  # the card's room: its height follows the text
        self.pin = _pin_field("new-pin-pin", self.tr("Ny kod"))
        self.again = _pin_field("new-pin-again", self.tr("Upprepa den nya koden"))
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        for widget in (self.heading, self.why):
            inner.addWidget(widget)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        _centred(self, card)
        # Left half-way, the panel forgets the PIN it was given and goes back to the sign-in,
        # so that nobody can walk up and choose the next PIN for someone else.
        self.timeout = QTimer(self)
        self.timeout.setObjectName("new-pin-timeout")
        self.timeout.setSingleShot(True)
        self.timeout.setInterval(self.TIMEOUT_MS)
        self.timeout.timeout.connect(self._on_cancel)
        for field in (self.pin, self.again):
            field.setMinimumWidth(FIELD_WIDTH)
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
        self._card.setMinimumHeight(self._card.heightForWidth(PANEL_WIDTH))
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


class FirstRunPanel(QWidget):
    """The first start of a new office: its name and its first manager."""

    signed_in = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("first-run")
        card, inner = _card(self)
        heading = QLabel(self.tr("Välkommen till Servicedisk"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "Ge kontoret ett namn och skapa den första kontorschefen. Kontorschefen "
                "lägger sedan upp personalens konton under Inställningar › Personal."
            )
        )
        intro.setWordWrap(True)
        # A real office, not the seed's example names: what it is called, and which
        # municipality and region share it (the catalog's two example agencies).
        self.office = QLineEdit()
        self.office.setObjectName("first-run-office")
        self.office.setMaxLength(120)
        self.office.setPlaceholderText(self.tr("t.ex. Servicekontoret Lund"))
        self.municipality = QLineEdit()
        self.municipality.setObjectName("first-run-municipality")
        self.municipality.setMaxLength(120)
        self.municipality.setPlaceholderText(self.tr("t.ex. Lunds kommun"))
        self.region = QLineEdit()
        self.region.setObjectName("first-run-region")
        self.region.setMaxLength(120)
        self.region.setPlaceholderText(self.tr("t.ex. Region Skåne"))
        self.name = QLineEdit()
        self.name.setObjectName("first-run-name")
        self.name.setMaxLength(120)
        self.login = QLineEdit()
        self.login.setObjectName("first-run-login")
        self.login.setMaxLength(40)
        self.login.setPlaceholderText(self.tr("t.ex. anna.l"))
        self.pin = _pin_field("first-run-pin", self.tr("Kod"))
        self.again = _pin_field("first-run-again", self.tr("Upprepa koden"))
        form = QFormLayout()
        form.addRow(self.tr("Kontorets namn"), self.office)
        form.addRow(self.tr("Kommunen"), self.municipality)
        form.addRow(self.tr("Regionen"), self.region)
        form.addRow(self.tr("Ditt namn"), self.name)
        form.addRow(self.tr("Användarnamn"), self.login)
        form.addRow(self.tr("Kod (minst 6 tecken)"), self.pin)
        form.addRow(self.tr("Upprepa koden"), self.again)
        self.error = QLabel("")
        self.error.setObjectName("first-run-error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(self.tr("Skapa kontorschefen och logga in"))
        self.button.setObjectName("first-run-button")
        self.button.setProperty("role", "primary")
        self.button.clicked.connect(self.submit)
        self.again.returnPressed.connect(self.submit)
        for widget in (heading, intro):
            inner.addWidget(widget)
        fields = (self.office, self.municipality, self.region, self.name, self.login)
        for field in (*fields, self.pin, self.again):
            field.setMinimumWidth(FIELD_WIDTH)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.button)
        _centred(self, card)

    def submit(self) -> None:
        """Create the manager, sign them in, name the office: all on the runner."""
        office, name = self.office.text().strip(), self.name.text().strip()
        places = {
            code: field.text().strip()
            for code, field in ((SEED_MUNICIPALITY, self.municipality), (SEED_REGION, self.region))
        }
        login, pin, again = self.login.text().strip(), self.pin.text(), self.again.text()
        ctx = self._ctx
        if not office or not all(places.values()):
            self._on_refused(self.tr("Fyll i kontorets namn, kommunen och regionen."))
            return

        def work() -> Actor:
            from app.services.setup.desk import OfficeSetup

            ctx.staff.create_first_manager(login, pin, again, name or None)
            actor = ctx.staff.sign_in(login, pin)
            setup = OfficeSetup(ctx.store, ctx.clock, actor)
            setup.update_office(name=office)
            for code, label in places.items():  # the English name follows the Swedish one
                try:
                    setup.rename_catalog_entry("agency", code, label, "")
                except ServiceError as exc:  # a catalog without the seed's examples
                    log.info("the first run left %s as it is: %s", code, exc)
            ctx.office_name = office
            return actor

        self.button.setEnabled(False)
        self.error.hide()
        (
            Action(ctx, "first manager", work)
            .success(self._on_done)
            .failure(self._on_refused, self.tr("Kontorschefen kunde inte skapas."))
            .run_in_background(self)
        )

    def _on_done(self, actor: Actor) -> None:
        self.pin.clear()
        self.again.clear()
        self.button.setEnabled(True)
        self.signed_in.emit(actor)

    def _on_refused(self, message: str) -> None:
        self.pin.clear()
        self.again.clear()
        self.button.setEnabled(True)
        self.error.setText(message)
        self.error.show()


class Gate(QStackedWidget):
    """The sign-in panel, or the first-run wizard while the office has no staff."""

    signed_in = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gate")
        self.sign_in = SignInPanel(ctx, self)
        self.first_run = FirstRunPanel(ctx, self)
        self.new_pin = NewPinPanel(ctx, self)
        for panel in (self.sign_in, self.first_run, self.new_pin):
            self.addWidget(panel)
            panel.signed_in.connect(self.signed_in)
        self.sign_in.new_pin_due.connect(self._ask_new_pin)
        self.new_pin.cancelled.connect(self._back_to_sign_in)
        self._ctx = ctx

    def _ask_new_pin(self, signed: SignedIn, current: str) -> None:
        self.setCurrentWidget(self.new_pin)
        self.new_pin.start(signed, current)

    def _back_to_sign_in(self) -> None:
        self.setCurrentWidget(self.sign_in)
        self.sign_in.reset()

    def check_first_run(self) -> None:
        """Show the wizard if the office has no staff yet (asked on the runner)."""
        (
            Action(self._ctx, "staff exist", lambda: self._ctx.staff.has_staff())
            .success(self._show_first_run_unless)
            .failure(lambda _message: None, "")
            .without_refresh()
            .run_in_background(self)
        )

    def _show_first_run_unless(self, any_staff: bool) -> None:
        self.setCurrentWidget(self.sign_in if any_staff else self.first_run)
