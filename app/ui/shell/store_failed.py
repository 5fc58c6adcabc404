"""When the store cannot be opened: say why in plain Swedish, and offer a way on.

The sentence fits the fault (a damaged file, another program's file, a
read-only folder, a newer version …). Where a backup can help (the file is
damaged or not a store at all), the newest sound backup is named with its time
and offered for restoring; another database file can always be chosen; or the
app ends. Nothing is restored without the person choosing it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.config import Settings, resolve_settings
from app.store.errors import DamagedStoreError, NotAStoreError, StoreError
from app.ui.shell.refusals import refusal_text

if TYPE_CHECKING:  # the backup module loads SQLAlchemy: only when a store has failed
    from app.store.backup import BackupFile

log = logging.getLogger(__name__)

RESTORE, OPEN_OTHER, QUIT = "restore", "open", "quit"


# lupdate reads translate("store_failed", "…"): the context is given at each call.
translate = QApplication.translate


@dataclass(frozen=True)
class Failure:
    """What went wrong, and the backup that could help (None: none, or it would not help)."""

    error: StoreError
    backup: BackupFile | None

    def text(self) -> str:
        """The message: what happened, then what can be done."""
        lines = [
            translate("store_failed", "Databasen kunde inte öppnas."),
            "",
            refusal_text(self.error),
            "",
        ]
        if self.backup is not None:
            from app.ui.settings.backups import size_text, taken_text

            lines.append(
                translate(
                    "store_failed", "Den senaste hela säkerhetskopian är från {0} ({1})."
                ).format(taken_text(self.backup), size_text(self.backup.size))
            )
            lines.append(
                translate(
                    "store_failed",
                    "Om du återställer den flyttas den nuvarande filen undan (den raderas "
                    "inte), och det som registrerades efter {0} kommer att saknas.",
                ).format(taken_text(self.backup))
            )
        elif restorable(self.error):
            lines.append(
                translate(
                    "store_failed", "Det finns ingen säkerhetskopia att återställa. Kontakta IT."
                )
            )
        return "\n".join(lines).strip()

    def choices(self) -> list[tuple[str, str]]:
        """The buttons, as (what, label), the safest first."""
        offered = [(QUIT, translate("store_failed", "Avsluta"))]
        if self.backup is not None:
            offered.insert(0, (RESTORE, translate("store_failed", "Återställ säkerhetskopian")))
        offered.insert(-1, (OPEN_OTHER, translate("store_failed", "Öppna en annan databas …")))
        return offered


def restorable(error: StoreError) -> bool:
    """Whether a backup is the remedy (not for a full disk, a locked or a newer store)."""
    return isinstance(error, (DamagedStoreError, NotAStoreError))


def failure(error: StoreError, settings: Settings) -> Failure:
    """The failure, with the newest sound backup where one would help."""
    backup = None
    if restorable(error) and settings.sqlite_path is not None:
        from app.store.backup import newest_good_backup

        backup = newest_good_backup(settings.backups_dir)
    return Failure(error, backup)


Ask = Callable[[Failure], str]
ChooseFile = Callable[[Settings], Path | None]


def ask_with_a_box(found: Failure) -> str:
    """Show the failure with its choices; returns the choice."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Servicedisk", found.text())
    buttons = []
    for what, label in found.choices():
        reject = QMessageBox.ButtonRole.RejectRole
        role = reject if what == QUIT else QMessageBox.ButtonRole.ActionRole
        buttons.append((box.addButton(label, role), what))
    box.exec()
    clicked = box.clickedButton()
    return next((what for button, what in buttons if button is clicked), QUIT)


def choose_file(settings: Settings) -> Path | None:
    """Ask for another database file."""
    path, _ = QFileDialog.getOpenFileName(
        None,
        translate("store_failed", "Öppna en annan databas"),
        str(settings.data_dir),
        translate("store_failed", "Servicedisk-databas (*.sqlite3);;Alla filer (*)"),
    )
    return Path(path) if path else None


def recover(
    error: StoreError,
    settings: Settings,
    *,
    ask: Ask | None = None,
    pick: ChooseFile | None = None,
) -> Settings | None:
    """Ask what to do; returns the settings to start with now, or None to end the app."""
    while True:
        found = failure(error, settings)
        what = (ask or ask_with_a_box)(found)
        log.info("the store could not be opened (%s); the person chose %s", error, what)
        if what == RESTORE and found.backup is not None:
            try:
                _restore(settings, found.backup.path)
            except StoreError as exc:
                error = exc
                continue
            return settings
        if what == OPEN_OTHER:
            path = (pick or choose_file)(settings)
            if path is None:
                continue
            return resolve_settings(data_dir=path.parent, database_url=f"sqlite:///{path}")
        return None


def _restore(settings: Settings, path: Path) -> None:
    """Restore for the person at this PC: nobody can sign in to a store that does not open,
    so they act as its local manager, as the command line does (audited as the OS user)."""
    from app.services.access.actor import Actor
    from app.services.office.clock import SystemClock
    from app.services.upkeep.backups import StoreFiles, restore_store

    restore_store(StoreFiles(settings, SystemClock(), Actor.command_line()), path)
