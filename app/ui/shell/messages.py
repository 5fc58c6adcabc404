"""Sentences several screens show, translated in one context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def database_failed() -> str:
    """The database did not answer a write: nothing changed, try again."""
    return QCoreApplication.translate(
        "messages",
        "Det gick inte att spara i databasen. Inget ändrades. Försök igen om en stund, "
        "eller kontakta IT om felet kvarstår.",
    )
