"""The idle lock's watch: a staff screen left without key or mouse input for the office's
idle time locks itself (never while a visitor is served at the point, up to a limit)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication


class IdleWatch(QObject):
    """Emits ``idle`` once when no key or mouse input reached the app for ``minutes``."""

    idle = Signal()
    CHECK_MS = 5_000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minutes = 0
        self.hold: Callable[[], bool] | None = None  # True: someone is served here, wait
        self._last = time.monotonic()
        self._fired = False
        self.timer = QTimer(self)
        self.timer.setObjectName("idle-lock")
        self.timer.setInterval(self.CHECK_MS)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT:
            self._last = time.monotonic()
            self._fired = False
        return False

    def arm(self, minutes: int) -> None:
        """Watch from now (0 minutes: never lock)."""
        self.minutes, self._last, self._fired = minutes, time.monotonic(), False
        if minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def idle_seconds(self) -> float:
        """Seconds since the last input."""
        return time.monotonic() - self._last

    # A screen is not locked while ``hold`` says a visitor is being served there (a visitor
    # may talk for twenty minutes while nobody touches the keys), but never held longer.
    MAX_HOLD_MINUTES = 60

    def check(self, *_: Any) -> None:
        """Emit ``idle`` when the time is up (once until the next input)."""
        if self.minutes <= 0 or self._fired or self.idle_seconds() < self.minutes * 60:
            return
        held = self.hold is not None and self.hold()
        if held and self.idle_seconds() < (self.minutes + self.MAX_HOLD_MINUTES) * 60:
            return
        self._fired = True
        self.idle.emit()
