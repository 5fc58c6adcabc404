"""The language of the staff's screens: Swedish (the source) or English, per workstation.

The choice is the workstation's preference ``ui/language`` ("system", "sv" or "en"),
overridden by ``--language``; "system" is English where the computer's language is
English, else Swedish. Swedish needs no translation of the app's own texts; English loads
``resources/i18n/servicedisk_en.qm`` (built by ``make translations-qm``). Qt's own texts
(standard dialogs and buttons) and dates and numbers follow the same language.

The waiting-room display, the kiosk and the printed ticket are the visitors': they stay
Swedish beside the visitor's own language whatever the staff read (their texts are not in
the translation file, and a ``--display`` or ``--kiosk`` start loads no app translation).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import RESOURCES_DIR

log = logging.getLogger(__name__)

PREF_LANGUAGE = "ui/language"
SYSTEM, SWEDISH, ENGLISH = "system", "sv", "en"
CHOICES = (SYSTEM, SWEDISH, ENGLISH)
I18N_DIR = RESOURCES_DIR / "i18n"
LOCALES = {
    SWEDISH: (QLocale.Language.Swedish, QLocale.Country.Sweden),
    ENGLISH: (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_installed: list[QTranslator] = []  # kept alive, and removable when the language changes


def resolve(choice: str | None, system: QLocale | None = None) -> str:
    """ "sv" or "en" for a choice; "system" (or anything unknown) follows the computer."""
    if choice in (SWEDISH, ENGLISH):
        return choice
    system = system if system is not None else QLocale.system()
    return ENGLISH if system.language() == QLocale.Language.English else SWEDISH


def chosen(preference: str | None, override: str | None = None) -> str:
    """The language to start in: the command line's, else the workstation's preference."""
    return resolve(override if override is not None else preference)


def app_translation(language: str, folder: Path = I18N_DIR) -> Path | None:
    """The compiled translation of the app's texts for ``language``, or None (Swedish)."""
    return None if language == SWEDISH else folder / f"servicedisk_{language}.qm"


def install(
    app: QCoreApplication, language: str, *, staff: bool = True, folder: Path = I18N_DIR
) -> list[QTranslator]:
    """Put the app in ``language``: the default locale, Qt's own texts and (for the staff's
    screens) the app's; the translators installed. A missing file is logged, not fatal."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if staff else SWEDISH
    QLocale.setDefault(QLocale(*LOCALES[language]))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_folder):
        _installed.append(qt)
    elif language != ENGLISH:  # Qt's own texts are English without a file
        log.info(
            "Qt's %s translation was not found in %s: its dialogs stay English", language, qt_folder
        )
    path = app_translation(language, folder)
    if path is not None:
        own = QTranslator(app)
        if own.load(str(path)):
            _installed.append(own)
        else:
            log.warning(
                "no translation at %s (run make translations-qm): the app stays Swedish", path
            )
    for translator in _installed:
        app.installTranslator(translator)
    return list(_installed)


def short_weekday(index: int, swedish: str) -> str:
    """A weekday's short name (Monday = 0) in the app's language: ``swedish`` unless the
    default locale is English."""
    locale = QLocale()
    if locale.language() != QLocale.Language.English:
        return swedish
    return locale.dayName(index + 1, QLocale.FormatType.ShortFormat)
