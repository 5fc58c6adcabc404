"""Settings › Bokningar: the day's booked visits taken in from a file, and the office's margin.

The booking system's file (CSV or iCalendar, see docs/bookings.md) is read and taken
in off the GUI thread, all or nothing: a bad line is named and nothing is changed.
Reception takes in the file from its day list too (:class:`BookingsImport`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.setup.office_setup import LIMITS
from app.ui.settings.catalog_file import FileDialogs
from app.ui.settings.common import SettingsPage, button, named
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from app.services.access.actor import Desk
    from app.services.bookings.day import ImportResult
    from app.services.office.info import OfficeInfo

FILTERS = QT_TRANSLATE_NOOP("bookings", "Bokningar (*.csv *.ics *.txt);;Alla filer (*)")
FOLDER_PREF = "settings/bookings_folder"
MAX_FILE_BYTES = 5 * 1024 * 1024  # as read_bookings: a larger file is not read at all


def take_in(desk: Desk, path: Path) -> ImportResult:
    """Read a booking file and take its bookings in, all or nothing (off the GUI thread)."""
    from app.services.bookings.day import BookingImportError, import_bookings
    from app.services.bookings.files import BookingFileError, read_bookings
    from app.services.office.clock import office_zone

    if path.stat().st_size > MAX_FILE_BYTES:
        raise BookingImportError(
            f"{path.name} is larger than 5 MB", "bookings.import.too_big", limit=5
        )
    data = path.read_bytes()
    try:
        rows = read_bookings(data, path.name, office_zone(desk.store))
    except BookingFileError as exc:
        raise BookingImportError(
            f"{exc.english} Nothing was imported.", "bookings.import.file", problem=exc.message
        ) from exc
    return import_bookings(desk, rows)


# lupdate reads translate("bookings", "…"): the context is given at each call.
translate = QCoreApplication.translate


def _count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(n)


def result_text(result: ImportResult) -> str:
    """ "Bokningarna är inlästa: 12 nya, 1 ändrad, 1 avbokad."."""
    if not (result.added or result.updated or result.withdrawn):
        return translate(
            "bookings", "Bokningarna är inlästa. Inget ändrades: filen var redan inläst."
        )
    parts = [
        _count(result.added, translate("bookings", "{0} ny"), translate("bookings", "{0} nya")),
        _count(
            result.updated,
            translate("bookings", "{0} ändrad"),
            translate("bookings", "{0} ändrade"),
        ),
        _count(
            result.withdrawn,
            translate("bookings", "{0} avbokad"),
            translate("bookings", "{0} avbokade"),
        ),
    ]
    return translate("bookings", "Bokningarna är inlästa: {0}.").format(", ".join(parts))


class BookingsImport(QObject):
    """ "Läs in bokningar …": a file dialog, then the file read and taken in."""

    message = Signal(str, bool)  # Swedish text, is it an error
    imported = Signal()

    def __init__(
        self, ctx: UiContext, parent: QWidget, file_dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._parent = ctx, parent
        self.file_dialogs = file_dialogs or FileDialogs(ctx.prefs, translate("bookings", FILTERS))
        self.button = button(parent, self.tr("Läs i&n bokningar …"), "import-bookings")
        self.button.setToolTip(
            self.tr("Dagens fil från bokningssystemet, som CSV eller iCalendar (.ics).")
        )
        self.button.clicked.connect(self._on_clicked)

    def _on_clicked(self) -> None:
        folder = self._ctx.prefs.get_str(FOLDER_PREF) or str(Path.home())
        chosen = self.file_dialogs.open_path(self._parent, self.tr("Läs in bokningar"), folder)
        if not chosen:
            return
        path = Path(chosen)
        self._ctx.prefs.set(FOLDER_PREF, str(path.parent))
        self.message.emit(self.tr("Läser in {0} …").format(path.name), False)
        desk = self._ctx.desk
        Action(self._ctx, "bookings import", lambda: take_in(desk, path)).success(
            self._on_done
        ).failure(
            self._on_failed,
            self.tr(
                "Filen gick inte att läsa (finns den, och får du läsa den?). Inget har lästs in."
            ),
        ).busy(self.button).run_in_background(self)

    def _on_done(self, result: ImportResult) -> None:
        self.message.emit(result_text(result), False)
        self.imported.emit()

    def _on_failed(self, sentence: str) -> None:
        self.message.emit(self.tr("Bokningarna lästes inte in. {0}").format(sentence), True)


class BookingsPage(SettingsPage):
    """The day's file, and how early a booked visitor is called and how late they may come."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, file_dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._saved: int | None = None
        self._setup_ui(file_dialogs)
        self.reload()

    def _setup_ui(self, file_dialogs: FileDialogs | None) -> None:
        self.setObjectName("settings-bookings")
        self.importer = BookingsImport(self._ctx, self, file_dialogs)
        self.importer.message.connect(self.tell)
        file_box = QGroupBox(self.tr("Dagens bokningar"), self)
        column = QVBoxLayout(file_box)
        column.addWidget(
            self._note(
                self.tr(
                    "Läs in filen från bokningssystemet varje morgon (CSV eller iCalendar). "
                    "Samma fil två gånger ändrar inget; en ändrad eller avbokad tid uppdateras. "
                    "En fil med fel läses inte in alls, och felet anges med radnummer. "
                    "Receptionen kan också läsa in filen, under Dagens bokningar."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.importer.button)
        row.addStretch(1)
        column.addLayout(row)

        rule_box = QGroupBox(self.tr("Bokade besök"), self)
        rule = QVBoxLayout(rule_box)
        low, high = LIMITS["booking_tolerance_minutes"]
        self.tolerance: QSpinBox = named(
            QSpinBox(self),
            "booking-tolerance",
            self.tr("Marginal för bokade besök i minuter"),
            self.tr("Hur tidigt en incheckad går före, och hur sent hen får komma."),
        )
        self.tolerance.setRange(low, high)
        self.tolerance.setMinimumWidth(90)
        grid = QGridLayout()
        before = QLabel(self.tr("Bokade besök ropas &upp inom"), rule_box)  # Alt+R: Reception
        before.setBuddy(self.tolerance)
        grid.addWidget(before, 0, 0)
        grid.addWidget(self.tolerance, 0, 1)
        grid.addWidget(QLabel(self.tr("minuter från den bokade tiden"), rule_box), 0, 2)
        grid.setColumnStretch(3, 1)
        rule.addLayout(grid)
        rule.addWidget(
            self._note(
                self.tr(
                    "En incheckad besökare går före i kön från så många minuter före den "
                    "bokade tiden. Den som kommer mer än så många minuter efter får en "
                    "vanlig kölapp i stället."
                )
            )
        )
        actions = QHBoxLayout()
        self.save_button = button(
            self, self.tr("&Spara"), "save-bookings", "primary", self.tr("Sparar marginalen.")
        )
        self.save_button.clicked.connect(self._on_save)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        rule.addLayout(actions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        layout.addWidget(file_box)
        layout.addWidget(rule_box)
        layout.addStretch(1)

    def _note(self, text: str) -> QLabel:
        note = WrappedLabel(text, self)
        note.setStyleSheet("color: #4a525a;")
        return note

    def is_dirty(self) -> bool:
        """Whether the margin shown is not the one saved."""
        return self._saved is not None and self.tolerance.value() != self._saved

    def reload(self) -> None:
        """Show the stored margin, unless the manager is changing it."""
        if not self.is_dirty():
            ctx = self._ctx
            self.read("read the booking margin", lambda: ctx.setup.office(), self._show)

    def _show(self, office: OfficeInfo) -> None:
        if self.is_dirty():
            return  # changed while it was read: keep what was changed
        self._saved = office.booking_tolerance_minutes
        self.tolerance.setValue(self._saved)

    def _on_save(self) -> None:
        if not self.is_dirty():
            self.tell(self.tr("Inget att spara: inget är ändrat."))
            return
        minutes, setup = self.tolerance.value(), self._ctx.setup
        self.run(lambda: setup.update_office(booking_tolerance_minutes=minutes), self._on_saved)

    def _on_saved(self, office: Any) -> str:
        self._saved = office.booking_tolerance_minutes
        self.tolerance.setValue(office.booking_tolerance_minutes)
        return self.tr("Bokade besök ropas nu upp inom {0} minuter.").format(
            office.booking_tolerance_minutes
        )
