"""Settings › Personal (the accounts) and Settings › Logg (the audit log), for the manager.

Personal: every account with its role and state; add one, close or open it,
give it another role or a new PIN (a new PIN also lifts a lock-out). PINs are
typed twice and hashed on the runner, never on the GUI thread.

Logg: who did what and when, in codes, filtered by kind and day; exported as
CSV (the export is itself in the log, with its range, never the file's name).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.access.actor import ROLES
from app.services.access.audit import KINDS, AuditDesk
from app.ui.settings.audit_text import describe
from app.ui.settings.catalog_file import FileDialogs
from app.ui.settings.common import SettingsPage, button, named, select_key, selected_key, table_view
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.office_time import stamp, today
from app.ui.shell.table_model import QT_TRANSLATE_NOOP, SORT_ROLE, RowsModel
from app.ui.shell.words import audit_kind_word, role_word

FAILED = QT_TRANSLATE_NOOP(
    "StaffPage", "Det gick inte att spara: databasen svarade inte. Försök igen om en stund."
)


class StaffModel(RowsModel):
    """The accounts: login, name, role, state."""

    HEADERS = (
        QT_TRANSLATE_NOOP("StaffModel", "Användarnamn"),
        QT_TRANSLATE_NOOP("StaffModel", "Namn"),
        QT_TRANSLATE_NOOP("StaffModel", "Roll"),
        QT_TRANSLATE_NOOP("StaffModel", "Status"),
    )

    def _key(self, row: Any) -> object:
        return row.login

    def _cell(self, row: Any, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return None
        if row.locked_until is not None:
            state = self.tr("Spärrad till {0}").format(stamp(row.locked_until))
        else:
            state = self.tr("Aktiv") if row.active else self.tr("Avstängd")
        return (row.login, row.display_name, role_word(row.role), state)[column]


class StaffPage(SettingsPage):
    """Staff accounts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        intro = WrappedLabel(
            self.tr(
                "Var och en loggar in med sitt eget användarnamn och sin egen kod. Rollen "
                "avgör vad man får göra: reception delar ut kölappar, handläggare betjänar "
                "och registrerar ärenden, kontorschefen ser statistiken och ändrar inställningar."
            ),
            self,
        )
        self.model = StaffModel(self)
        self.table = table_view(self, self.model, "staff-table", self.tr("Personalens konton"), 1)
        self.table.setAccessibleDescription(self.tr("Välj ett konto; fälten under visar det."))
        box = QGroupBox(self.tr("Konto"), self)
        form = QFormLayout(box)
        self.login = named(QLineEdit(box), "staff-login", self.tr("Användarnamn"))
        self.login.setMaxLength(40)
        self.name = named(QLineEdit(box), "staff-name", self.tr("Namn"))
        self.name.setMaxLength(120)
        self.role = named(QComboBox(box), "staff-role", self.tr("Roll"))
        for code in ROLES:
            self.role.addItem(role_word(code).capitalize(), code)
        self.pin = named(QLineEdit(box), "staff-pin", self.tr("Kod"))
        self.again = named(QLineEdit(box), "staff-pin-again", self.tr("Upprepa koden"))
        for field in (self.pin, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(128)
        for field, text in (
            (self.login, self.tr("Det personen loggar in med.")),
            (self.name, self.tr("För- och efternamn, som de syns i statistiken.")),
            (self.role, self.tr("Vad personen får göra: reception, handläggare eller chef.")),
            (self.pin, self.tr("En första kod; personen väljer en egen vid inloggningen.")),
            (self.again, self.tr("Samma kod en gång till.")),
        ):
            field.setAccessibleDescription(text)
        # Alt+R, Alt+L and Alt+I are the main tabs' (Reception, Lucka, Inställningar).
        form.addRow(self.tr("Användar&namn:"), self.login)
        form.addRow(self.tr("N&amn:"), self.name)
        form.addRow(self.tr("R&oll:"), self.role)
        form.addRow(self.tr("&Kod:"), self.pin)
        form.addRow(self.tr("&Upprepa koden:"), self.again)
        self.add_button = button(
            self, self.tr("Lä&gg till"), "staff-add", "primary", self.tr("Skapar kontot.")
        )
        self.role_button = button(
            self,
            self.tr("&Byt roll"),
            "staff-set-role",
            None,
            self.tr("Ger det valda kontot rollen i fältet Roll."),
        )
        self.pin_button = button(
            self,
            self.tr("Ny ko&d"),
            "staff-reset-pin",
            None,
            self.tr("Ger det valda kontot koden i fälten; personen väljer en egen sedan."),
        )
        self.active_button = button(
            self,
            self.tr("&Stäng av"),
            "staff-toggle",
            None,
            self.tr("Det valda kontot kan inte logga in förrän det öppnas igen."),
        )
        actions = QHBoxLayout()
        for widget in (self.add_button, self.role_button, self.pin_button, self.active_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addLayout(actions)
        self.add_button.clicked.connect(self._on_add)
        self.role_button.clicked.connect(self._on_role)
        self.pin_button.clicked.connect(self._on_pin)
        self.active_button.clicked.connect(self._on_toggle)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)

    def reload(self) -> None:
        """The accounts as the store holds them now."""
        self.read("read the staff", self._ctx.staff.list, self._show_staff)

    def _show_staff(self, rows: list[Any]) -> None:
        chosen = selected_key(self.table)
        self.model.set_rows(rows)
        if chosen is not None:
            select_key(self.table, chosen)
        self._on_selected()

    def _chosen(self) -> Any:
        login = selected_key(self.table)
        return next((r for r in self.model.rows() if r.login == login), None)

    def _on_selected(self, *_: Any) -> None:
        row = self._chosen()
        for widget in (self.role_button, self.pin_button, self.active_button):
            widget.setEnabled(row is not None)
        if row is not None:
            self.active_button.setText(
                self.tr("Ö&ppna igen") if not row.active else self.tr("&Stäng av")
            )
            self.active_button.setAccessibleName(self.active_button.text().replace("&", ""))
            self.active_button.setAccessibleDescription(
                self.tr("Det valda kontot kan logga in igen.")
                if not row.active
                else self.tr("Det valda kontot kan inte logga in förrän det öppnas igen.")
            )
            self.login.setText(row.login)
            self.name.setText(row.display_name)
            self.role.setCurrentIndex(max(0, self.role.findData(row.role)))

    def _in_background(self, what: str, work: Any, done: Any) -> None:
        self.add_button.setEnabled(False)

        def succeeded(result: Any) -> None:
            self.add_button.setEnabled(True)
            self.pin.clear()
            self.again.clear()
            self.reload()
            self.tell(done(result))

        def refused(sentence: str) -> None:
            self.add_button.setEnabled(True)
            self.pin.clear()
            self.again.clear()
            self.tell(sentence, True)

        Action(self._ctx, what, work).success(succeeded).failure(
            refused, self.tr(FAILED)
        ).run_in_background(self)

    def _on_add(self) -> None:
        login, name, role = self.login.text(), self.name.text(), self.role.currentData()
        pin, again = self.pin.text(), self.again.text()
        staff = self._ctx.staff
        self._in_background(
            "add staff",
            lambda: staff.add(login, role, pin, again, display_name=name or None),
            lambda v: self.tr("{0} har lagts till som {1}.").format(v.login, role_word(v.role)),
        )

    def _on_role(self) -> None:
        row, role = self._chosen(), self.role.currentData()
        if row is None:
            return
        staff = self._ctx.staff
        self._in_background(
            "staff role",
            lambda: staff.set_role(row.login, role),
            lambda v: self.tr("{0} är nu {1}.").format(v.login, role_word(v.role)),
        )

    def _on_pin(self) -> None:
        row, pin, again = self._chosen(), self.pin.text(), self.again.text()
        if row is None:
            return
        staff = self._ctx.staff
        self._in_background(
            "reset pin",
            lambda: staff.reset_pin(row.login, pin, again),
            lambda v: self.tr("{0} har fått en ny kod.").format(v.login),
        )

    def _on_toggle(self) -> None:
        row = self._chosen()
        if row is None:
            return
        staff, active = self._ctx.staff, not row.active
        self._in_background(
            "staff active",
            lambda: staff.set_active(row.login, active),
            lambda v: (
                self.tr("{0} kan logga in igen.")
                if v.active
                else self.tr("{0} är avstängd och kan inte logga in.")
            ).format(v.login),
        )


class AuditModel(RowsModel):
    """The audit log: when, what, who, role, detail."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AuditModel", "När"),
        QT_TRANSLATE_NOOP("AuditModel", "Vad"),
        QT_TRANSLATE_NOOP("AuditModel", "Vem"),
        QT_TRANSLATE_NOOP("AuditModel", "Roll"),
        QT_TRANSLATE_NOOP("AuditModel", "Detaljer"),
    )

    def _key(self, row: Any) -> object:
        return (row.at, row.kind, row.who, row.detail)

    def _cell(self, row: Any, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return (row.at.timestamp(), row.kind, row.who, row.role or "", row.detail)[column]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (
            stamp(row.at, seconds=True),
            audit_kind_word(row.kind),
            row.who,
            "" if row.role in (None, "system") else role_word(row.role),
            describe(row.kind, row.detail),
        )[column]


class AuditPage(SettingsPage):
    """The audit log, filtered by kind and day, and its CSV export."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, file_dialogs: Any = None
    ) -> None:
        super().__init__(ctx, parent)
        self.file_dialogs = file_dialogs
        intro = WrappedLabel(
            self.tr(
                "Loggen visar vem som gjorde vad och när: inloggningar, exporter, ändrade "
                "inställningar, rättelser, gallringar, säkerhetskopior. Den innehåller inga "
                "uppgifter om besökare."
            ),
            self,
        )
        self.kind = named(
            QComboBox(self), "audit-kind", self.tr("Vad"), self.tr("Vilka händelser som visas.")
        )
        self.kind.addItem(self.tr("Alla händelser"), None)
        for code in KINDS:
            self.kind.addItem(audit_kind_word(code), code)
        now = today(ctx.clock.now())
        self.first = named(
            QDateEdit(self), "audit-from", self.tr("Från och med"), self.tr("År-månad-dag.")
        )
        self.last = named(
            QDateEdit(self), "audit-to", self.tr("Till och med"), self.tr("År-månad-dag.")
        )
        for edit, day in ((self.first, now.replace(day=1)), (self.last, now)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        self.show_button = button(  # Alt+V: the Visa menu
            self,
            self.tr("Vi&sa"),
            "audit-show",
            "primary",
            self.tr("Visar händelserna som filtren väljer."),
        )
        self.export_button = button(
            self,
            self.tr("&Exportera CSV …"),
            "audit-export",
            None,
            self.tr("Sparar händelserna som filtren väljer i en CSV-fil."),
        )
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Vad:"), self.kind),
            (self.tr("Från:"), self.first),
            (self.tr("Till:"), self.last),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)  # the label a screen reader reads with the field
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        self.model = AuditModel(self)
        self.table = table_view(self, self.model, "audit-table", self.tr("Loggen"), 4)
        self.table.setAccessibleDescription(self.tr("Händelserna, nyast först."))
        self.count = QLabel(self)
        self.count.setObjectName("audit-count")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.show_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self._on_export)

    def _desk(self) -> AuditDesk:
        return self._ctx.audit

    def _filters(self) -> tuple[date, date, list[str] | None]:
        kind = self.kind.currentData()
        return self.first.date().toPython(), self.last.date().toPython(), [kind] if kind else None

    def reload(self) -> None:
        """The events the filters ask for, newest first."""
        first, last, kinds = self._filters()
        if last < first:
            self.tell(self.tr("Till-datumet ligger före från-datumet."), True)
            return
        desk = self._desk()
        self.read("read the audit log", lambda: desk.events(first, last, kinds), self._show_events)

    def _show_events(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("{0} händelser").format(len(rows)))

    def _on_export(self) -> None:
        first, last, kinds = self._filters()
        suggested = f"logg-{first.isoformat()}-{last.isoformat()}.csv"
        dialogs = self.file_dialogs or FileDialogs(self._ctx.prefs, "CSV (*.csv)")
        chosen = dialogs.save_path(self, self.tr("Exportera loggen"), suggested)
        if not chosen:
            return
        desk = self._desk()
        Action(
            self._ctx, "audit export", lambda: desk.export_csv(Path(chosen), first, last, kinds)
        ).success(self._exported).failure(
            lambda sentence: self.tell(sentence, True),
            self.tr("Loggen kunde inte exporteras: filen gick inte att skriva."),
        ).run_in_background(self)

    def _exported(self, rows: int) -> None:
        self.reload()
        self.tell(self.tr("{0} händelser exporterades.").format(rows))
