"""Settings › Kiosk: the languages the self-service kiosk offers, its hours and its limits.

The languages are those with visitor texts (``app/resources/visitor``); Swedish and
English are always offered. A language whose texts no native speaker has checked
says so, so that the manager offers it knowingly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.office import visitor_texts
from app.services.office.info import OfficeInfo
from app.services.office.visitor_texts import VisitorLanguage
from app.services.setup.office_setup import LIMITS
from app.ui.settings.common import SettingsPage, named, revert_and_save
from app.ui.shell.access import tab_chain
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel

# An isolate keeps a right-to-left name ("العربية") from reordering the text around it.
ISOLATE, END_ISOLATE = "\u2068", "\u2069"
_PLAIN = str.maketrans("", "", ISOLATE + END_ISOLATE)  # a screen reader's name: no marks
LANGUAGE_COLUMNS = 2


@dataclass(frozen=True)
class KioskSetting:
    """What the page shows: the office's kiosk rules and the languages a kiosk can offer."""

    office: OfficeInfo
    languages: tuple[VisitorLanguage, ...]


def read_kiosk_setting(office: OfficeInfo) -> KioskSetting:
    """The office with the shipped visitor languages (read off the GUI thread: files)."""
    return KioskSetting(office, tuple(map(visitor_texts.load, visitor_texts.available())))


