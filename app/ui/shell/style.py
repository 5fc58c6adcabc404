"""The look: a calm, high-contrast style shared by every screen."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

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
