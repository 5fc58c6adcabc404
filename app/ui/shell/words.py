"""The words the screens show for the core's codes in lists and labels: a staff role, the
kind of an audit event. The services keep the codes (the command line prints them); the
words are Swedish here and English through Qt's translator, context "Words".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.access.actor import CASEWORKER, KIOSK_ROLE, MANAGER, RECEPTION
from app.ui.shell.marks import QT_TRANSLATE_NOOP

CONTEXT = "Words"
ROLES = {
    RECEPTION: QT_TRANSLATE_NOOP("Words", "reception"),
    CASEWORKER: QT_TRANSLATE_NOOP("Words", "handläggare"),
    MANAGER: QT_TRANSLATE_NOOP("Words", "kontorschef"),
    KIOSK_ROLE: QT_TRANSLATE_NOOP("Words", "kiosk"),
}
AUDIT_KINDS = {
    "sign_in": QT_TRANSLATE_NOOP("Words", "Inloggning"),
    "sign_in_failed": QT_TRANSLATE_NOOP("Words", "Misslyckad inloggning"),
    "locked_out": QT_TRANSLATE_NOOP("Words", "Spärrad efter för många försök"),
    "staff": QT_TRANSLATE_NOOP("Words", "Personalkonto"),
    "export": QT_TRANSLATE_NOOP("Words", "Export"),
    "statistics": QT_TRANSLATE_NOOP("Words", "Statistik"),
    "config": QT_TRANSLATE_NOOP("Words", "Inställningar"),
    "catalog": QT_TRANSLATE_NOOP("Words", "Katalog"),
    "correction": QT_TRANSLATE_NOOP("Words", "Rättelse av ärende"),
    "purge": QT_TRANSLATE_NOOP("Words", "Gallring"),
    "backup": QT_TRANSLATE_NOOP("Words", "Säkerhetskopia"),
    "restore": QT_TRANSLATE_NOOP("Words", "Återställning"),
}


def role_word(code: str | None) -> str:
    """A role's word in the screen's language ("handläggare"); a code not listed as it is."""
    return _word(ROLES, code)


def audit_kind_word(code: str | None) -> str:
    """An audit event's kind in the screen's language ("Inloggning"); else the code."""
    return _word(AUDIT_KINDS, code)


def _word(words: dict[str, str], code: str | None) -> str:
    word = words.get(code or "")
    return (code or "") if word is None else QCoreApplication.translate(CONTEXT, word)
