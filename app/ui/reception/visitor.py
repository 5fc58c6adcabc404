"""Reception and the visitor: the language a ticket is issued in, and the kiosk's calls
for help, shown until someone at reception answers them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.shell.context import UiContext
from app.ui.shell.office_time import hhmm
from app.ui.shell.style import sized_sheet

log = logging.getLogger(__name__)

ALERT_STYLE = (
    "QFrame#help-alerts { background: #fff1d6; border: 2px solid #e07a00; border-radius: 6px; }"
    "QFrame#help-alerts QLabel { font-size: 12pt; font-weight: 600; color: #5a3000; }"
)


class LanguageChooser(QComboBox):
    """The visitor's language for the next ticket (Swedish unless chosen); the catalog's
    languages, those with the visitor's own texts on the printout first."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("visitor-language")
        self.setAccessibleName(self.tr("Besökarens språk för nästa kölapp"))
        self.setToolTip(
            self.tr(
                "Kölappen får instruktioner på besökarens språk, och handläggaren ser "
                "språket innan besökaren ropas upp."
            )
        )
        self.addItem(self.tr("Språk: svenska"), None)
        self._loaded = False

    def load(self) -> None:
        """Read the catalog's languages (off the GUI thread), once."""
        if self._loaded:
            return
        self._loaded = True
        ctx = self._ctx

        def read() -> list[tuple[str, str]]:
            from app.services.office import visitor_texts
            from app.services.office.info import list_languages

            own = visitor_texts.available()
            rows = [(code, label) for code, label in list_languages(ctx.store) if code != "sv"]
            return sorted(rows, key=lambda row: (row[0] not in own, rows.index(row)))

        ctx.runner.submit(read, self._fill, lambda exc: log.warning("languages: %s", exc))

    def _fill(self, rows: list[tuple[str, str]]) -> None:
        if not shiboken6.isValid(self):
            return
        for code, label in rows:
            self.addItem(self.tr("Språk: {0}").format(label.lower()), code)

    def code(self) -> str | None:
        """The chosen language's code (None: Swedish, as a ticket without one is)."""
        data = self.currentData()
        return data if isinstance(data, str) else None

    def reset(self) -> None:
        """Back to Swedish for the next visitor."""
        self.setCurrentIndex(0)


class HelpAlerts(QFrame):
    """ "A014 at the kiosk needs help (Persian), since 10:42" with "I'm going": one line per
    open call, on every reception screen until one of them answers it. ``changed``: the
    lines came or went (the screen puts their buttons in its Tab order)."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("help-alerts")
        sized_sheet(self, ALERT_STYLE)  # its sizes follow the application's font
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(10, 6, 10, 6)
        self._seen: set[int] = set()
        self._lines: dict[int, QWidget] = {}
        self._names: dict[str, str] = {}
        self._asked = 0
        self.hide()

    def refresh(self) -> None:
        """Read the open calls for help (off the GUI thread)."""
        ctx = self._ctx
        self._asked += 1
        asked = self._asked

        def read() -> tuple[list[Any], dict[str, str]]:
            from app.services.office.info import list_languages

            names = self._names or dict(list_languages(ctx.store))
            return ctx.queue.open_help_requests(), names

        def show(found: tuple[list[Any], dict[str, str]]) -> None:
            if asked == self._asked:  # reads run side by side: only the latest is shown
                self._show(found)

        ctx.runner.submit(read, show, self._failed)

    def _failed(self, exc: Exception) -> None:
        log.debug("help requests not read: %s", exc)  # not signed in yet, or offline: retried

    def _show(self, found: tuple[list[Any], dict[str, str]]) -> None:
        if not shiboken6.isValid(self):
            return
        requests, self._names = found
        wanted = {request.id: request for request in requests}
        shown = set(self._lines)
        for gone in set(self._lines) - set(wanted):
            line = self._lines.pop(gone)
            self._rows.removeWidget(line)
            line.deleteLater()
        for request in requests:
            if request.id not in self._lines:
                self._lines[request.id] = self._line(request)
                self._rows.addWidget(self._lines[request.id])
        if set(wanted) - self._seen:
            QApplication.beep()  # a new call: heard by whoever looks elsewhere
        self._seen |= set(wanted)
        self.setVisible(bool(requests))
        if set(self._lines) != shown:
            self.changed.emit()

    def buttons(self) -> list[QPushButton]:
        """The lines' "Jag går dit" buttons, top down."""
        found = (line.findChild(QPushButton) for line in self._lines.values())
        return [button for button in found if button is not None]

    def _line(self, request: Any) -> QWidget:
        line = QWidget(self)
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self._sentence(request.code, request.language, request.at))
        label.setObjectName("help-alert-text")
        button = QPushButton(self.tr("Jag går dit"))
        button.setObjectName("help-alert-answer")
        button.setAccessibleName(self.tr("Jag går till besökaren med {0}").format(request.code))
        button.setAccessibleDescription(self.tr("Visar de andra i receptionen att du går dit."))
        button.clicked.connect(lambda _=False, rid=request.id: self._answer(rid, button))
        row.addWidget(label, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return line

    def _sentence(self, code: str | None, language: str | None, at: datetime) -> str:
        said = self.tr("Besökare vid kiosken behöver hjälp")
        if code:
            said += self.tr(": {0}").format(code)
        if language and language != "sv":
            said += self.tr(" ({0})").format(self._names.get(language, language).lower())
        return said + self.tr(", sedan {0}").format(hhmm(at))

    def _answer(self, request_id: int, button: QPushButton) -> None:
        button.setEnabled(False)
        ctx = self._ctx

        def failed(exc: Exception) -> None:
            log.warning("help request not answered: %s", exc)
            self.refresh()

        ctx.runner.submit(
            lambda: ctx.queue.answer_help(request_id), lambda _answered: self.refresh(), failed
        )


class TellButton(QPushButton):
    """ "Läs upp": says the chosen ticket's place aloud at the counter, in the visitor's language
    and in Swedish (a visitor who cannot read the screen, or the list, hears it)."""

    def __init__(
        self, ctx: UiContext, chosen: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setText(self.tr("Läs upp"))
        self._ctx, self._chosen = ctx, chosen
        self.setObjectName("tell-visitor")
        self.setAccessibleName(self.tr("Läs upp vald kölapps plats i kön för besökaren"))
        self.setAccessibleDescription(
            self.tr("Säger numret, hur många som är före och väntetiden, på besökarens språk.")
        )
        self.setToolTip(
            self.tr("Säger numret, hur många som är före och väntetiden, på besökarens språk.")
        )
        self.voice: Any = None
        self.told: list[tuple[str, str]] = []  # (language, sentence), the last time
        self.clicked.connect(self._tell)

    def _tell(self) -> None:
        from app.services.queue.telling import status_of, tell_texts
        from app.ui.kiosk.voice import KioskVoice

        code, snapshot = self._chosen(), self._ctx.watcher.snapshot
        if code is None or snapshot is None:
            return
        self.told = tell_texts(status_of(snapshot, code))
        if self.voice is None:
            self.voice = KioskVoice(parent=self)
        self.voice.say([(sentence, language) for language, sentence in self.told])
