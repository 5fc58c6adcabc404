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

STYLE = f"""
QWidget {{ color: {TEXT}; }}
QWidget:disabled {{ color: #6b7278; }}
QMainWindow, QDialog {{ background: {SURFACE}; }}
QPushButton {{
    padding: 6px 14px; border-radius: 6px; border: 1px solid #8a949e;
    background: white;
}}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #6b7278; background: #e6e9ec; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600;
}}
QPushButton[role="primary"]:focus {{ border: 3px solid #f1c232; }}
QPushButton[role="primary"]:disabled {{ background: #9fb3c8; color: #f4f6f8; }}
QPushButton[role="danger"] {{ color: {DANGER}; border-color: {DANGER}; }}
QPushButton[role="danger"]:disabled {{ color: #6b7278; border-color: #b0b7bd; }}
QTableView {{ background: white; gridline-color: #d5dade; selection-background-color: {ACCENT}; }}
QHeaderView::section {{ background: #e6e9ec; padding: 4px; border: none; font-weight: 600; }}
QTabBar::tab {{ padding: 8px 18px; font-size: 11pt; }}
QTabBar::tab:selected {{ font-weight: 700; border-bottom: 3px solid {ACCENT}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QLabel[role="error"] {{ color: {DANGER}; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: 14pt; font-weight: 700; }}
"""


def apply_style(app: QApplication) -> None:
    """Apply the shared style and a readable default font."""
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)
    app.setStyleSheet(STYLE)
