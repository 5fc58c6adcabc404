"""The catalog file box of Settings › Katalog: export to and import from a JSON file.

Both run through the runner, off the GUI thread; the file dialog is injectable
so tests can answer it at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from app.services.catalog.transfer import ImportResult
from app.services.office.info import OfficeInfo
from app.ui.settings.common import button
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.files import ask_open_path, ask_save_path
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.messages import database_failed
from app.ui.shell.office_time import today
from app.ui.shell.prefs import Prefs


class FileDialogs:
    """Asks for a file to save to or open; tests inject one that answers at once."""

    def __init__(self, prefs: Prefs | None = None, filters: str = "JSON (*.json)") -> None:
        self._prefs, self._filters = prefs, filters

    def save_path(self, parent: QWidget, title: str, suggested: str) -> str | None:
        """A path to write (in the last folder used), or None when cancelled."""
        name = Path(suggested).name
        return ask_save_path(parent, title, name, self._filters, self._prefs)

    def open_path(self, parent: QWidget, title: str, folder: str) -> str | None:
        """A path to read, or None when cancelled."""
        return ask_open_path(parent, title, self._filters, self._prefs, Path(folder))


class CatalogFileBox(QGroupBox):
    """Export… and Import… of the whole catalog, with a line on what they do."""

    message = Signal(str, bool)  # Swedish text, is it an error
    imported = Signal()

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, file_dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.file_dialogs = file_dialogs or FileDialogs(ctx.prefs)
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setObjectName("catalog-file")
        self.setTitle(self.tr("Katalogfil"))
        self.export_button = button(
            self,
            self.tr("&Exportera…"),
            "export-catalog",
            None,
            self.tr("Sparar hela katalogen som en JSON-fil."),
        )
        self.import_button = button(
            self,
            self.tr("Imp&ortera…"),  # Alt+P: the Språk menu
            "import-catalog",
            None,
            self.tr("Läser in en katalogfil; allt eller inget ändras."),
        )
        self.export_button.clicked.connect(self._on_export)
        self.import_button.clicked.connect(self._on_import)
        note = WrappedLabel(
            self.tr(
                "Flytta katalogen mellan kontor som en JSON-fil. En import ändrar allt "
                "eller inget; poster som saknas i filen tas ur bruk."
            ),
            self,
        )
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(note)
        layout.addLayout(row)

    def tell(self, text: str, error: bool = False) -> None:
        """Show a sentence under the sections."""
        self.message.emit(text, error)

    def _folder(self) -> str:
        return self._ctx.prefs.get_str("settings/catalog_folder") or str(Path.home())

    def _remember_folder(self, path: Path) -> None:
        self._ctx.prefs.set("settings/catalog_folder", str(path.parent))

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)

    def _on_export(self) -> None:
        """Ask where to (the office's code in the name: read first, off the GUI thread)."""
        self._busy(True)
        Action(self._ctx, "read the office", self._ctx.setup.office).without_refresh().success(
            self._ask_where
        ).failure(self._on_export_failed, database_failed()).run_in_background(self)

    def _ask_where(self, office: OfficeInfo) -> None:
        self._busy(False)
        day = today(self._ctx.clock.now()).isoformat()
        suggested = str(Path(self._folder()) / f"katalog-{office.code}-{day}.json")
        chosen = self.file_dialogs.save_path(self, self.tr("Exportera katalogen"), suggested)
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".json")
        self._remember_folder(path)
        self._busy(True)
        self.tell(self.tr("Exporterar katalogen …"))
        desk = self._ctx.setup
        Action(self._ctx, "catalog export", lambda: desk.export_catalog_file(path)).success(
            self._on_exported
        ).failure(
            self._on_export_failed,
            self.tr(
                "Katalogen kunde inte sparas där (ingen behörighet, disken full eller mappen "
                "saknas). Välj en annan mapp eller ett annat namn."
            ),
        ).without_refresh().run_in_background(self)

    def _on_exported(self, path: Path) -> None:
        self._busy(False)
        self.tell(self.tr("Katalogen är exporterad till {0}.").format(path))

    def _on_export_failed(self, sentence: str) -> None:
        self._busy(False)
        self.tell(sentence, True)

    def _on_import(self) -> None:
        chosen = self.file_dialogs.open_path(self, self.tr("Importera katalog"), self._folder())
        if not chosen:
            return
        path = Path(chosen)
        self._remember_folder(path)
        self._busy(True)
        self.tell(self.tr("Importerar katalogen …"))
        desk = self._ctx.setup
        Action(self._ctx, "catalog import", lambda: desk.import_catalog_file(path)).success(
            self._on_imported
        ).failure(
            self._on_import_failed,
            self.tr("ett oväntat fel. Inget är ändrat. Se loggfilen och försök igen."),
        ).run_in_background(self)

    def _on_imported(self, result: ImportResult) -> None:
        self._busy(False)
        self.imported.emit()
        if not result.changed:
            self.tell(
                self.tr("Katalogen är importerad. Inget ändrades: filen stämmer med katalogen.")
            )
            return
        self.tell(
            self.tr("Katalogen är importerad: {0} nya, {1} ändrade, {2} tagna ur bruk.").format(
                result.added, result.updated, result.retired
            )
        )

    def _on_import_failed(self, sentence: str) -> None:
        self._busy(False)
        self.tell(self.tr("Katalogen importerades inte: {0}").format(sentence), True)
