"""The self-service kiosk (``servicedisk --kiosk``): a visitor takes a ticket on their own.

First the language, then what the visit is about, then the ticket: shown large,
printed and spoken. "I need help" issues a priority ticket and tells reception.
The kiosk acts as the kiosk (no one signs in) and cannot be left without a
manager's PIN (Ctrl+Shift+Q, or a finger held five seconds in the top right
corner). Left alone it goes back to its first page, after a warning that offers
more time. Outside the office's hours, past the cut-off, or when as many wait as
the office allows, it says so in every language it offers.

Accessible as EN 301 549 asks of closed functionality: speech starts with any
key or a finger held three seconds on the screen, and then reads each page and
each button as the focus reaches it (:mod:`app.ui.kiosk.keys`); every button is
reached by Tab, the arrow keys or a numeric keypad; larger text is one press away.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.office.visitor_texts import (
    VisitorLanguage,
    load_or_english,
    parse_languages,
)
from app.store.rows import Readable
from app.ui.kiosk.check_in import CheckInPage, KioskCheckIn
from app.ui.kiosk.keys import KeyNavigator
from app.ui.kiosk.pages import (
    STYLE,
    Choice,
    LanguagePage,
    NoticePage,
    Page,
    TicketPage,
    TopicPage,
)
from app.ui.kiosk.timing import IdleGuard, WarningBar
from app.ui.kiosk.voice import KioskVoice
from app.ui.shell.context import UiContext
from app.ui.shell.runner import PRESSES, WATCHING

log = logging.getLogger(__name__)

HOLD_TO_SPEAK_MS = 3000
HOLD_TO_UNLOCK_MS = 5000
CORNER_PX = 90  # the top right corner a manager holds to unlock
STATE_POLL_MS = 30_000  # the cut-off passes without a write: look again now and then
TICKET_SHOWN_S = 30  # the ticket page goes back to the start after this, untouched
LARGE_TEXT = 1.35


class KioskWindow(QWidget):
    """The kiosk: one full-screen window, locked."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        voice: KioskVoice | None = None,
        printer: Any = None,
        first_read: Readable | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle("Servicedisk – kiosk")
        self._ctx = ctx
        self.voice = voice if voice is not None else KioskVoice(parent=self)
        self._printer = printer
        self.language = "sv"
        self.speech_on = False
        self.large_text = False
        self.unlocked = False
        self.issuing = True
        self._busy = False
        self._reason: str | None = None
        self._rules: Any = None
        self._texts = load_or_english("sv")
        self._styled_for = 0.0
        self._build()
        self._idle = IdleGuard(self, self._on_idle_warning, self._start_over)
        self._warning.more_time.connect(self._on_more_time)
        self._keys = KeyNavigator(self)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self._on_held)
        self._hold_at = QPoint()
        self._swallow_release = False
        self._poll = QTimer(self)
        self._poll.setInterval(STATE_POLL_MS)
        self._poll.timeout.connect(self.reload)
        self._poll.start()
        quit_key = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        quit_key.activated.connect(self.ask_to_unlock)
        ctx.watcher.changed.connect(lambda _snapshot: self.reload())
        # Every touch and key of the app passes the kiosk first (idle time, holding, the
        # keypad): from the first turn of the event loop, out of the first paint's way.
        QTimer.singleShot(0, lambda: QApplication.instance().installEventFilter(self))  # type: ignore[union-attr]
        self._first_page(first_read)
        self._show(self.languages, speak=False)
        self.reload()

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.languages = LanguagePage()
        self.topics = TopicPage()
        self.ticket = TicketPage()
        self.notice = NoticePage()
        self.check_in = CheckInPage()
        self.stack = QStackedWidget()
        for page in (self.languages, self.topics, self.ticket, self.notice, self.check_in):
            self.stack.addWidget(page)
        self.text_size = QPushButton("A A+")
        self.text_size.setProperty("role", "small")
        self.text_size.setCheckable(True)
        self.text_size.setAccessibleName("Större text · Larger text")
        self.text_size.toggled.connect(self._on_text_size)
        self._warning = WarningBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self._warning)
        corner = QHBoxLayout()
        corner.setContentsMargins(48, 0, 48, 24)
        corner.addStretch(1)
        corner.addWidget(self.text_size)
        layout.addLayout(corner)
        self.languages.chosen.connect(self._on_language)
        self.languages.help_asked.connect(lambda: self._issue(None, help=True))
        self.topics.chosen.connect(lambda letter: self._issue(letter))
        self.topics.help_asked.connect(lambda: self._issue(None, help=True))
        self.topics.back.connect(self._start_over)
        self.topics.booked.connect(lambda: self._show(self.check_in))
        self.check_in.back.connect(self._start_over)
        self.check_in.walk_in.connect(self._walk_in_for_booking)
        self._checking_in = KioskCheckIn(self._ctx, self.check_in, self._on_issued, self.say, self)
        self.ticket.done.connect(self._start_over)
        self.ticket.tell_asked.connect(self._tell)
        self._restyle()

    def _restyle(self) -> None:
        # Before it is shown, for the screen it will fill (a kiosk starts full screen): a
        # style sheet polishes every child again, so once at start, not for 640×480 first.
        height = self.height() if self.isVisible() else self.screen().geometry().height()
        base = max(18, height // 34) * (LARGE_TEXT if self.large_text else 1)
        if base == self._styled_for:
            return  # a style sheet polishes every child again: only when the size changes
        self._styled_for = base
        sizes = (
            f"QWidget {{ font-size: {base:.0f}px; }}"
            f'QLabel[role="title"] {{ font-size: {base * 1.7:.0f}px; }}'
            f'QLabel[role="code"] {{ font-size: {base * 6:.0f}px; }}'
            f'QLabel[role="notice"] {{ font-size: {base * 1.3:.0f}px; }}'
            f"QPushButton {{ font-size: {base * 1.25:.0f}px; }}"
            f'QLabel[role="button-words"] {{ font-size: {base * 1.25:.0f}px; }}'
        )
        self.setStyleSheet(STYLE + sizes)
        self.topics.icon_size = int(base * 3)
        self.languages.icon_size = int(base * 2)
        self.topics.retext()
        self.languages.retext()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def _on_text_size(self, large: bool) -> None:
        self.large_text = large
        self._restyle()

    # ------------------------------------------------------------ the office's rules

    def _first_page(self, reader: Readable | None) -> None:
        """The first page at once, before the store has opened: the office's languages
        through start-up's quick reader, the queues from the first picture of the queue."""
        codes: tuple[str, ...] = ("sv", "en")
        if reader is not None:
            try:
                with reader.reading() as fetch:
                    rows = fetch("SELECT kiosk_languages FROM office ORDER BY id LIMIT 1", {})
                codes = parse_languages(str(rows[0][0] or "")) if rows else codes
            except Exception as exc:  # an older store: the full read follows in a moment
                log.info("kiosk languages not read at start: %s", exc)
        self.languages.set_languages(codes)
        snapshot = self._ctx.watcher.snapshot
        if snapshot is not None:
            self.topics.set_choices(
                [Choice(q.letter, "", q.label, q.label_en, ()) for q in snapshot.queues]
            )

    def reload(self) -> None:
        """Read the rules, the queues and whether it issues now (off the GUI thread)."""
        ctx = self._ctx

        def read() -> tuple[Any, Any, list[Choice]]:
            from app.services.office.info import agency_names, list_queues

            kiosk = ctx.kiosk  # here, off the GUI thread: the store may still be opening
            names = agency_names(kiosk.store)
            choices = [
                Choice(
                    q.letter,
                    q.code,
                    q.label,
                    q.label_en,
                    q.agency_codes,
                    tuple(names[c] for c in q.agency_codes if c in names),
                )
                for q in list_queues(kiosk.store)
            ]
            return kiosk.rules(), kiosk.state(), choices

        self._ctx.runner.submit(read, self._on_loaded, self._on_load_failed, lane=WATCHING)

    def _on_loaded(self, loaded: tuple[Any, Any, list[Choice]]) -> None:
        rules, state, choices = loaded
        self._rules = rules
        self._idle.seconds = rules.idle_seconds
        self.languages.set_languages(rules.languages)
        self.topics.set_choices(choices)
        self._reason = state.reason
        self.issuing = state.issuing
        if not state.issuing and self.stack.currentWidget() in (self.languages, self.topics):
            self._show_notice(state.reason or "closed")
        elif state.issuing and self.stack.currentWidget() is self.notice:
            self._start_over()

    def _on_load_failed(self, exc: Exception) -> None:
        log.warning("the kiosk could not read the office's rules: %s", exc)

    # ------------------------------------------------------------ the visitor's way

    def _show(self, page: Page, *, speak: bool = True) -> None:
        page.show_in(self._texts)
        self.stack.setCurrentWidget(page)
        target = page.first_focus()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        if speak and self.speech_on:
            self.say(page.spoken())
        warns = page in (self.topics, self.check_in)  # a visitor who walks away: start over
        self._idle.watch(warns, TICKET_SHOWN_S if page is self.ticket else None)

    def _on_language(self, code: str) -> None:
        self.language = code
        self._texts = load_or_english(code)
        self._show(self.topics)

    def _start_over(self) -> None:
        """Back to the first page, in Swedish, speech and large text off."""
        self._busy = False
        self.language, self._texts = "sv", load_or_english("sv")
        self.speech_on = False
        self.voice.stop()
        self.text_size.setChecked(False)
        self._warning.hide()
        if not self.issuing:
            self._show_notice(self._reason or "closed")
            return
        self._show(self.languages, speak=False)

    def _show_notice(self, reason: str, english: str = "") -> None:
        codes = self._rules.languages if self._rules is not None else ("sv", "en")
        self.notice.show_notice(reason, codes, english)
        self._show(self.notice)

    def _issue(self, letter: str | None, *, help: bool = False) -> None:
        if self._busy:
            return
        self._busy = True
        ctx, language = self._ctx, self.language

        def work() -> tuple[Any, Any]:
            from app.services.queue.views import queue_snapshot
            from app.ui.reception.printing import ticket_for

            kiosk = ctx.kiosk
            ref = kiosk.issue(letter, language, help=help)
            snapshot = queue_snapshot(kiosk.store, kiosk.clock)
            return ref, ticket_for(snapshot, ref.code, ctx.office_name)

        self._ctx.runner.submit(
            work,
            lambda done: self._on_issued(done[0], done[1]),
            self._on_issue_failed,
            lane=PRESSES,
        )

    def _on_issued(self, ref: Any, printout: Any, message: str | None = None) -> None:
        t = self._texts
        title = self._queue_title(ref.queue_letter)
        if message is None:  # a call for help says so (a check-in brings its own)
            message = t.text("help_sent", code=ref.code) if ref.booked else ""
        self.ticket.show_ticket(ref.code, title, printout.ahead, printout.wait_minutes, message)
        self._show(self.ticket, speak=False)
        self.say(self.ticket.spoken())  # the number and queue, always (EN 301 549 5.1.3.16)
        self._busy = False
        self._print(printout, helped=bool(ref.booked))

    def _walk_in_for_booking(self) -> None:
        """A late or cancelled booking: a walk-in ticket in its queue (else choose one)."""
        letter = self._checking_in.walk_in_letter
        if letter is None or letter not in self.topics.buttons:
            self._show(self.topics)
            return
        self._issue(letter)

    def _queue_title(self, letter: str) -> str:
        choice = next((c for c in self.topics._choices if c.letter == letter), None)
        return choice.words(self._texts)[0] if choice else letter

    def _print(self, printout: Any, *, helped: bool) -> None:
        from app.ui.reception.printing import QtTicketPrinter, for_worker, print_and_record

        if self._printer is None:
            from app.ui.reception.printing import PREFS_FILENAME
            from app.ui.shell.prefs import Prefs

            folder = self._ctx.settings.data_dir
            self._printer = QtTicketPrinter(folder / "tickets", Prefs(folder / PREFS_FILENAME))
        kiosk, printer, texts = self._ctx.kiosk, for_worker(self._printer), self._texts

        def printed(outcome: Any) -> None:
            if self.ticket.facts.get("code") != printout.code:
                return  # the visitor has gone on
            if outcome.status == "printed":  # on paper (not a PDF: the kiosk has no printer)
                if not helped:
                    self.ticket.set_message(texts.text("printed"))
            else:
                sentence = texts.text("print_failed", code=printout.code)
                self.ticket.set_message(sentence)
                self.say(sentence, interrupt=False)

        self._ctx.runner.submit(
            lambda: print_and_record(kiosk, printer, printout),  # type: ignore[arg-type]
            printed,
            lambda exc: log.error("kiosk print of %s failed: %s", printout.code, exc),
        )

    def _on_issue_failed(self, exc: Exception) -> None:
        from app.services.queue.kiosk import KioskClosedError, OfficeFullError

        self._busy = False
        if isinstance(exc, KioskClosedError | OfficeFullError):
            self._reason = "closed" if isinstance(exc, KioskClosedError) else "full"
            self.issuing = False
            self._show_notice(self._reason)
            return
        log.error("the kiosk could not issue a ticket: %s", exc)
        self._show_notice(
            "unavailable",
            "Kiosken fungerar inte just nu. Vänd dig till personalen. · "
            "The kiosk is not working right now. Please speak to the staff.",
        )
        QTimer.singleShot(TICKET_SHOWN_S * 1000, self._start_over)

    def _tell(self) -> None:
        """The visitor's own number, the people ahead and the wait now, read aloud (and the
        page's figures brought up to date)."""
        self.speech_on = True
        code, ctx, language = str(self.ticket.facts.get("code", "")), self._ctx, self.language

        def work() -> Any:
            from app.services.queue.telling import status_of

            return status_of(ctx.kiosk.snapshot(), code)

        def told(telling: Any) -> None:
            from app.services.queue.telling import Kind, tell

            if self.ticket.facts.get("code") != code:
                return  # the visitor has gone on
            if telling.kind is Kind.WAITING:
                self.ticket.update_place(telling.ahead, telling.minutes)
            spoken = language if self.voice.has(language) else "en"
            self.voice.say([(tell(telling, spoken), spoken)])

        ctx.runner.submit(work, told, lambda exc: log.warning("tell: %s", exc), lane=WATCHING)

    # ------------------------------------------------------------ speech

    @property
    def texts(self) -> VisitorLanguage:
        """The visitor texts of the language the kiosk speaks now."""
        return self._texts

    def say(self, text: str, *, interrupt: bool = True) -> None:
        """Say a text of the current page in the visitor's language (English where the
        kiosk has no voice for it, Swedish on the first page)."""
        language = self.language if self.stack.currentWidget() is not self.languages else "sv"
        if self.voice.has(language) or not self.voice.available:
            self.voice.say([(text, language)], interrupt=interrupt)
            return
        english = self._english_of(text)
        self.voice.say([(english, "en")], interrupt=interrupt)

    def _english_of(self, text: str) -> str:
        page = self.stack.currentWidget()
        if not isinstance(page, Page):
            return text
        page.show_in(load_or_english("en"))
        said = page.spoken()
        page.show_in(self._texts)
        return said

    def speak_focus(self, widget: QWidget) -> None:
        """Speech mode: read the button the focus has reached."""
        if self.speech_on:
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            if name:
                self.say(name.replace("\n", ". "))

    def start_speech(self) -> None:
        """Speech on (a key, or a finger held on the screen): read the page."""
        self.speech_on = True
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            self.say(page.spoken())

    # ------------------------------------------------------------ touch, keys, the lock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._idle.touched()
            position = getattr(event, "globalPosition", None)
            self._hold_at = position().toPoint() if position else QPoint()
            corner = self.mapToGlobal(QPoint(self.width() - CORNER_PX, CORNER_PX))
            in_corner = self._hold_at.x() >= corner.x() and self._hold_at.y() <= corner.y()
            self._hold.start(HOLD_TO_UNLOCK_MS if in_corner else HOLD_TO_SPEAK_MS)
            self._hold.setProperty("corner", in_corner)
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            self._hold.stop()
            if self._swallow_release:
                self._swallow_release = False
                return True  # the finger was held to start speech: it presses nothing
        elif kind == QEvent.Type.KeyPress and self.isVisible():
            self._idle.touched()
            if self.stack.currentWidget() is self.check_in and self.check_in.typed(event):
                return True  # the booking number, typed or scanned
            return self._keys.key_pressed(event)  # type: ignore[arg-type]
        return False

    def _on_held(self) -> None:
        self._swallow_release = True
        if self._hold.property("corner"):
            self.ask_to_unlock()
        else:
            self.start_speech()

    def ask_to_unlock(self) -> None:
        """A manager's login and PIN end the kiosk; nothing else does."""
        from app.ui.kiosk.lock import UnlockDialog

        dialog = UnlockDialog(self._ctx, self)
        if dialog.exec() and dialog.manager is not None:
            log.info("kiosk unlocked by %s", dialog.manager.login)
            self.unlocked = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A visitor's way out (Alt+F4, the window manager) is refused; the PC shutting down
        # (SIGTERM, a logout: the app quits) is not a visitor and ends the kiosk.
        if not self.unlocked and event.spontaneous():
            event.ignore()
            return
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        super().closeEvent(event)

    # ------------------------------------------------------------ idle

    def _on_idle_warning(self, seconds: int) -> None:
        sentence = self._texts.text("timeout_warning", seconds=seconds)
        self._warning.warn(sentence, self._texts.text("more_time"))
        if self.speech_on:
            self.say(sentence)

    def _on_more_time(self) -> None:
        self._warning.hide()
        self._idle.touched()