class KioskPage(SettingsPage):
    """The kiosk's languages and rules, saved together with one button."""

    revert_button: QPushButton  # set by revert_and_save
    save_button: QPushButton

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded: OfficeInfo | None = None
        self.languages: dict[str, QCheckBox] = {}  # code → its box, in the kiosk's order
        self._setup_ui()
        self.reload()

    def _setup_ui(self) -> None:
        self.setObjectName("settings-kiosk")
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(16)
        column.addWidget(self._languages_box(inner))
        column.addWidget(self._rules_box(inner))
        actions = revert_and_save(self, "kiosk")
        column.addLayout(actions)
        column.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a field Tab reaches scrolls into view
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _languages_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Språk på kiosken"), parent)
        layout = QVBoxLayout(box)
        layout.setSpacing(10)
        layout.addWidget(
            self._note(
                box,
                self.tr(
                    "Besökaren väljer språk på kioskens första sida. Svenska och engelska "
                    "finns alltid med. Kryssa i de språk som kontorets besökare behöver."
                ),
            )
        )
        self._language_grid = QGridLayout()
        self._language_grid.setHorizontalSpacing(32)
        self._language_grid.setVerticalSpacing(8)
        layout.addLayout(self._language_grid)
        return box

    def _rules_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Kölappar och skärm"), parent)
        layout = QVBoxLayout(box)
        layout.setSpacing(10)
        self.cutoff = self._spin("kiosk_cutoff_minutes", self.tr("Minuter före stängning"))
        self.cutoff.setAccessibleDescription(
            self.tr("Kiosken slutar dela ut kölappar så långt före stängning.")
        )
        self.idle = self._spin("kiosk_idle_seconds", self.tr("Sekunder utan tryck"))
        self.idle.setAccessibleDescription(
            self.tr("Kiosken går tillbaka till första sidan när ingen tryckt på så länge.")
        )
        self.max_waiting = self._spin(
            "max_waiting", self.tr("Högst antal väntande samtidigt, 0 är ingen gräns")
        )
        self.max_waiting.setAccessibleDescription(
            self.tr("Kiosken slutar dela ut kölappar när så många väntar.")
        )
        rows = (
            (self.tr("Sluta dela &ut kölappar"), self.cutoff, self.tr("minuter före stängning")),
            (self.tr("Börja &om efter"), self.idle, self.tr("sekunder utan tryck")),
            (
                self.tr("Hö&gst"),
                self.max_waiting,
                self.tr("väntande samtidigt (0 = ingen gräns)"),
            ),
        )
        grid = QGridLayout()  # the numbers one under the other
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        for row, (before, spin, after) in enumerate(rows):
            label = QLabel(before, box)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(QLabel(after, box), row, 2)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        layout.addWidget(
            self._note(
                box,
                self.tr(
                    "Receptionen kan alltid dela ut kölappar, också efter kioskens stopp "
                    "och när gränsen för väntande är nådd."
                ),
            )
        )
        text = self.tr(
            "Visa ”Följ din plats” i mobilen (kräver att statistiken skickas till den "
            "centrala mottagaren)"
        )
        self.live_page: QCheckBox = named(
            QCheckBox(text, box),
            "kiosk-live-page",
            text,
            self.tr("Kölappen får en QR-kod till besökarens plats i kön."),
        )
        layout.addWidget(self.live_page)
        layout.addWidget(
            self._note(
                box,
                self.tr(
                    "Kölappen får då en QR-kod, så att besökaren kan följa sin plats i kön "
                    "i mobilen. Mottagaren ställs in under Synk."
                ),
            )
        )
        return box

    def _spin(self, field: str, accessible: str) -> QSpinBox:
        low, high = LIMITS[field]
        spin: QSpinBox = named(QSpinBox(self), field.replace("_", "-"), accessible)
        spin.setRange(low, high)
        spin.setMinimumWidth(90)
        return spin

    def _note(self, parent: QWidget, text: str) -> QLabel:
        note = WrappedLabel(text, parent)
        note.setStyleSheet("color: #4a525a;")
        return note

    # ---------------------------------------------------------------- data

    def _language_text(self, language: VisitorLanguage) -> str:
        """ "Arabiska — العربية (ej granskad av modersmålstalare)"."""
        text = language.name_sv
        if language.name != language.name_sv:
            text += f" — {ISOLATE}{language.name}{END_ISOLATE}"
        if language.code in visitor_texts.ALWAYS_ON:
            text += self.tr(" (alltid med)")
        elif not language.reviewed:
            text += self.tr(" (ej granskad av modersmålstalare)")
        return text

    def _show_languages(
        self, offered: tuple[VisitorLanguage, ...], chosen: tuple[str, ...]
    ) -> None:
        """One box per language that can be offered, and per chosen one that no longer can."""
        texts = {language.code: self._language_text(language) for language in offered}
        for code in chosen:  # stored, but its texts are gone: shown, so that it can be removed
            texts.setdefault(code, self.tr("{0} (inga besökartexter finns)").format(code))
        shown = {code: box.text() for code, box in self.languages.items()}
        if shown != texts:  # new boxes only when the languages changed: focus stays put
            self._make_language_boxes(texts)
        for code, box in self.languages.items():
            box.setChecked(code in visitor_texts.ALWAYS_ON or code in chosen)

    def _make_language_boxes(self, texts: dict[str, str]) -> None:
        for old in self.languages.values():
            self._language_grid.removeWidget(old)
            old.setParent(None)  # gone from findChild at once
            old.deleteLater()
        self.languages = {}
        for index, (code, text) in enumerate(texts.items()):
            box: QCheckBox = named(
                QCheckBox(text, self),
                f"kiosk-language-{code}",
                text.translate(_PLAIN),
                self.tr("Kryssa i för att kiosken ska erbjuda språket."),
            )
            if code in visitor_texts.ALWAYS_ON:
                box.setEnabled(False)
                box.setToolTip(self.tr("Svenska och engelska finns alltid på kiosken."))
            self.languages[code] = box
            self._language_grid.addWidget(box, *divmod(index, LANGUAGE_COLUMNS))
        # New boxes come last in the Tab order: put the rules under them back after them.
        rules = (self.cutoff, self.idle, self.max_waiting, self.live_page)
        tab_chain((*self.languages.values(), *rules, self.revert_button, self.save_button))

    def chosen_languages(self) -> list[str]:
        """The codes ticked, in the page's order (Swedish and English first)."""
        return [code for code, box in self.languages.items() if box.isChecked()]

    def values(self) -> dict[str, Any]:
        """What the page holds, as update_office's keyword arguments."""
        return {
            "kiosk_languages": self.chosen_languages(),
            "kiosk_cutoff_minutes": self.cutoff.value(),
            "kiosk_idle_seconds": self.idle.value(),
            "max_waiting": self.max_waiting.value(),
            "live_page": self.live_page.isChecked(),
        }

    def _saved_values(self) -> dict[str, Any] | None:
        office = self._loaded
        if office is None:
            return None
        chosen = set(office.kiosk_languages) | set(visitor_texts.ALWAYS_ON)
        return {
            "kiosk_languages": [code for code in self.languages if code in chosen],
            "kiosk_cutoff_minutes": office.kiosk_cutoff_minutes,
            "kiosk_idle_seconds": office.kiosk_idle_seconds,
            "max_waiting": office.max_waiting or 0,
            "live_page": office.live_page,
        }

    def is_dirty(self) -> bool:
        """Whether the page holds changes not yet saved."""
        return self._loaded is not None and self.values() != self._saved_values()

    def _show(self, setting: KioskSetting) -> None:
        office = self._loaded = setting.office
        self._show_languages(setting.languages, office.kiosk_languages)
        self.cutoff.setValue(office.kiosk_cutoff_minutes)
        self.idle.setValue(office.kiosk_idle_seconds)
        self.max_waiting.setValue(office.max_waiting or 0)
        self.live_page.setChecked(office.live_page)

    def _read(self) -> KioskSetting:
        return read_kiosk_setting(self._ctx.setup.office())

    def reload(self) -> None:
        """Show the stored settings, unless the manager is in the middle of changing them."""
        if not self.is_dirty():
            self.read("read the kiosk settings", self._read, self._show_unless_changed)

    def _show_unless_changed(self, setting: KioskSetting) -> None:
        if not self.is_dirty():  # changed while it was being read: keep what was changed
            self._show(setting)

    # ---------------------------------------------------------------- slots

    def _on_revert(self) -> None:
        def reverted(setting: KioskSetting) -> None:
            self._show(setting)
            self.tell(self.tr("Ändringarna är ångrade."))

        self.read("read the kiosk settings", self._read, reverted)

    def _on_save(self) -> None:
        if not self.is_dirty():
            self.tell(self.tr("Inget att spara: inget är ändrat."))
            return
        values, desk = self.values(), self._ctx.setup
        self.run(lambda: read_kiosk_setting(desk.update_office(**values)), self._on_saved)

    def _on_saved(self, setting: KioskSetting) -> str:
        self._show(setting)
        return self.tr("Kioskens inställningar är sparade.")
