"""Settings (for the office manager): the office, the kiosk, bookings, queues, service points,
catalog, backups, sync, this PC's database, staff and the audit log.

Each section is a page of its own module; this screen holds them in tabs and
shows one Swedish sentence after every change: what was done, or why not.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.queue.views import QueueSnapshot
from app.ui.settings.backups import BackupsPage
from app.ui.settings.bookings import BookingsPage
from app.ui.settings.catalog import CatalogPage
from app.ui.settings.catalog_file import FileDialogs
from app.ui.settings.common import SettingsPage
from app.ui.settings.database import DatabasePage
from app.ui.settings.kiosk import KioskPage
from app.ui.settings.office import OfficePage
from app.ui.settings.points import PointsPage
from app.ui.settings.queues import QueuesPage
from app.ui.settings.staff import AuditPage, StaffPage
from app.ui.settings.sync import SyncPage
from app.ui.shell.access import describe
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.style import ACCENT, DANGER, OK

# Local touches to the shared style: a disabled danger button must look disabled,
# and the catalog tree gets the tables' row height and selection colour.
PAGE_STYLE = f"""
QPushButton[role="danger"]:disabled {{
    color: #6b7278; border-color: #b3bac1; background: #e6e9ec;
}}
QTreeView::item {{ padding: 3px 0; }}
QTreeView {{ selection-background-color: {ACCENT}; selection-color: white; }}
QTimeEdit:disabled, QSpinBox:disabled {{ color: #6b7278; background: #eceef0; }}
"""
MESSAGE_STYLE = {
    False: f"background: #e7f3e8; color: #1e4620; border-left: 4px solid {OK};",
    True: f"background: #fbe9e6; color: #7a1500; border-left: 4px solid {DANGER};",
}


class SettingsView(QWidget):
    """The manager's settings, in sections; reloads when another window changes the set-up."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        file_dialogs: FileDialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._setup_ui(file_dialogs)
        ctx.watcher.changed.connect(self._on_snapshot)

    def _setup_ui(self, file_dialogs: FileDialogs | None) -> None:
        self.setObjectName("settings-view")
        self.setStyleSheet(PAGE_STYLE)
        # The sections' tabs first, so that Tab reaches them before the page under them.
        self.sections = QTabWidget(self)
        self.sections.setObjectName("settings-sections")
        self.sections.setAccessibleName(self.tr("Inställningar"))
        self.sections.tabBar().setObjectName("settings-sections-bar")
        describe(
            self.sections.tabBar(),
            self.tr("Byt avsnitt med piltangenterna, eller Ctrl+Tab var du än är på sidan."),
            self.tr("Avsnitt i inställningarna"),
        )
        self.office_page = OfficePage(self._ctx, self)
        self.kiosk_page = KioskPage(self._ctx, self)
        self.bookings_page = BookingsPage(self._ctx, self, file_dialogs)
        self.queues_page = QueuesPage(self._ctx, self)
        self.points_page = PointsPage(self._ctx, self)
        self.catalog_page = CatalogPage(self._ctx, self, file_dialogs)
        self.backups_page = BackupsPage(self._ctx, self)
        self.sync_page = SyncPage(self._ctx, self)
        self.database_page = DatabasePage(self._ctx, self)
        self.staff_page = StaffPage(self._ctx, self)
        self.audit_page = AuditPage(self._ctx, self, file_dialogs)
        # No Alt letters on the eleven sections: they would take the letters the pages' own
        # fields need (one letter each per screen, with the main tabs'). Ctrl+Tab steps.
        for section, title, about in (
            (self.office_page, self.tr("Kontoret"), self.tr("Namn, öppettider, upprop, gallring.")),
            (self.kiosk_page, self.tr("Kiosk"), self.tr("Kioskens språk och regler.")),
            (self.bookings_page, self.tr("Bokningar"), self.tr("Dagens bokningar, marginalen.")),
            (self.queues_page, self.tr("Köer"), self.tr("Köerna och deras myndigheter.")),
            (self.points_page, self.tr("Luckor"), self.tr("Luckorna och köerna de tar.")),
            (self.catalog_page, self.tr("Katalog"), self.tr("Myndigheter, ärenden, utfall.")),
            (self.backups_page, self.tr("Säkerhetskopior"), self.tr("Ta en kopia, återställ en.")),
            (self.sync_page, self.tr("Synk"), self.tr("Mottagaren av dagens summor.")),
            (self.database_page, self.tr("Databas"), self.tr("Databasen som datorn arbetar i.")),
            (self.staff_page, self.tr("Personal"), self.tr("Personalens konton och roller.")),
            (self.audit_page, self.tr("Logg"), self.tr("Vem som gjorde vad och när.")),
        ):
            self.sections.setTabToolTip(self.sections.addTab(section, title), about)
        self.sections.currentChanged.connect(self._on_section_changed)
        for page in self.pages():
            page.message.connect(self._on_message)
        self.catalog_page.imported.connect(self._on_imported)

        self.message = WrappedLabel(self)
        self.message.setObjectName("settings-message")
        self.message.setAccessibleName(self.tr("Meddelande"))
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.message)

    def pages(self) -> list[SettingsPage]:
        """The sections, in tab order."""
        return [
            self.office_page,
            self.kiosk_page,
            self.bookings_page,
            self.queues_page,
            self.points_page,
            self.catalog_page,
            self.backups_page,
            self.sync_page,
            self.database_page,
            self.staff_page,
            self.audit_page,
        ]

    def reload(self) -> None:
        """Read every section again (the office form only when it has no unsaved changes)."""
        for page in self.pages():
            page.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the screen: show what others may have changed meanwhile."""
        super().showEvent(event)
        self.reload()

    def _on_snapshot(self, _snapshot: QueueSnapshot) -> None:
        if self.isVisible():
            self.reload()

    def _on_imported(self) -> None:
        self.reload()

    def _on_section_changed(self, _index: int) -> None:
        self.message.hide()

    def _on_message(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "ok")
        self.message.setStyleSheet(f"QLabel {{ {MESSAGE_STYLE[error]} padding: 8px 12px; }}")
        self.message.setAccessibleDescription(text)
        self.message.show()
