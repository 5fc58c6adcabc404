"""The look: a calm, high-contrast style shared by every screen."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

# Colours chosen for WCAG AA contrast against white text or dark text on light.
ACCENT = "#0b5394"
ACCENT_DARK = "#073763"
DANGER = "#a61c00"
OK = "#2e6b30"
SURFACE = "#f4f6f8"
TEXT = "#1b1f23"
# The focus ring (app.ui.shell.focus_ring) and the focused buttons' border: 7.4:1 against
# SURFACE, 8:1 against white and at least 7:1 against the amber bars the ring can sit on
# (tests/ui/test_staff_accessibility.py computes each).
FOCUS = "#0b4f9c"
# Where the ring is drawn: the window, the white cards and fields, the amber notice bars.
FOCUS_BACKGROUNDS = (SURFACE, "#ffffff", "#fff4ce", "#fff1d6", "#fff0c2")

BASE_PT = 11.0  # the smallest text staff get; the sizes below are for it and grow with it


def style_sheet(base_pt: float = BASE_PT) -> str:
    """The shared style for text of ``base_pt`` points: the tabs and headings grow with the
    system's font, as the rest of the text does (WCAG 1.4.4)."""
    heading = round(base_pt * 14 / BASE_PT, 1)
    return f"""
QWidget {{ color: {TEXT}; }}
QWidget:disabled {{ color: #6b7278; }}
QMainWindow, QDialog {{ background: {SURFACE}; }}
QPushButton {{
    padding: 6px 14px; border-radius: 6px; border: 1px solid #8a949e;
    background: white;
}}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 5px 13px; }}
QPushButton:disabled {{ color: #6b7278; background: #e6e9ec; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600;
}}
QPushButton[role="primary"]:focus {{ border: 2px solid white; }}
QPushButton[role="primary"]:disabled {{ background: #9fb3c8; color: #f4f6f8; }}
QPushButton[role="danger"] {{ color: {DANGER}; border-color: {DANGER}; }}
QPushButton[role="danger"]:focus {{ border: 2px solid {FOCUS}; }}
QPushButton[role="danger"]:disabled {{ color: #6b7278; border-color: #b0b7bd; }}
QTableView {{ background: white; gridline-color: #d5dade; selection-background-color: {ACCENT}; }}
QHeaderView::section {{ background: #e6e9ec; padding: 4px; border: none; font-weight: 600; }}
QTabBar::tab {{ padding: 8px 18px; font-size: {base_pt}pt; }}
QTabBar::tab:selected {{ font-weight: 700; border-bottom: 3px solid {ACCENT}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QLabel[role="error"] {{ color: {DANGER}; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: {heading}pt; font-weight: 700; }}
"""


STYLE = style_sheet()


def apply_style(app: QApplication) -> None:
    """Apply the shared style and a readable default font."""
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), BASE_PT))
    app.setFont(font)
    app.setStyleSheet(style_sheet(font.pointSizeF()))


# ------------------------------------------------------------ sizes relative to the font
# A screen's own sizes are chosen for text of BASE_PT and grow with the application's font
# (the system's, or a larger one set for a person), never shrink below what they were.

SHEET = "sized-sheet"  # the property holding a widget's style sheet as written, at BASE_PT
_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)pt")


def relative_pt(pt: float) -> float:
    """``pt`` (a size chosen for text of BASE_PT) for the application's font now."""
    return round(pt * max(QApplication.font().pointSizeF(), BASE_PT) / BASE_PT, 1)


def _application() -> QApplication:
    return cast(QApplication, QApplication.instance())


def scaled_sheet(sheet: str) -> str:
    """``sheet`` with each ``font-size: …pt`` grown with the application's font."""
    return _FONT_SIZE.sub(lambda m: f"font-size: {relative_pt(float(m[1]))}pt", sheet)


