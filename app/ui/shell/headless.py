"""A Qt application for the command line's Qt work (a printed ticket, a PDF report)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication


def ensure_application() -> None:
    """Make the QApplication painting needs, offscreen where there is no screen."""
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is not None:
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        # A script on a server without a screen can still print or write the PDF.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication(["servicedisk"])
