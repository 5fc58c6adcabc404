"""The main window's "Språk / Language" menu: Svenska, English or as the computer.

The choice is the workstation's (``ui/language`` in workstation.ini) and takes effect at
the next start. The menu's own texts are in both languages, so someone who cannot read
the one the app is in still finds the way back.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenuBar, QMessageBox, QWidget

from app.ui.shell.language import CHOICES, ENGLISH, PREF_LANGUAGE, SWEDISH, SYSTEM
from app.ui.shell.prefs import Prefs

# In their own language, never translated.
LABELS = {SWEDISH: "&Svenska", ENGLISH: "&English", SYSTEM: "&Följ datorn / System"}


class LanguageMenu:
    """The menu's actions, one checked: the workstation's choice."""

    def __init__(self, bar: QMenuBar, prefs: Prefs, parent: QWidget) -> None:
        self._prefs = prefs
        self._parent = parent
        self.menu = bar.addMenu("S&pråk / Language")
        self.menu.setObjectName("language-menu")
        self.group = QActionGroup(parent)
        self.actions: dict[str, QAction] = {}
        current = prefs.get_str(PREF_LANGUAGE, SYSTEM)
        for choice in (SWEDISH, ENGLISH, SYSTEM):
            action = QAction(LABELS[choice], parent)
            action.setObjectName(f"language-{choice}")
            action.setCheckable(True)
            action.setChecked(choice == (current if current in CHOICES else SYSTEM))
            action.triggered.connect(lambda _checked=False, c=choice: self._on_chosen(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[choice] = action

    def _on_chosen(self, choice: str) -> None:
        if self._prefs.get_str(PREF_LANGUAGE, SYSTEM) == choice:
            return
        self._prefs.set(PREF_LANGUAGE, choice)
        QMessageBox.information(  # in both languages, as the menu
            self._parent,
            "Språk / Language",
            "Språket byts när Servicedisk startar nästa gång.\n"
            "The language changes the next time Servicedisk starts.",
        )
