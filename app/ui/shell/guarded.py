"""Combo boxes that change only when a person means it.

A closed combo box under the mouse takes the wheel, and a focused one takes the
arrow keys: a case worker scrolling the form, or pressing an arrow key out of
habit, would change an errand field or the service point unasked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

# Keys that step a closed combo box through its items.
_STEPPING_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}


class _ClosedComboGuard(QObject):
    """Swallows the wheel (and, if asked, stepping keys) of a combo box whose list is closed."""

    def __init__(self, combo: QComboBox, *, keys: bool) -> None:
        super().__init__(combo)
        self._keys = keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            return True
        if self._keys and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            if plain and event.key() in _STEPPING_KEYS:
                return True  # Alt+Down and F4 still open the list
        return False


def guard_combo(combo: QComboBox, *, keys: bool = False) -> QComboBox:
    """Let the wheel (and with keys=True the arrow keys) no longer change a closed combo box.

    The open list still scrolls and steps as usual: its events go to the list, not here.
    """
    combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    combo.installEventFilter(_ClosedComboGuard(combo, keys=keys))
    return combo
