"""The waiting-room display: the current call very large, the latest calls, the queues, a clock.

Readable at six metres: every font is a share of the window's height (times a
zoom the office sets with Ctrl++ / Ctrl+- / Ctrl+0), light text on a very dark
blue. A new call flashes and is announced (chime, then speech) through the
Announcer's queue; a recall is announced again. Only a call that still stands
(its ticket called to, or served at, that point) is shown large; a no-show or a
ticket put back leaves the display. Outside opening hours a "closed" notice
shows, and the latest calls still do.

The headings are in Swedish and English, and in a third language that turns
through the languages of the visitors waiting (:mod:`app.ui.display.languages`).
A visitor may type their ticket code to hear their place (:mod:`app.ui.display.tell_me`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import (
    QFontInfo,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.office.calendar import OpeningHours, is_open_at
from app.services.office.visitor_texts import VisitorLanguage
from app.services.queue.telling import status_of, tell_texts
from app.services.queue.views import CallView, QueueSnapshot
from app.ui.display.announcer import Announcer
from app.ui.display.languages import LanguageRotation, show_in, waiting_languages
from app.ui.display.notices import closed_text, sound_state_text, waiting_text
from app.ui.display.tell_me import TELL_KEY, TellPanel, tell_keys
from app.ui.display.widgets import (
    SECONDARY,
    STYLE,
    Flasher,
    Sizer,
    WaitingCounts,
    set_size,
    set_text,
)
from app.ui.shell.context import UiContext
from app.ui.shell.office_time import hhmm, office_zone

RECENT_ROWS = 5
ZOOM_KEY = "display/zoom"
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.6, 1.6, 0.1
FLASH_INTERVAL_MS = 400
FLASH_TOGGLES = 8  # an even number: the panel ends in its normal colours
PREPARE_SOUND_MS = 500  # load the sound just after the window is up


class DisplayWindow(QWidget):
    """The waiting-room screen; a top-level window of its own."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, announcer: Announcer | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self._ctx = ctx
        self.announcer = announcer if announcer is not None else Announcer(parent=self)
        self._last_event_id: int | None = None
        self._opening_hours: OpeningHours = {}
        self._current_text = ""
        self._recent: list[CallView] = []
        self._visible_rows = RECENT_ROWS
        self._layout_key: tuple[object, ...] = ()
        self._zoom = self._saved_zoom()
        self._sizer = Sizer()
        self._snapshot: QueueSnapshot | None = None
        self._third: VisitorLanguage | None = None
        self.third = LanguageRotation(self)
        self.tell_keys = tell_keys(ctx.prefs.get_str(TELL_KEY), self)
        self._setup_ui()
        self._flasher = Flasher(self.current_panel, FLASH_INTERVAL_MS, FLASH_TOGGLES)
        self._flash_timer = self._flasher.timer
        self._clock_timer = self._timer(1000, self._on_clock_timeout)
        self._prepare_timer = self._timer(PREPARE_SOUND_MS, self._on_prepare_timeout)
        self._prepare_timer.setSingleShot(True)
        self._clock_timer.start()
        ctx.watcher.changed.connect(self._on_changed)
        self.third.changed.connect(self._on_third_changed)
        self.tell_keys.typed.connect(self.tell_panel.show_typing)
        self.tell_keys.asked.connect(self._on_asked)
        self.announcer.voice_missing.connect(self._on_voice_missing)
        self._load_first_snapshot()

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    # ------------------------------------------------------------ layout

    def _setup_ui(self) -> None:
        self.setObjectName("waiting-room-display")
        self.setAccessibleName(self.tr("Väntrumsskärm"))
        self.setWindowTitle(self.tr("Väntrumsskärm – {0}").format(self._ctx.office_name))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(STYLE)
        self.resize(1280, 720)
        size = self._sizer

        self.office_label = size.label("office", self._ctx.office_name, "display-office", bold=True)
        self.clock_label = size.label("clock", "", "display-clock", bold=True)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Discreet, for staff: the calls are shown but not heard (no sound, or no voice).
        self.silent_label = size.label("column", "", "display-silent", tone="muted")
        self.silent_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.silent_label.hide()
        header = QHBoxLayout()
        header.addWidget(self.office_label, 1)
        header.addWidget(self.silent_label)
        header.addWidget(self.clock_label)

        self.closed_notice = size.label("closed", "", "closed-notice", bold=True, tone="notice")
        self.closed_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.closed_notice.setWordWrap(True)
        self.closed_notice.hide()

        self.current_panel = QFrame()
        self.current_panel.setObjectName("current-panel")
        self.current_panel.setProperty("panel", "current")
        self.current_panel.setProperty("inverted", False)
        self._caption = size.label(
            "caption", self.tr("Nu ropas / Now calling"), "current-call-caption", tone="muted"
        )
        self._caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._caption_third = size.label("caption", "", "current-call-caption-third", tone="muted")
        self._caption_third.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._caption_third.hide()
        self.current_label = size.label("current", "", "current-call", bold=True, tone="accent")
        self.current_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._current_layout = QVBoxLayout(self.current_panel)
        self._current_layout.setSpacing(0)
        self._current_layout.addWidget(self._caption)
        self._current_layout.addWidget(self._caption_third)
        self._current_layout.addWidget(self.current_label)
        # A checked-in booking goes ahead of walk-ins at its time: the room sees why.
        self.booked_note = size.label("caption", "", "current-call-booked", tone="muted")
        self.booked_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.booked_note.hide()
        self._current_layout.addWidget(self.booked_note)

        self.recent = QFrame()
        self.recent.setObjectName("recent-calls")
        self.recent.setAccessibleName(self.tr("Senaste uppropen"))
        self._recent_grid = QGridLayout(self.recent)
        self._recent_grid.setContentsMargins(0, 0, 0, 0)
        self._recent_title = size.label(
            "section", self.tr("Senaste uppropen / Latest calls"), "recent-title", bold=True
        )
        self._recent_title.setProperty("tone", "accent")
        self._recent_title.setWordWrap(True)
        self._recent_grid.addWidget(self._recent_title, 0, 0, 1, 2)
        self._recent_heads = []
        for column, text in enumerate((self.tr("Nummer / Number"), self.tr("Lucka / Counter"))):
            head = size.label("column", text, f"recent-head-{column}", tone="muted")
            head.setWordWrap(True)
            self._recent_grid.addWidget(head, 1, column)
            self._recent_heads.append(head)
        self._recent_rows: list[tuple[QLabel, QLabel]] = []
        for row in range(RECENT_ROWS):
            code = size.label("recent", "", f"recent-code-{row}", bold=True)
            point = size.label("recent_point", "", f"recent-point-{row}")
            self._recent_grid.addWidget(code, row + 2, 0)
            self._recent_grid.addWidget(point, row + 2, 1)
            self._recent_rows.append((code, point))
        self._recent_grid.setColumnStretch(1, 1)
        self._recent_grid.setRowStretch(RECENT_ROWS + 2, 1)

        self.waiting = WaitingCounts(self.tr)
        self._bottom = QHBoxLayout()
        self._bottom.addWidget(self.recent, 5)
        self._bottom.addWidget(self.waiting, 7)

        self._layout = QVBoxLayout(self)
        # The window never grows to its contents: the contents shrink to the window.
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._layout.addLayout(header)
        self._layout.addWidget(self.closed_notice)
        self._layout.addWidget(self.current_panel)
        self._layout.addLayout(self._bottom, 1)
        for label in (self.office_label, self.clock_label, self.closed_notice, self.current_label):
            label.setAccessibleName(label.objectName())
        self.tell_panel = TellPanel(size, self.tr, self)
        self._base_family = QFontInfo(self.font()).family()
        self._relayout()

    def _relayout(self) -> None:
        """Size everything again, if anything that shapes the layout has changed."""
        key = (
            self.width(),
            self.height(),
            self._zoom,
            self._current_text,
            self._third.code if self._third else None,
            tuple((c.code, c.point_name) for c in self._recent),
            self.closed_notice.text(),
            self.waiting.texts(),
        )
        if key != self._layout_key:
            self._layout_key = key
            self._apply_sizes()

    def _apply_sizes(self) -> None:
        """Fonts, margins and how many rows fit, from the window's size and the zoom."""
        base = min(self.height() / 100, self.width() / 150)
        unit = base * self._zoom
        scales = dict.fromkeys(SECONDARY, min(1.0, 1.15 / self._zoom))
        self._sizer.apply(unit, scales)
        gap, pad = round(2.2 * base), round(1.6 * base)
        self._layout.setContentsMargins(gap * 2, gap, gap * 2, gap)
        self._layout.setSpacing(gap)
        self._bottom.setSpacing(gap * 2)
        self._current_layout.setContentsMargins(pad * 2, pad, pad * 2, pad)
        self._recent_grid.setHorizontalSpacing(round(4 * base))
        self._recent_grid.setVerticalSpacing(round(0.8 * unit))
        content = self.width() - 4 * gap
        scale = self._recent_scale(content)
        if scale < 1:  # zoomed in: the latest calls may take at most ~40 % of the width
            self._sizer.apply(unit, {**scales, "recent": scale, "recent_point": scale})
        self._fit_current(content - 4 * pad - round(2 * base))
        title_unit = unit * scales["section"]
        self.waiting.fit(10**6, unit, title_unit)  # full size: the layout shares width by it
        # Lay out now, with the new fonts, to measure the room left for the lists.
        for part in (self.current_panel, self.recent, self.waiting):
            inner = part.layout()
            if inner is not None:
                inner.invalidate()
            part.updateGeometry()
        self._layout.invalidate()
        self._layout.activate()
        top = self.recent.geometry().top()
        room = self.height() - gap - top
        self._fit_recent(room)
        self.waiting.fit(room, unit, title_unit)
        self.tell_panel.setGeometry(QRect(gap * 2, top, self.width() - 4 * gap, room))
        self.tell_panel.set_padding(pad * 2)

    def _fit_current(self, width: int) -> None:
        """Shrink the current call's font until the text fits the panel's width."""
        font = self.current_label.font()
        size = font.pixelSize()
        while size > 12 and QFontMetrics(font).horizontalAdvance(self._current_text) > width:
            size = int(size * 0.92)
            font.setPixelSize(size)
        set_size(self.current_label, size, True)

    def _recent_scale(self, width: int) -> float:
        code, point = self._recent_rows[0]
        names = [c.point_name for c in self._recent] or ["Lucka 10"]
        point_width = max(QFontMetrics(point.font()).horizontalAdvance(n) for n in names)
        natural = QFontMetrics(code.font()).horizontalAdvance("W000") + point_width
        natural += self._recent_grid.horizontalSpacing()
        return min(1.0, 0.4 * width / max(1, natural))

    def _fit_recent(self, room: int) -> None:
        width = max(1, self.recent.width())
        used = self._recent_title.heightForWidth(width)
        used += self._recent_heads[0].heightForWidth(width // 2)
        spacing = self._recent_grid.verticalSpacing()
        row = self._recent_rows[0][0].sizeHint().height() + spacing
        fits = max(1, (room - used - 2 * spacing) // max(1, row))
        self._visible_rows = min(RECENT_ROWS, fits)
        self._show_recent_rows()

    # ------------------------------------------------------------ data

    def _load_first_snapshot(self) -> None:
        """Show what is there now and remember the newest call, without announcing history."""
        snapshot = self._ctx.watcher.snapshot
        if snapshot is None:  # not read yet: the watcher reads it (off the GUI thread)
            self._ctx.watcher.refresh()
        else:
            self._on_changed(snapshot)
        self._on_clock_timeout()

    def _on_changed(self, snapshot: QueueSnapshot) -> None:
        self._snapshot = snapshot
        calls = snapshot.recent_calls
        set_text(self.office_label, snapshot.office_name)
        self._opening_hours = snapshot.opening_hours
        self._on_clock_timeout()
        self._show_calls(calls)
        self.waiting.update_queues(snapshot.queues, lambda queue: waiting_text(self.tr, queue))
        self.third.set_languages(waiting_languages(snapshot))
        self._relayout()
        newest = calls[0].event_id if calls else 0
        if self._last_event_id is None:
            self._last_event_id = newest
            return
        fresh = sorted((c for c in calls if c.event_id > self._last_event_id), key=_event_id)
        self._last_event_id = max(self._last_event_id, newest)
        # A call that no longer stands by the time it is read (returned at once) is not announced.
        fresh = [c for c in fresh if c.stands]
        if fresh and self.isVisible():  # a closed display stays silent
            for call in fresh:
                self.announcer.announce(
                    call.code, call.point_number, recall=call.recall, language=call.language
                )
            self._flasher.start()

    def _show_calls(self, calls: tuple[CallView, ...]) -> None:
        """The newest call that still stands, large; the others that matter, listed.

        A call stands while its ticket is called to, or served at, that service
        point. One that was marked no-show, returned to the queue, parked or
        transferred no longer does: it leaves the display, so nobody is sent to
        a counter that no longer expects them. A finished visit stays in the
        latest calls as history.
        """
        latest: list[CallView] = []
        seen: set[str] = set()
        for call in calls:  # newest first: only the newest call of a ticket counts
            if call.code not in seen:
                seen.add(call.code)
                latest.append(call)
        current = next((c for c in latest if c.stands), None)
        if current is not None:
            self._current_text = f"{current.code} → {current.point_name}"
        else:
            self._current_text = self.tr("Välkommen / Welcome")
        set_text(self.current_label, self._current_text)
        booked = current.appointment_at if current is not None else None
        note = self.tr("Bokad tid {0} / Booked time {0}").format(hhmm(booked)) if booked else ""
        set_text(self.booked_note, note)
        if self.booked_note.isVisibleTo(self) != bool(note):
            self.booked_note.setVisible(bool(note))
        if self._caption.isVisibleTo(self) != (current is not None):
            self._caption.setVisible(current is not None)  # "now calling" over a welcome
            self._show_third()
        self._recent = [c for c in latest if c is not current and (c.stands or c.served)]

    def _show_recent_rows(self) -> None:
        visible = self._recent[: self._visible_rows]
        for index, (code, point) in enumerate(self._recent_rows):
            call = visible[index] if index < len(visible) else None
            set_text(code, call.code if call else "")
            set_text(point, call.point_name if call else "")
            for label in (code, point):  # plain white: only the current call is yellow
                if label.isVisibleTo(self) != (call is not None):
                    label.setVisible(call is not None)
        summary = "; ".join(f"{c.code} → {c.point_name}" for c in visible)
        if self.recent.accessibleDescription() != summary:
            self.recent.setAccessibleDescription(summary)

    # ------------------------------------------------------------ the third language

    def _on_third_changed(self, language: VisitorLanguage | None) -> None:
        self._third = language
        self._show_third()
        self._relayout()

    def _show_third(self) -> None:
        """The headings in the third language, under the Swedish and English ones (or none)."""
        language, base = self._third, self._base_family
        calling = language if language and not self._caption.isHidden() else None
        serving = calling.text("now_serving") if calling else ""
        show_in(self._caption_third, serving, calling, base)
        waiting = language.text("waiting_now") if language else ""
        show_in(self.waiting.title_third, waiting, language, base)

    # ------------------------------------------------------------ the "tell me" key

    def _on_asked(self, code: str) -> None:
        """Say and show where the typed ticket stands, in its language and in Swedish."""
        if self._snapshot is None:
            return
        telling = status_of(self._snapshot, code)
        texts = tell_texts(telling)
        self.tell_panel.show_telling(telling.code, texts, self._base_family)
        self.announcer.say(texts)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        """Key releases belong to the "tell me" key."""
        self.tell_keys.key_release(event)

    # ------------------------------------------------------------ clock and closed notice

    def _on_clock_timeout(self) -> None:
        now = self._ctx.clock.now()
        set_text(self.clock_label, hhmm(now))
        hours = self._opening_hours
        notice = "" if is_open_at(hours, now, office_zone()) else closed_text(self.tr, hours, now)
        if notice != self.closed_notice.text() or self.closed_notice.isHidden() == bool(notice):
            self.closed_notice.setText(notice)
            self.closed_notice.setVisible(bool(notice))
            self._relayout()

    # ------------------------------------------------------------ zoom, full screen, sound

    @property
    def zoom(self) -> float:
        """The zoom factor on top of the size taken from the window's height."""
        return self._zoom

    def _saved_zoom(self) -> float:
        try:
            zoom = float(self._ctx.prefs.get_str(ZOOM_KEY, "1.0") or 1.0)
        except ValueError:
            zoom = 1.0
        return min(ZOOM_MAX, max(ZOOM_MIN, zoom))

    def set_zoom(self, zoom: float) -> None:
        """Change the zoom (kept for this workstation) and resize everything."""
        self._zoom = round(min(ZOOM_MAX, max(ZOOM_MIN, zoom)), 2)
        self._ctx.prefs.set(ZOOM_KEY, f"{self._zoom:.2f}")
        self._relayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl++ / Ctrl+- / Ctrl+0 zoom; F11 toggles full screen; Esc leaves it; else "tell me"."""
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)
        ):
            self.set_zoom(self._zoom + ZOOM_STEP)
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (ctrl and key == Qt.Key.Key_Minus):
            self.set_zoom(self._zoom - ZOOM_STEP)
        elif ctrl and key == Qt.Key.Key_0:
            self.set_zoom(1.0)
        elif key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:  # every other key is the visitor's: a ticket code, or nothing
            self.tell_keys.key_press(event)
            return
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        """No mouse pointer over the screen while it is full screen."""
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isFullScreen():
                self.setCursor(Qt.CursorShape.BlankCursor)
            else:
                self.unsetCursor()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Load the sound once the window is up, so the first call is not delayed."""
        super().showEvent(event)
        self._prepare_timer.start()

    def _on_prepare_timeout(self) -> None:
        self.announcer.prepare()
        self.show_sound_state()

    def show_sound_state(self) -> None:
        """Say in the corner when the calls are not heard, only chimed, or not in a language."""
        announcer = self.announcer
        said = sound_state_text(
            self.tr,
            sound=announcer.has_sound,
            voice=announcer.has_voice,
            missing=announcer.missing_voices,
        )
        self.silent_label.setText(said)
        self.silent_label.setVisible(bool(said))

    def _on_voice_missing(self, _language: str) -> None:
        self.show_sound_state()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fonts follow the window's size."""
        super().resizeEvent(event)
        self._relayout()


def _event_id(call: CallView) -> int:
    return call.event_id
