"""The statistics tab: a placeholder until the statistics screen is built."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.shell.context import UiContext


class StatisticsView(QWidget):
    """Says plainly that statistics are not here yet; today's counts are on the other tabs."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statistics-view")
        label = QLabel(
            self.tr(
                "Statistik och export kommer i en senare version.\n"
                "Dagens köer och väntetider syns under Reception."
            )
        )
        label.setObjectName("statistics-placeholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
