"""File dialogs as a Swedish office expects them: in Swedish, starting in the user's
documents the first time and in the last folder used after that, filtered by type.

Qt's own texts ("Look in", "Save", "Cancel") come from Qt's Swedish translation, loaded
once at start (:func:`install_qt_swedish`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QStandardPaths, QTranslator
from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.shell.prefs import Prefs

log = logging.getLogger(__name__)

PREF_LAST_FOLDER = "files/last_folder"
_translators: list[QTranslator] = []  # kept alive as long as the application


def install_qt_swedish(app: QCoreApplication) -> bool:
    """Qt's own dialogs and buttons in Swedish; False (logged) where the file is missing."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load("qtbase_sv", folder):
        log.info("Qt's Swedish translation was not found in %s: its dialogs stay English", folder)
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    return True


def start_folder(prefs: Prefs | None) -> Path:
    """The last folder a file was chosen in, else the user's documents (else home)."""
    last = prefs.get_str(PREF_LAST_FOLDER) if prefs is not None else None
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _remember(prefs: Prefs | None, chosen: str) -> None:
    if prefs is not None and chosen:
        prefs.set(PREF_LAST_FOLDER, str(Path(chosen).parent))


def ask_save_path(
    parent: QWidget | None, title: str, name: str, filters: str, prefs: Prefs | None
) -> str | None:
    """Where to save ``name`` (a file or, for CSV, a folder's name), or None."""
    suggested = str(start_folder(prefs) / name)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    _remember(prefs, path)
    return path or None


def ask_open_path(
    parent: QWidget | None,
    title: str,
    filters: str,
    prefs: Prefs | None,
    folder: Path | None = None,
) -> str | None:
    """A file to open, or None."""
    start = folder if folder is not None and folder.is_dir() else start_folder(prefs)
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start), filters)
    _remember(prefs, path)
    return path or None
