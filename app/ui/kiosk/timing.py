"""No timed step without a warning and a way to extend it (EN 301 549, 5.2.? / WCAG 2.2.1).

The kiosk goes back to its first page when left alone: on the page where a
visitor chooses, after the office's idle time, with a warning (shown, and
spoken in speech mode) and a "more time" button some seconds before; the
ticket page, where nothing is asked of the visitor, after a fixed time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

WARN_BEFORE_S = 15  # at most; a third of the idle time when that is shorter


class IdleGuard:
    """Counts the seconds since the last touch or key; warns, then starts over."""

    def __init__(
        self, parent: QWidget, warn: Callable[[int], None], start_over: Callable[[], None]
    ) -> None:
        self.seconds = 60
        self._warn, self._start_over = warn, start_over
        self._left = 0
        self._warned = False
        self._limit: int | None = None
        self._warns = False
        self._tick = QTimer(parent)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)

    def watch(self, warns: bool, fixed: int | None = None) -> None:
        """Watch this page: with a warning (``warns``), for a fixed time, or not at all."""
        self._warns = warns
        self._limit = fixed if fixed is not None else (self.seconds if warns else None)
        self.touched()

    def touched(self) -> None:
        """The visitor did something: the count starts again."""
        self._warned = False
        if self._limit is None:
            self._tick.stop()
            return
        self._left = self._limit
        self._tick.start()

    @property
    def left(self) -> int:
        """Seconds until the kiosk starts over (0 when it is not counting)."""
        return self._left if self._tick.isActive() else 0

    def _on_tick(self) -> None:
        self._left -= 1
        lead = min(WARN_BEFORE_S, max(1, (self._limit or 0) // 3))
        if self._left <= 0:
            self._tick.stop()
            self._start_over()
        elif self._warns and self._left <= lead:
            self._warned = True
            self._warn(self._left)


class WarningBar(QFrame):
    """ "The screen starts over in 12 seconds" and the button that gives more time."""

    more_time = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-warning")
        self.setStyleSheet(
            "QFrame#kiosk-warning { background: #fff4e0; border-top: 4px solid #e07a00; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setProperty("role", "help")
        self.button.clicked.connect(self.more_time)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(36, 18, 36, 18)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def warn(self, sentence: str, more: str) -> None:
        """Show (or update) the warning."""
        self.label.setText(sentence)
        self.button.setText(more)
        self.button.setAccessibleName(more)
        if not self.isVisible():
            self.show()
            self.button.setFocus()