class _SheetFollower(QObject):
    """Sizes its widget's style sheet again when the application's font changes."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.setObjectName(SHEET)
        self._widget = widget
        _application().fontChanged.connect(self._on_font_changed)

    def _on_font_changed(self, _font: QFont) -> None:
        self._widget.setStyleSheet(scaled_sheet(str(self._widget.property(SHEET) or "")))


class _FontFollower(QObject):
    """Calls ``fit`` after each change of the application's font, once the style sheets
    have followed it, for as long as its widget lives."""

    def __init__(self, widget: QWidget, fit: Callable[[], None]) -> None:
        super().__init__(widget)
        self._fit = fit
        _application().fontChanged.connect(self._on_font_changed)

    def _on_font_changed(self, _font: QFont) -> None:
        QTimer.singleShot(0, self, self._fit)  # after the sheets' own re-polish


def follow_font(widget: QWidget, fit: Callable[[], None]) -> None:
    """Call ``fit`` now and whenever the application's font changes: for sizes worked out
    from the text (a row's fixed height, a heading's minimum), which Qt does not redo."""
    fit()
    _FontFollower(widget, fit)


def sized_sheet(widget: QWidget, sheet: str) -> None:
    """Give ``widget`` the style sheet ``sheet`` (written for BASE_PT), its point sizes
    following the application's font, now and when it changes (WCAG 1.4.4)."""
    sized = scaled_sheet(sheet)
    if widget.property(SHEET) == sheet and widget.styleSheet() == sized:
        return  # a new style sheet, even the same, polishes the widget again
    widget.setProperty(SHEET, sheet)
    widget.setStyleSheet(sized)
    if widget.findChild(_SheetFollower, SHEET) is None:
        _SheetFollower(widget)


class FitLabel(QLabel):
    """One big code ("A018"): ``pt`` points at BASE_PT, grown with the application's font,
    and smaller where the label's width or height cannot hold it, so it is never cut. It
    keeps to twice the application's font at least (its minimum size)."""

    def __init__(
        self, pt: float, parent: QWidget | None = None, weight: int = QFont.Weight.ExtraBold
    ) -> None:
        super().__init__(parent)
        self._pt = pt
        font = QFont(self.font())
        font.setWeight(QFont.Weight(weight))
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        _application().fontChanged.connect(self._on_font_changed)

    def _sized(self, pt: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(pt)
        return font

    def _hint(self, pt: float) -> tuple[int, int]:
        metrics = QFontMetricsF(self._sized(pt))
        margins = self.contentsMargins()
        width = metrics.horizontalAdvance(self.text()) + margins.left() + margins.right()
        height = metrics.height() + margins.top() + margins.bottom()
        return int(width) + 2, int(height) + 1

    def sizeHint(self) -> QSize:
        """The code at its full size."""
        return QSize(*self._hint(relative_pt(self._pt)))

    def minimumSizeHint(self) -> QSize:
        """The code at the least size it shrinks to."""
        return QSize(*self._hint(self._least()))

    def _least(self) -> float:
        return min(relative_pt(self._pt), 2 * max(QApplication.font().pointSizeF(), BASE_PT))

    def setText(self, text: str) -> None:
        """Show ``text``, as large as fits."""
        super().setText(text)
        self.updateGeometry()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """As large as the new size holds."""
        super().resizeEvent(event)
        self._fit()

    def _on_font_changed(self, _font: QFont) -> None:
        self.updateGeometry()
        self._fit()

    def _fit(self) -> None:
        want = relative_pt(self._pt)
        metrics = QFontMetricsF(self._sized(want))
        room = self.contentsRect()
        scale = 1.0
        if self.text() and metrics.horizontalAdvance(self.text()) > room.width():
            scale = room.width() / metrics.horizontalAdvance(self.text())
        if metrics.height() > room.height() > 0:
            scale = min(scale, room.height() / metrics.height())
        pt = max(self._least(), round(want * scale * 0.97, 1)) if scale < 1 else want
        if abs(self.font().pointSizeF() - pt) > 0.05:
            self.setFont(self._sized(pt))


class ElidedLabel(QLabel):
    """A line (of the status bar) that a narrow window or a large font cuts with "…", its
    whole text then in the tooltip; ``text()`` is always the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        """A few letters and "…": the rest of the line gives way to the window."""
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        least = self.fontMetrics().horizontalAdvance(self.text()[:4] + "…")
        return QSize(min(hint.width(), least + margins.left() + margins.right()), hint.height())

    def is_elided(self) -> bool:
        """Whether the line is cut to its width now."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def setText(self, text: str) -> None:
        """Show ``text`` (cut to the width, if need be)."""
        super().setText(text)
        self._update_tip()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Cut, or show whole, at the new width."""
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self) -> None:
        tip = self.text() if self.is_elided() else ""
        if tip != self._tip:  # a tooltip set by others stays while the line fits
            self._tip = tip
            self.setToolTip(tip)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The line, cut with "…" where it does not fit."""
        if not self.is_elided():
            super().paintEvent(event)
            return
        room = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, room.width()
        )
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            room,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
