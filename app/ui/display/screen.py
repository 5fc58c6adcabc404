"""The waiting-room display: the current call very large, the latest calls, the queues, a clock.

Readable at six metres: every font is a share of the window's height (times a
zoom the office sets with Ctrl++ / Ctrl+- / Ctrl+0), light text on a very dark
blue. A new call flashes and is announced (chime, then speech) through the
Announcer's queue; a recall is announced again. Only a call that still stands
(its ticket called to, or served at, that point) is shown large; a no-show or a
ticket put back leaves the display. Outside opening hours a "closed" notice
shows, and the latest calls still do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
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

from app.services.office.calendar import OpeningHours, is_open_at, opening_times
from app.services.queue.views import CallView, QueueSnapshot, QueueStatus
from app.ui.display.announcer import Announcer
from app.ui.display.widgets import SECONDARY, STYLE, Sizer, WaitingCounts, set_size, set_text
from app.ui.shell.context import UiContext
from app.ui.shell.office_time import hhmm, local, office_zone

RECENT_ROWS = 5
ZOOM_KEY = "display/zoom"
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.6, 1.6, 0.1
FLASH_INTERVAL_MS = 400
FLASH_TOGGLES = 8  # an even number: the panel ends in its normal colours
DAYS_AHEAD = 14  # how far to look for the next opening
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
        self._flashes_left = 0
        self._zoom = self._saved_zoom()
        self._sizer = Sizer()
        self._setup_ui()
        self._flash_timer = self._timer(FLASH_INTERVAL_MS, self._on_flash_timeout)
        self._clock_timer = self._timer(1000, self._on_clock_timeout)
        self._prepare_timer = self._timer(PREPARE_SOUND_MS, self._on_prepare_timeout)
        self._prepare_timer.setSingleShot(True)
        self._clock_timer.start()
        ctx.watcher.changed.connect(self._on_changed)
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
        self.current_label = size.label("current", "", "current-call", bold=True, tone="accent")
        self.current_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._current_layout = QVBoxLayout(self.current_panel)
        self._current_layout.setSpacing(0)
        self._current_layout.addWidget(self._caption)
        self._current_layout.addWidget(self.current_label)

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
        self._relayout()

    def _relayout(self) -> None:
        """Size everything again, if anything that shapes the layout has changed."""
        key = (
            self.width(),
            self.height(),
            self._zoom,
            self._current_text,
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
        room = self.height() - gap - self.recent.geometry().top()
        self._fit_recent(room)
        self.waiting.fit(room, unit, title_unit)

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
        calls = snapshot.recent_calls
        set_text(self.office_label, snapshot.office_name)
        self._opening_hours = snapshot.opening_hours
        self._on_clock_timeout()
        self._show_calls(calls)
        self.waiting.update_queues(snapshot.queues, self._waiting_text)
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
                self.announcer.announce(call.code, call.point_number, recall=call.recall)
            self._start_flash()

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
        if self._caption.isVisibleTo(self) != (current is not None):
            self._caption.setVisible(current is not None)  # "now calling" over a welcome
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

    def _waiting_text(self, queue: QueueStatus) -> tuple[str, str]:
        """The count and wait in Swedish, and in English for the line beneath it."""
        if queue.waiting == 0:
            return self.tr("Ingen väntar"), self.tr("No one waiting")
        count, minutes = queue.waiting, queue.estimated_wait_minutes
        return (
            self.tr("{0} väntar · ca {1} min").format(count, minutes),
            self.tr("{0} waiting · about {1} min").format(count, minutes),
        )

    # ------------------------------------------------------------ clock and closed notice

    def _on_clock_timeout(self) -> None:
        now = self._ctx.clock.now()
        set_text(self.clock_label, hhmm(now))
        notice = (
            "" if is_open_at(self._opening_hours, now, office_zone()) else self._closed_text(now)
        )
        if notice != self.closed_notice.text() or self.closed_notice.isHidden() == bool(notice):
            self.closed_notice.setText(notice)
            self.closed_notice.setVisible(bool(notice))
            self._relayout()

    def _closed_text(self, now: datetime) -> str:
        closed = self.tr("Stängt / Closed")
        here = local(now)
        for ahead in range(DAYS_AHEAD):
            day = here.date() + timedelta(days=ahead)
            for start, _end in opening_times(self._opening_hours, day):
                if ahead == 0 and start <= here.time():
                    continue
                at = f"{start:%H:%M}"
                if ahead == 0:
                    when = self.tr("Öppnar kl. {0} / Opens at {0}").format(at)
                elif ahead == 1:
                    when = self.tr("Öppnar i morgon kl. {0} / Opens tomorrow at {0}").format(at)
                else:
                    sv, en = self._weekday_names(day.weekday())
                    when = self.tr("Öppnar {0} kl. {1} / Opens {2} at {1}").format(sv, at, en)
                return f"{closed}  ·  {when}"
        return closed

    def _weekday_names(self, weekday: int) -> tuple[str, str]:
        swedish = (
            self.tr("måndag"),
            self.tr("tisdag"),
            self.tr("onsdag"),
            self.tr("torsdag"),
            self.tr("fredag"),
            self.tr("lördag"),
            self.tr("söndag"),
        )
        english = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        return swedish[weekday], english[weekday]

    # ------------------------------------------------------------ flash

    def _start_flash(self) -> None:
        self._flashes_left = FLASH_TOGGLES
        self._set_inverted(True)
        self._flash_timer.start()

    def _on_flash_timeout(self) -> None:
        self._flashes_left -= 1
        if self._flashes_left <= 0:
            self._flash_timer.stop()
            self._set_inverted(False)
        else:
            self._set_inverted(not self.current_panel.property("inverted"))

    def _set_inverted(self, inverted: bool) -> None:
        self.current_panel.setProperty("inverted", inverted)
        for widget in (self.current_panel, *self.current_panel.findChildren(QLabel)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

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
        """Ctrl++ / Ctrl+- / Ctrl+0 zoom; F11 toggles full screen; Esc leaves it."""
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
        else:
            super().keyPressEvent(event)
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
        """Say in the corner when the calls are not heard, or only chimed."""
        if not self.announcer.has_sound:
            said = self.tr("Uppropen hörs inte: datorn har inget ljud")
        elif not self.announcer.has_voice:
            said = self.tr("Uppropen läses inte upp: ingen svensk röst")
        else:
            said = ""
        self.silent_label.setText(said)
        self.silent_label.setVisible(bool(said))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fonts follow the window's size."""
        super().resizeEvent(event)
        self._relayout()


def _event_id(call: CallView) -> int:
    return call.event_id
