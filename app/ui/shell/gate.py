"""The gate in front of the staff screens: the sign-in panel, or the first-run wizard.

The first start of a new office shows the wizard, which names the office and
makes its first manager; every other start shows the sign-in
(:mod:`app.ui.shell.sign_in`), and a new PIN when one is due.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QStackedWidget, QWidget

from app.services import ServiceError
from app.services.access.actor import Actor
from app.ui.shell.access import describe
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.sign_in import (
    FIELD_WIDTH,
    NewPinPanel,
    SignInPanel,
    centred,
    gate_card,
    pin_field,
    scaled,
)

if TYPE_CHECKING:  # the services load after the first window (tests/unit/test_quick_read.py)
    from app.services.staff.accounts import SignedIn

log = logging.getLogger(__name__)

# The seed catalog's example municipality and region, named by the first-run wizard.
SEED_MUNICIPALITY, SEED_REGION = "K-EXEMPEL", "R-EXEMPEL"


class FirstRunPanel(QWidget):
    """The first start of a new office: its name and its first manager."""

    signed_in = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("first-run")
        card, inner = gate_card(self)
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
        self.pin = pin_field("first-run-pin", self.tr("Kod"))
        self.again = pin_field("first-run-again", self.tr("Upprepa koden"))
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
            field.setMinimumWidth(scaled(FIELD_WIDTH, field))
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.button)
        centred(self, card)
        described: tuple[tuple[QWidget, str], ...] = (
            (self.office, self.tr("Som besökarna känner kontoret; syns på kölappen.")),
            (self.municipality, self.tr("Kommunen som kontoret samarbetar med.")),
            (self.region, self.tr("Regionen som kontoret samarbetar med.")),
            (self.name, self.tr("Ditt för- och efternamn.")),
            (self.login, self.tr("Det du loggar in med.")),
            (self.pin, self.tr("Minst 6 tecken; gärna några ord.")),
            (self.again, self.tr("Samma kod en gång till. Enter skapar kontorschefen.")),
            (self.button, self.tr("Skapar kontorschefen, namnger kontoret och loggar in dig.")),
        )
        for control, text in described:
            describe(control, text)

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
