"""Room for large text (WCAG 1.4.4): word-wrapped labels that ask for the height of their
lines, and a scroll area for the screens when they outgrow the window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.shell.focus_ring import GAP, WIDTH


class WrappedLabel(QLabel):
    """A word-wrapped label whose least height holds all its lines at the width it has.

    Qt passes a label's height for its width up through few layouts (not a button's own
    layout, a window's minimum size or a scroll area's): asked as the least height, every
    layout above makes room for the lines.
    """

    _placed = False  # given a width by its layout (before that: 100 px, not real)

    def __init__(self, text: str | QWidget = "", parent: QWidget | None = None) -> None:
        if isinstance(text, QWidget):  # as QLabel(parent)
            super().__init__("", text)
        else:
            super().__init__(text, parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        """Qt's, but as high as the lines at the label's width now."""
        hint = super().minimumSizeHint()
        if self._placed and self.text() and self.isVisible():  # (a hidden page's is stale)
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def hasHeightForWidth(self) -> bool:
        """No: its least height holds its lines already. (A layout takes the height for
        the width of what holds such a label as its least: a whole screen's, squeezing
        the rest below their own least sizes.)"""
        return False

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again (its page chosen): its lines count again."""
        super().showEvent(event)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """At a new width the lines break anew: ask the layouts for their height."""
        super().resizeEvent(event)
        self._placed = True
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class _LeastLayout(QVBoxLayout):
    """Sizes its one widget by the least sizes alone, its labels' lines included (see
    WrappedLabel): a scroll area asks a layout with height for width for its *preferred*
    height, which would scroll a screen that fits."""

    def hasHeightForWidth(self) -> bool:
        """No: the least sizes hold the wrapped lines already."""
        return False


class ScreenScroll(QScrollArea):
    """``content`` as large as the window, or as large as it must be and scrolled, when a
    large font makes it larger than the window (WCAG 1.4.4 and 1.4.10)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{content.objectName()}-scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the screen's controls
        holder = QWidget(self)
        holder.setObjectName(f"{content.objectName()}-holder")
        layout = _LeastLayout(holder)
        # Room above for the focus ring of the control at the top (the viewport clips it).
        layout.setContentsMargins(0, GAP + WIDTH, 0, 0)
        layout.addWidget(content)
        self.setWidget(holder)


def size_by_current_page(pages: QTabWidget | QStackedWidget) -> None:
    """Size a stack of pages (a tab widget's or a stacked widget) by its current page alone,
    not by the largest of them: a wide screen on another tab does not make this one scroll.
    The pages keep Qt's default size policy (Preferred) while shown."""
    stack = pages
    if isinstance(pages, QTabWidget):  # its pages lie in a stacked widget of its own
        stack = next(c for c in pages.children() if isinstance(c, QStackedWidget))
    assert isinstance(stack, QStackedWidget)
    shown = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    hidden = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def fit(*_: object) -> None:
        current = stack.currentWidget()
        for index in range(stack.count()):
            page = stack.widget(index)
            wanted = shown if page is current else hidden
            if page is not None and page.sizePolicy() != wanted:
                page.setSizePolicy(wanted)

    stack.currentChanged.connect(fit)
    # A screen is built in place of its stand-in: in first, the stand-in out after.
    stack.widgetRemoved.connect(fit)
    fit()
