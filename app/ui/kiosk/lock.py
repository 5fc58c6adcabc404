"""The kiosk's lock: only a manager's login and PIN end it (the PIN rules and lockouts of
signing in apply; every attempt is audited as a sign-in is)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.shell.access import buttons_in_reading_order, describe
from app.ui.shell.context import UiContext
from app.ui.shell.refusals import refusal_text

log = logging.getLogger(__name__)


class UnlockDialog(QDialog):
    """Login and PIN; accepted only for a manager."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.manager: Any = None
        self.setWindowTitle(self.tr("Avsluta kiosken"))
        self.login = QLineEdit()
        self.login.setObjectName("kiosk-login")
        self.pin = QLineEdit()
        self.pin.setObjectName("kiosk-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        describe(self.login, self.tr("Kontorschefens användarnamn."))
        describe(self.pin, self.tr("Kontorschefens kod; den visas inte."))
        self.error = QLabel()
        self.error.setStyleSheet("color: #a01818;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Användarnamn:"), self.login)
        form.addRow(self.tr("&Kod:"), self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Avsluta kiosken"))
        ok.setObjectName("kiosk-unlock")
        describe(ok, self.tr("Stänger kiosken om kontorschefens kod stämmer."))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setObjectName("kiosk-unlock-cancel")
        describe(cancel, self.tr("Kiosken fortsätter."))
        buttons_in_reading_order(buttons)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("En kontorschef kan avsluta kiosken.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_unlock(self) -> None:
        """Check the login and PIN (here: a dialog waits for its answer anyway)."""
        from app.services import ServiceError
        from app.services.access.actor import MANAGER

        login, pin = self.login.text(), self.pin.text()
        self.pin.clear()
        try:
            actor = self._ctx.staff.sign_in(login, pin)
        except ServiceError as exc:
            self.error.setText(refusal_text(exc))
            return
        if actor.role != MANAGER:
            log.warning("kiosk: %s (not a manager) tried to end it", actor.login)
            self.error.setText(self.tr("Bara en kontorschef kan avsluta kiosken."))
            return
        self.manager = actor
        self.accept()
