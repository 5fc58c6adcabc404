"""Settings › Kontoret: the office's name, opening hours, call rules and record keeping."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTime
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.office.info import WEEKDAYS, OfficeInfo
from app.services.setup.office_setup import LIMITS
from app.ui.settings.common import SettingsPage, named, revert_and_save
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.table_model import QT_TRANSLATE_NOOP

DAY_NAMES = {
    "mon": QT_TRANSLATE_NOOP("OfficePage", "Måndag"),
    "tue": QT_TRANSLATE_NOOP("OfficePage", "Tisdag"),
    "wed": QT_TRANSLATE_NOOP("OfficePage", "Onsdag"),
    "thu": QT_TRANSLATE_NOOP("OfficePage", "Torsdag"),
    "fri": QT_TRANSLATE_NOOP("OfficePage", "Fredag"),
    "sat": QT_TRANSLATE_NOOP("OfficePage", "Lördag"),
    "sun": QT_TRANSLATE_NOOP("OfficePage", "Söndag"),
}
WIDE = 1150  # narrower than this, the rules go under the opening hours
RULE_FIELDS = (
    "recalls_before_no_show",
    "recall_min_seconds",
    "priority_ratio",
    "retention_days",
    "small_count_threshold",
    "backup_days",
    "idle_lock_minutes",
    "pin_min_length",
)


class DayHours:
    """One weekday's row: closed, opens, closes, and an optional pause in between."""

    def __init__(self, page: QWidget, day: str, name: str) -> None:
        self.closed = named(
            QCheckBox(QCoreApplication.translate("OfficePage", "Stängt"), page),
            f"hours-{day}-closed",
            QCoreApplication.translate("OfficePage", "{0} stängt").format(name),
            QCoreApplication.translate("OfficePage", "Kryssa i om kontoret har stängt hela dagen."),
        )
        self.open = self._time(
            page,
            f"hours-{day}-open",
            QCoreApplication.translate("OfficePage", "{0} öppnar").format(name),
        )
        self.close = self._time(
            page,
            f"hours-{day}-close",
            QCoreApplication.translate("OfficePage", "{0} stänger").format(name),
        )
        self.pause = named(
            QCheckBox(QCoreApplication.translate("OfficePage", "Paus"), page),
            f"hours-{day}-pause",
            QCoreApplication.translate("OfficePage", "{0} paus").format(name),
            QCoreApplication.translate(
                "OfficePage", "Kryssa i om kontoret stänger en stund mitt på dagen."
            ),
        )
        self.pause_start = self._time(
            page,
            f"hours-{day}-pause-start",
            QCoreApplication.translate("OfficePage", "{0} paus från").format(name),
        )
        self.pause_end = self._time(
            page,
            f"hours-{day}-pause-end",
            QCoreApplication.translate("OfficePage", "{0} paus till").format(name),
        )
        self.closed.toggled.connect(self._on_toggled)
        self.pause.toggled.connect(self._on_toggled)

    @staticmethod
    def _time(page: QWidget, name: str, accessible: str) -> QTimeEdit:
        edit = named(
            QTimeEdit(page),
            name,
            accessible,
            QCoreApplication.translate("OfficePage", "Klockslag, timmar och minuter."),
        )
        edit.setDisplayFormat("HH:mm")
        edit.setMinimumWidth(84)
        return edit

    def _on_toggled(self, _checked: bool) -> None:
        open_ = not self.closed.isChecked()
        for widget in (self.open, self.close, self.pause):
            widget.setEnabled(open_)
        for widget in (self.pause_start, self.pause_end):
            widget.setEnabled(open_ and self.pause.isChecked())

    def set(self, intervals: list[list[str]]) -> None:
        """Show a day's intervals (none: closed; two: a pause between them)."""
        first = intervals[0] if intervals else ["10:00", "16:00"]
        last = intervals[-1] if intervals else first
        self.open.setTime(QTime.fromString(first[0], "HH:mm"))
        self.close.setTime(QTime.fromString(last[1], "HH:mm"))
        paused = len(intervals) > 1
        self.pause_start.setTime(QTime.fromString(first[1] if paused else "12:00", "HH:mm"))
        self.pause_end.setTime(QTime.fromString(last[0] if paused else "13:00", "HH:mm"))
        self.pause.setChecked(paused)
        self.closed.setChecked(not intervals)
        self._on_toggled(True)

    def get(self) -> list[list[str]]:
        """The intervals as typed."""
        if self.closed.isChecked():
            return []
        opens, closes = self.open.time().toString("HH:mm"), self.close.time().toString("HH:mm")
        if not self.pause.isChecked():
            return [[opens, closes]]
        return [
            [opens, self.pause_start.time().toString("HH:mm")],
            [self.pause_end.time().toString("HH:mm"), closes],
        ]


