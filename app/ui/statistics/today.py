"""The live "I dag" strip of the Statistik tab: the queue now and today's figures so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from app.services.queue.views import QueueSnapshot
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.marks import QT_TRANSLATE_NOOP
from app.ui.shell.style import sized_sheet
from app.ui.statistics.table import minutes_text, service_level_name


class TodayPanel(QGroupBox):
    """Today at a glance: the live queue and today's figures so far."""

    FIELDS = (
        ("waiting", QT_TRANSLATE_NOOP("TodayPanel", "Väntar nu")),
        ("longest", QT_TRANSLATE_NOOP("TodayPanel", "Längsta väntan nu")),
        ("served", QT_TRANSLATE_NOOP("TodayPanel", "Betjänade")),
        ("median", QT_TRANSLATE_NOOP("TodayPanel", "Väntetid, median")),
        ("level", ""),  # the service level's one name, with the office's threshold
        ("no_shows", QT_TRANSLATE_NOOP("TodayPanel", "Uteblev")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("I dag"))
        self.setObjectName("today-panel")
        grid = QGridLayout(self)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(self.FIELDS):
            label = QLabel(self.tr(caption) if caption else service_level_name(15, False), self)
            label.setObjectName(f"today-{key}-caption")
            value = QLabel("–", self)
            value.setObjectName(f"today-{key}")
            sized_sheet(value, "font-size: 18pt; font-weight: 700;")  # grows with the font
            grid.addWidget(value, 0, i)
            grid.addWidget(label, 1, i)
            self.values[key], self.captions[key] = value, label
        self.queues = WrappedLabel(self)
        self.queues.setObjectName("today-queues")
        grid.addWidget(self.queues, 2, 0, 1, len(self.FIELDS))

    def show_live(self, snapshot: QueueSnapshot) -> None:
        """What the queue holds now."""
        waits = [t.wait_seconds for t in snapshot.waiting]
        self.values["waiting"].setText(str(len(waits)))
        self.values["longest"].setText(minutes_text(max(waits)) if waits else "–")
        parts = []
        for q in snapshot.queues:
            bar = "▮" * min(q.waiting, 30)
            parts.append(f"<b>{q.letter}</b> {q.waiting} {bar}")
        self.queues.setText("&nbsp;&nbsp;&nbsp;".join(parts))

    def show_figures(self, figures: dict[str, Any]) -> None:
        """Today's figures so far."""
        t = figures["totals"]
        self.values["served"].setText(str(t["served"]))
        self.values["median"].setText(minutes_text(t["wait_median_s"]))
        level = t["service_level"]
        self.values["level"].setText("–" if level is None else f"{level:.0f} %")
        threshold = figures["service_level_threshold_min"]
        self.captions["level"].setText(service_level_name(threshold, False))
        self.values["no_shows"].setText(str(t["no_shows"]))
