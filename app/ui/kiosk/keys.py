"""The kiosk without its touch screen (EN 301 549, 5.1.6): a keyboard or a numeric keypad.

Any key starts speech (5.2: startable without sight). Then Tab, the arrow keys
or the keypad's 2/8 (and 4/6) move between the buttons, each read aloud as the
focus reaches it; Enter, Space or 5 presses; Escape, Backspace or 0 goes back
to the start; * or F1 reads the page again; + and - make the voice louder or softer
(EN 301 549, 5.1.3.11: a headset's volume without sight). No other key does anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

if TYPE_CHECKING:
    from app.ui.kiosk.window import KioskWindow

K = Qt.Key
NEXT = {K.Key_Tab, K.Key_Down, K.Key_Right, K.Key_2, K.Key_6}
PREVIOUS = {K.Key_Backtab, K.Key_Up, K.Key_Left, K.Key_8, K.Key_4}
PRESS = {K.Key_Return, K.Key_Enter, K.Key_Space, K.Key_5}
BACK = {K.Key_Escape, K.Key_Backspace, K.Key_0}
REPEAT = {K.Key_Asterisk, K.Key_F1}
LOUDER, SOFTER = {K.Key_Plus}, {K.Key_Minus}
VOLUME_STEP = 0.15


class KeyNavigator:
    """Turns the kiosk's keys into focus moves, presses and speech."""

    def __init__(self, window: KioskWindow) -> None:
        self._window = window

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Handle a key anywhere in the kiosk; True when it was the kiosk's (all are)."""
        window = self._window
        key = Qt.Key(event.key())
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False  # Ctrl+Shift+Q, the manager's way out, goes to its shortcut
        if not window.speech_on:  # the first key starts speech and does nothing else
            window.start_speech()
            return True
        if key in NEXT or key in PREVIOUS:
            self._move(forward=key in NEXT)
        elif key in PRESS:
            focused = QApplication.focusWidget()
            if isinstance(focused, QAbstractButton) and window.isAncestorOf(focused):
                focused.click()
        elif key in BACK:
            window._start_over()
        elif key in REPEAT:
            window.start_speech()
        elif key in LOUDER or key in SOFTER:  # private listening: the volume without sight
            window.voice.louder(VOLUME_STEP if key in LOUDER else -VOLUME_STEP)
            window.say(window.texts.text("done"))  # a word at the new volume
        return True

    def _move(self, *, forward: bool) -> None:
        buttons = self._buttons()
        if not buttons:
            return
        focused = QApplication.focusWidget()
        index = buttons.index(focused) if focused in buttons else -1
        step = 1 if forward else -1
        target = buttons[(index + step) % len(buttons)] if index >= 0 else buttons[0]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        self._window.speak_focus(target)

    def _buttons(self) -> list[QWidget]:
        """The buttons the visitor can reach now, in reading order."""
        window = self._window
        page = window.stack.currentWidget()
        if page is None:
            return []
        found: list[QWidget] = [
            b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()
        ]
        found.sort(key=lambda b: (b.mapTo(window, b.rect().topLeft()).y(),
                                  b.mapTo(window, b.rect().topLeft()).x()))  # fmt: skip
        warning = window._warning
        if warning.isVisible():
            found.insert(0, warning.button)
        if window.text_size.isVisible():
            found.append(window.text_size)
        return found
