"""The service point's big buttons, with their keys: call next, recall, arrived, no-show,
transfer, park, return to the queue, finish. The view says what each one does."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

# lupdate reads translate("ServicePointView", "…"): the context is given at each call.
translate = QCoreApplication.translate


class ActionButtons:
    """The buttons of a point, laid out in a grid on ``page`` (keys work on the page)."""

    def __init__(self, page: QWidget) -> None:
        self._page = page
        self.call_next = self._button(
            "call-next",
            translate("ServicePointView", "Ropa nästa (F5)"),
            translate("ServicePointView", "Ropa nästa"),
            ("F5", "Ctrl+N"),
        )
        self.call_next.setProperty("role", "primary")
        self.recall = self._button(
            "recall",
            translate("ServicePointView", "Ropa igen (F6)"),
            translate("ServicePointView", "Ropa igen"),
            ("F6",),
        )
        self.arrived = self._button(
            "arrived",
            translate("ServicePointView", "Besökaren är här (F4)"),
            translate("ServicePointView", "Besökaren har kommit fram"),
            ("F4",),
        )
        self.no_show = self._button(
            "no-show",
            translate("ServicePointView", "Uteblev (F7)"),
            translate("ServicePointView", "Besökaren uteblev"),
            ("F7",),
        )
        self.transfer = self._button(
            "transfer",
            translate("ServicePointView", "Flytta till kö … (F8)"),
            translate("ServicePointView", "Flytta till annan kö"),
            ("F8",),
        )
        self.park = self._button(
            "park",
            translate("ServicePointView", "Parkera (F9)"),
            translate("ServicePointView", "Parkera besökaren"),
            ("F9",),
        )
        self.return_button = self._button(
            "return-to-queue",
            translate("ServicePointView", "Tillbaka i kön"),
            translate("ServicePointView", "Lägg tillbaka i kön"),
        )
        self.finish = self._button(
            "finish",
            translate("ServicePointView", "Avsluta och registrera ärenden (F10)"),
            translate("ServicePointView", "Avsluta och registrera ärenden"),
            ("F10", "Ctrl+Return", "Ctrl+Enter"),
        )
        self.finish.setProperty("role", "primary")
        self.grid = QGridLayout()
        self.grid.addWidget(self.call_next, 0, 0, 1, 3)
        for column, button in enumerate((self.arrived, self.recall, self.no_show)):
            self.grid.addWidget(button, 1, column)
        for column, button in enumerate((self.transfer, self.park, self.return_button)):
            self.grid.addWidget(button, 2, column)
        self.grid.addWidget(self.finish, 3, 0, 1, 3)

    def _button(self, name: str, text: str, access: str, keys: tuple[str, ...] = ()) -> QPushButton:
        button = QPushButton(text, self._page)
        button.setObjectName(name)
        button.setAccessibleName(access)
        button.setProperty("big", True)
        if keys:
            button.setAccessibleDescription(
                translate("ServicePointView", "Kortkommando: {0}").format(" / ".join(keys))
            )
            button.setToolTip(" / ".join(keys))
        for key in keys:
            QShortcut(QKeySequence(key), self._page, button.click)
        return button
