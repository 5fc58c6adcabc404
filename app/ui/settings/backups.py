"""Settings › Säkerhetskopior: the store's backups, a backup now, and restoring one.

The list is what lies in ``backups/`` (newest first): when each copy was
taken, why, and its size. Restoring asks first, says what it means in plain
Swedish, and runs off the GUI thread; the other programs of the office see the
restored records at their next read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from app.store.backup import BackupFile, list_backups
from app.ui.settings.common import SettingsPage, button, select_key, selected_key, table_view
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.messages import database_failed
from app.ui.shell.office_time import stamp
from app.ui.shell.table_model import QT_TRANSLATE_NOOP, SORT_ROLE, RowsModel

Ask = Callable[[QWidget, str, str], bool]

REASONS = {
    "daily": QT_TRANSLATE_NOOP("BackupTableModel", "Daglig"),
    "manual": QT_TRANSLATE_NOOP("BackupTableModel", "Tagen för hand"),
    "before-restore": QT_TRANSLATE_NOOP("BackupTableModel", "Före en återställning"),
}


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A question with Ja and Avbryt; Avbryt is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    yes = box.addButton(
        QCoreApplication.translate("BackupsPage", "Ja, återställ"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.setDefaultButton(
        box.addButton(
            QCoreApplication.translate("BackupsPage", "Avbryt"), QMessageBox.ButtonRole.RejectRole
        )
    )
    box.exec()
    return box.clickedButton() is yes


def taken_text(backup: BackupFile) -> str:
    """When a copy was taken, in office time ("2026-12-01 07:45")."""
    return stamp(backup.taken_at)


def size_text(size: int) -> str:
    """A file size as a manager reads it ("1,4 MB")."""
    locale = QLocale()  # the screens' language: "1,5 MB" in Swedish, "1.5 MB" in English
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return f"{locale.toString(size / 1_000_000, 'f', 1)} MB"


class BackupTableModel(RowsModel):
    """The copies under backups/: taken, why, size."""

    TAKEN, REASON, SIZE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("BackupTableModel", "Tagen"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Varför"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Storlek"),
    )

    def _key(self, row: BackupFile) -> object:
        return str(row.path)

    def _cell(self, row: BackupFile, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return (row.taken_at.timestamp(), row.reason, row.size)[column]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == self.TAKEN:
            return taken_text(row)
        if column == self.REASON:
            if row.reason.startswith("before-upgrade"):
                return self.tr("Före en uppgradering")
            return self.tr(REASONS.get(row.reason, row.reason))
        return size_text(row.size)


class BackupsPage(SettingsPage):
    """The store's backups: take one now, restore a chosen one."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, ask: Ask = ask_yes_no):
        super().__init__(ctx, parent)
        self._ask = ask
        self.model = BackupTableModel(self)
        self.table = table_view(self, self.model, "backups-table", self.tr("Säkerhetskopior"), 1)
        self.table.setAccessibleDescription(self.tr("Välj en kopia med piltangenterna."))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        intro = WrappedLabel(
            self.tr(
                "Servicedisk tar en säkerhetskopia av databasen varje dag och sparar dem så "
                "många dagar som du har valt under Kontoret. Den senaste hela kopian sparas "
                "alltid. En återställning sparar först en kopia av läget just nu."
            ),
            self,
        )
        self.folder = WrappedLabel(self)
        self.folder.setObjectName("backups-folder")
        self.backup_button = button(  # Alt+T and Alt+R: the Statistik and Reception tabs
            self,
            self.tr("Ta en säkerhetskopia &nu"),
            "backup-now",
            None,
            self.tr("Kopierar databasen som den är just nu."),
        )
        self.restore_button = button(
            self,
            self.tr("Åter&ställ vald …"),
            "restore-backup",
            "danger",
            self.tr("Byter databasen mot den valda kopian, efter en fråga."),
        )
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_button.clicked.connect(self._on_restore)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.folder)
        layout.addLayout(actions)
        self._on_selection()

    def reload(self) -> None:
        """List the copies again."""
        key = selected_key(self.table)
        settings = self._ctx.settings
        self.model.set_rows(list_backups(settings.backups_dir))
        select_key(self.table, key)
        self.backup_button.setEnabled(True)
        self.folder.setText(
            self.tr("Kopiorna ligger i {0}.").format(settings.backups_dir)
            if settings.sqlite_path is not None
            else self.tr(
                "Kopiorna av databasservern sparas som egna filer på den här datorn, i {0}."
            ).format(settings.backups_dir)
        )
        self._on_selection()

    def _on_selection(self, *_args: object) -> None:
        self.restore_button.setEnabled(self._chosen() is not None)

    def _chosen(self) -> BackupFile | None:
        found = self.model.find(selected_key(self.table))
        return found if isinstance(found, BackupFile) else None

    def _on_backup(self) -> None:
        ctx = self._ctx
        self.backup_button.setEnabled(False)
        self.tell(self.tr("Tar en säkerhetskopia …"))

        def done(path: Path) -> None:
            self.reload()
            select_key(self.table, str(path))
            self.tell(self.tr("Säkerhetskopian är tagen."))

        from app.services.upkeep.backups import backup_now

        Action(ctx, "backup", lambda: backup_now(ctx.desk)).success(done).failure(
            self._failed, database_failed()
        ).run_in_background(self)

    def _on_restore(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        when = taken_text(chosen)
        question = self.tr(
            "Vill du återställa säkerhetskopian från {0}?\n\n"
            "Allt som registrerats efter {0} försvinner ur databasen, på alla datorer "
            "på kontoret. Läget just nu sparas först som en egen kopia, och kölapparnas "
            "nummer fortsätter där de är, så inget nummer delas ut två gånger."
        ).format(when)
        if not self._ask(self, self.tr("Återställ säkerhetskopia"), question):
            return
        ctx = self._ctx
        self.restore_button.setEnabled(False)
        self.tell(self.tr("Återställer säkerhetskopian från {0} …").format(when))

        from app.services.upkeep.backups import StoreFiles, restore_store

        def done(report: object) -> None:
            self.reload()
            if getattr(report, "moved_aside", None) is not None:
                # The unusable file was moved away under this program's own connections.
                self.tell(
                    self.tr(
                        "Säkerhetskopian från {0} är återställd och den skadade filen är "
                        "flyttad undan. Starta om Servicedisk på alla datorer på kontoret."
                    ).format(when)
                )
                return
            self.tell(
                self.tr(
                    "Säkerhetskopian från {0} är återställd. Läget före finns sparat som en "
                    "egen kopia i listan."
                ).format(when)
            )

        Action(
            ctx,
            "restore",
            lambda: restore_store(StoreFiles(ctx.settings, ctx.clock, ctx.actor), chosen.path),
        ).success(done).failure(self._failed, database_failed()).run_in_background(self)

    def _failed(self, sentence: str) -> None:
        self.reload()
        self.tell(sentence, True)
