"""A focus ring that every staff control shows the same way, whatever its kind.

The styles' own focus marks are faint (a light-blue line on a field, a dotted
rectangle on a tab) and differ per widget; a border set in the style sheet
would change how combo and spin boxes are drawn. So one ring follows the focus
instead: a 2 px line in :data:`~app.ui.shell.style.FOCUS`, 2 px outside the
control (on a tab bar, around the current tab), on the window's own
background, where it has at least 3:1 contrast (WCAG 2.1 1.4.11 and 2.4.7).
It is an overlay in the control's window, so a layout without margins does
not clip it; only a scroll area's viewport does, as it clips the control.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTabBar, QWidget

from app.ui.shell.style import FOCUS

GAP = 2  # between the control and the ring: the background shows, whatever the control's colour
WIDTH = 2
_FOLLOWED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


class FocusRing(QWidget):
    """The ring of one window; :meth:`follow` makes those of a window and its dialogs."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._offset = (0, 0)  # the ring's whole rectangle, from this (clipped) widget's corner
        self._size = (0, 0)
        self._rings: list[FocusRing] = [self]  # the window's, then its dialogs' (on the first)
        self.hide()

    @staticmethod
    def follow(window: QWidget) -> FocusRing:
        """Ring the focused control of ``window`` and of every dialog opened over it."""
        ring = FocusRing(window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # A slot of the ring, not a closure: the connection ends with the window.
        app.focusChanged.connect(ring._on_focus_changed)
        return ring

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        window = self.parentWidget()
        if window is None:
            return
        self._rings = [ring for ring in self._rings if shiboken6.isValid(ring)]
        for ring in self._rings:
            if ring.target is not None and ring.target is not new:
                ring.ring(None)
        top = new.window() if new is not None else None
        if top is None or not _opened_over(top, window):
            return
        mine = next((ring for ring in self._rings if ring.parentWidget() is top), None)
        if mine is None:  # a dialog opened over the window: a ring of its own
            mine = FocusRing(top)
            self._rings.append(mine)
        mine.ring(new)

    def ring(self, target: QWidget | None) -> None:
        """Draw the ring around ``target`` (None: nowhere)."""
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        if isinstance(self.target, QTabBar) and shiboken6.isValid(self.target):
            self.target.currentChanged.disconnect(self._place)
        self.target, self._watched = target, []
        if target is not None:
            current: QWidget | None = target
            while current is not None and current is not self.parentWidget():
                current.installEventFilter(self)
                self._watched.append(current)
                current = current.parentWidget()
            if isinstance(target, QTabBar):
                target.currentChanged.connect(self._place)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The control or one of its parents moved, changed size, or was shown or hidden."""
        if event.type() in _FOLLOWED:
            self._place()
        return False

    def _place(self, *_args: object) -> None:
        target, window = self.target, self.parentWidget()
        if target is None or window is None or not shiboken6.isValid(target):
            self.hide()
            return
        if not target.isVisible():
            self.hide()
            return
        area = target.rect()
        if isinstance(target, QTabBar) and target.currentIndex() >= 0:
            area = target.tabRect(target.currentIndex())
        margin = GAP + WIDTH
        whole = QRect(target.mapTo(window, area.topLeft()), area.size()).adjusted(
            -margin, -margin, margin, margin
        )
        shown = whole
        parent = target.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent.parentWidget(), QAbstractScrollArea):  # a viewport clips
                viewport = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
                shown = shown.intersected(viewport)
            parent = parent.parentWidget()
        if shown.isEmpty():
            self.hide()
            return
        self._offset = (whole.x() - shown.x(), whole.y() - shown.y())
        self._size = (whole.width(), whole.height())
        self.setGeometry(shown)
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        """The ring: a rounded 2 px line, its inner edge 2 px off the control."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(FOCUS), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = WIDTH / 2
        x, y = self._offset
        w, h = self._size
        painter.drawRoundedRect(QRectF(x + half, y + half, w - WIDTH, h - WIDTH), 5, 5)


def _opened_over(top: QWidget, window: QWidget) -> bool:
    """Whether ``top`` is ``window`` or a dialog opened over it (at any depth)."""
    widget: QWidget | None = top
    while widget is not None:
        if widget is window:
            return True
        widget = widget.parentWidget()
    return False