class OfficePage(SettingsPage):
    """The office's own settings, saved together with one button."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded: OfficeInfo | None = None
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        self.setObjectName("settings-office")
        self._about = {  # each rule in a few words, for a screen reader
            "recalls_before_no_show": self.tr(
                "Så många upprop innan besökaren kan markeras som utebliven."
            ),
            "recall_min_seconds": self.tr("Så länge innan samma kölapp kan ropas upp igen."),
            "priority_ratio": self.tr("Förturslappar som ropas upp i rad före nästa vanliga."),
            "retention_days": self.tr("Besöken gallras efter så många dagar; summorna finns kvar."),
            "small_count_threshold": self.tr("Tal under gränsen slås ihop till övrigt."),
            "backup_days": self.tr("Så många dagar sparas säkerhetskopiorna."),
            "idle_lock_minutes": self.tr("En orörd skärm låses efter så lång tid."),
            "pin_min_length": self.tr("Kortaste kod som personalen får välja."),
        }
        inner = QWidget(self)
        self._columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, inner)
        columns.setContentsMargins(16, 16, 16, 16)
        columns.setSpacing(24)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(16)
        right.setSpacing(16)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        name_box = QGroupBox(self.tr("Kontoret"), inner)
        name_form = QFormLayout(name_box)
        self.name = named(
            QLineEdit(name_box),
            "office-name",
            self.tr("Kontorets namn"),
            self.tr("Som besökarna känner kontoret; syns på kölappen och skärmen."),
        )
        self.name.setMaxLength(120)
        name_form.addRow(self.tr("&Namn:"), self.name)
        left.addWidget(name_box)
        left.addWidget(self._hours_box(inner))
        left.addStretch(1)

        right.addWidget(self._calls_box(inner))
        right.addWidget(self._records_box(inner))
        right.addWidget(self._sign_in_box(inner))
        right.addStretch(1)
        actions = revert_and_save(self, "office")
        right.addLayout(actions)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a field Tab reaches scrolls into view
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side on a wide screen, one above the other on a narrow one."""
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)

    def _hours_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Öppettider"), parent)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        heads = ("", "", self.tr("Öppnar"), self.tr("Stänger"), "", self.tr("Paus från"))
        for column, text in enumerate((*heads, self.tr("till"))):
            if text:
                head = QLabel(text, box)
                head.setStyleSheet("font-weight: 600;")
                grid.addWidget(head, 0, column)
        self.days: dict[str, DayHours] = {}
        for row, day in enumerate(WEEKDAYS, start=1):
            name = self.tr(DAY_NAMES[day])
            hours = self.days[day] = DayHours(box, day, name)
            label = QLabel(name, box)
            label.setBuddy(hours.closed)
            widgets = (label, hours.closed, hours.open, hours.close, hours.pause)
            for column, widget in enumerate(widgets):
                grid.addWidget(widget, row, column)
            grid.addWidget(hours.pause_start, row, 5)
            grid.addWidget(hours.pause_end, row, 6)
        grid.setColumnStretch(7, 1)
        note = WrappedLabel(
            self.tr(
                "Öppettiderna styr demodata, uppskattningar och väntrumsskärmen. "
                "Receptionen kan alltid dela ut kölappar."
            ),
            box,
        )
        grid.addWidget(note, len(WEEKDAYS) + 1, 0, 1, 8)
        return box

    def _spin(self, field: str, accessible: str, suffix: str = "", special: str = "") -> QSpinBox:
        low, high = LIMITS[field]
        spin = named(QSpinBox(self), field.replace("_", "-"), accessible, self._about[field])
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        if special:
            spin.setSpecialValueText(special)
        spin.setMinimumWidth(140)
        return spin

    def _calls_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Upprop och förtur"), parent)
        form = QFormLayout(box)
        form.setVerticalSpacing(10)
        self.recalls = self._spin(
            "recalls_before_no_show", self.tr("Upprop innan uteblev"), self.tr(" upprop")
        )
        self.recall_seconds = self._spin(
            "recall_min_seconds", self.tr("Minsta tid mellan upprop"), self.tr(" sekunder")
        )
        self.priority = self._spin(
            "priority_ratio", self.tr("Förturslappar i följd"), "", self.tr("Ingen gräns")
        )
        form.addRow(self.tr("&Upprop innan uteblev:"), self.recalls)
        form.addRow(self.tr("&Minsta tid mellan upprop:"), self.recall_seconds)
        form.addRow(self.tr("&Förturslappar i följd:"), self.priority)
        form.addRow(
            self._note(
                box,
                self.tr(
                    "Så många förturslappar ropas upp i rad innan nästa vanliga "
                    "besökare, när båda väntar."
                ),
            )
        )
        return box

    def _records_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Statistik, gallring och låsning"), parent)
        form = QFormLayout(box)
        form.setVerticalSpacing(10)
        self.retention = self._spin("retention_days", self.tr("Gallringstid"), self.tr(" dagar"))
        self.threshold = self._spin(
            "small_count_threshold", self.tr("Gräns för små tal"), "", self.tr("Ingen")
        )
        self.backup_days = self._spin(
            "backup_days", self.tr("Säkerhetskopior sparas"), self.tr(" dagar")
        )
        form.addRow(self.tr("&Gallra besök efter:"), self.retention)
        form.addRow(self.tr("Spara säker&hetskopior i:"), self.backup_days)
        form.addRow(self.tr("Sl&å ihop tal under:"), self.threshold)
        self.idle_lock = self._spin(
            "idle_lock_minutes",
            self.tr("Lås skärmen efter"),
            self.tr(" minuter"),
            self.tr("Aldrig"),
        )
        form.addRow(self.tr("Lås s&kärmen efter:"), self.idle_lock)  # Alt+L: the Lucka tab
        form.addRow(
            self._note(
                box,
                self.tr(
                    "Små antal i rapporterna slås ihop till ”övrigt”, så att ingen "
                    "besökare kan pekas ut. En skärm som lämnas orörd låses, så att nästa "
                    "person måste logga in (väntrumsskärmen låses aldrig)."
                ),
            )
        )
        return box

    def _sign_in_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Koder och kommandoraden"), parent)
        form = QFormLayout(box)
        form.setVerticalSpacing(10)
        self.pin_min = self._spin("pin_min_length", self.tr("Kortaste kod"), self.tr(" tecken"))
        form.addRow(self.tr("K&ortaste kod:"), self.pin_min)
        self.cli_sign_in = named(
            QCheckBox(self.tr("Kommandoraden kräver kontorschefens kod"), box),
            "cli-sign-in",
            self.tr("Kommandoraden kräver kontorschefens kod"),
            self.tr("Kommandoraden frågar efter en kontorschefs kod innan den ändrar något."),
        )
        form.addRow(self.cli_sign_in)
        form.addRow(
            self._note(
                box,
                self.tr(
                    "Kontorschefens kod är alltid minst 6 tecken. Den som har en kortare "
                    "kod än regeln får välja en ny vid nästa inloggning. Med rutan ikryssad "
                    "frågar kommandoraden efter en kontorschefs användarnamn och kod innan "
                    "den ändrar personal, återställer eller gallrar."
                ),
            )
        )
        return box

    def _note(self, parent: QWidget, text: str) -> QLabel:
        note = WrappedLabel(text, parent)
        note.setStyleSheet("color: #4a525a;")
        return note

    # ---------------------------------------------------------------- data

    def _spins(self) -> dict[str, QSpinBox]:
        return dict(
            zip(
                RULE_FIELDS,
                (
                    self.recalls,
                    self.recall_seconds,
                    self.priority,
                    self.retention,
                    self.threshold,
                    self.backup_days,
                    self.idle_lock,
                    self.pin_min,
                ),
                strict=True,
            )
        )

    def values(self) -> dict[str, Any]:
        """What the form holds, as update_office's keyword arguments."""
        out: dict[str, Any] = {
            "name": self.name.text(),
            "opening_hours": {day: hours.get() for day, hours in self.days.items()},
        }
        out.update({field: spin.value() for field, spin in self._spins().items()})
        out["cli_sign_in"] = self.cli_sign_in.isChecked()
        return out

    def _show(self, office: OfficeInfo) -> None:
        self._loaded = office
        self.name.setText(office.name)
        for day, hours in self.days.items():
            hours.set(office.opening_hours.get(day, []))
        for field, spin in self._spins().items():
            spin.setValue(getattr(office, field))
        self.cli_sign_in.setChecked(office.cli_sign_in)

    def _saved_values(self) -> dict[str, Any] | None:
        if self._loaded is None:
            return None
        shown = {field: getattr(self._loaded, field) for field in RULE_FIELDS}
        shown["name"] = self._loaded.name
        shown["cli_sign_in"] = self._loaded.cli_sign_in
        shown["opening_hours"] = {d: self._loaded.opening_hours.get(d, []) for d in WEEKDAYS}
        return shown

    def is_dirty(self) -> bool:
        """Whether the form holds changes not yet saved."""
        return self._loaded is not None and self.values() != self._saved_values()

    def reload(self) -> None:
        """Show the stored settings, unless the user is in the middle of changing them."""
        if not self.is_dirty():
            self.read("read the office", self._ctx.setup.office, self._show_unless_changed)

    def _show_unless_changed(self, office: OfficeInfo) -> None:
        if not self.is_dirty():  # typed in while it was being read: keep what was typed
            self._show(office)

    # ---------------------------------------------------------------- slots

    def _on_revert(self) -> None:
        def reverted(office: OfficeInfo) -> None:
            self._show(office)
            self.tell(self.tr("Ändringarna är ångrade."))

        self.read("read the office", self._ctx.setup.office, reverted)

    def _on_save(self) -> None:
        if not self.is_dirty():
            self.tell(self.tr("Inget att spara: inget är ändrat."))
            return
        values, desk = self.values(), self._ctx.setup
        self.run(lambda: desk.update_office(**values), self._on_saved)

    def _on_saved(self, office: OfficeInfo) -> str:
        self._show(office)
        return self.tr("Kontorets inställningar är sparade.")
