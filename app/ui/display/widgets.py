"""Parts of the waiting-room display: its colours, labels sized by the window, the queue list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.services.queue.views import QueueStatus

# Very dark blue with white and yellow: contrast over 12:1 (WCAG AAA asks 7:1).
BACKGROUND = "#061631"
PANEL = "#0f2a55"
TEXT = "#ffffff"
MUTED = "#c6d3e8"
ACCENT = "#ffd84d"

STYLE = f"""
DisplayWindow {{ background: {BACKGROUND}; }}
DisplayWindow QLabel {{ color: {TEXT}; background: transparent; }}
QLabel[tone="muted"] {{ color: {MUTED}; }}
QLabel[tone="accent"] {{ color: {ACCENT}; }}
QLabel[tone="notice"] {{
    background: {ACCENT}; color: {BACKGROUND}; border-radius: 10px; padding: 4px 16px;
}}
QFrame[panel="current"] {{ background: {PANEL}; border: 3px solid {ACCENT}; border-radius: 20px; }}
QFrame[panel="current"][inverted="true"] {{ background: {ACCENT}; }}
QFrame[panel="current"][inverted="true"] QLabel {{ color: {BACKGROUND}; }}
QLabel[badge="true"] {{ background: {ACCENT}; color: {BACKGROUND}; border-radius: 8px; }}
QFrame[panel="cover"] {{ background: {BACKGROUND}; }}
QFrame[panel="tell"] {{ background: {PANEL}; border: 3px solid {ACCENT}; border-radius: 20px; }}
"""

# Font sizes in hundredths of the window's height (at zoom 1).
SIZES = {
    "office": 3.6,
    "clock": 5.4,
    "closed": 3.4,
    "caption": 3.2,
    "current": 17.0,
    "section": 3.4,
    "column": 2.4,
    "recent": 6.6,
    "recent_point": 5.6,
    "badge": 4.8,
    "queue": 3.4,
    "queue_en": 2.5,
    "count": 3.2,
    "tell_code": 12.0,
    "tell_text": 4.4,
}
# Headings: zoom is for the calls, these grow only a little to leave them the room.
SECONDARY = ("caption", "section", "column")


def make_label(text: str, name: str, tone: str | None = None) -> QLabel:
    """A label a test or a screen reader can find by name."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setAccessibleName(name)
    if tone:
        label.setProperty("tone", tone)
    return label


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changes (the display refreshes often)."""
    if label.text() != text:
        label.setText(text)


def set_size(widget: QWidget, pixels: int, bold: bool) -> None:
    """Set a widget's font size in pixels, only when it changes."""
    font = widget.font()
    pixels = max(8, pixels)
    if font.pixelSize() != pixels or font.bold() != bold:
        font = QFont(font)
        font.setPixelSize(pixels)
        font.setBold(bold)
        widget.setFont(font)


def role_pixels(role: str, unit: float) -> int:
    """The font size of a role for a unit (pixels per hundredth of the height)."""
    return round(SIZES[role] * unit)


class Sizer:
    """Labels whose font is a share of the window's height."""

    def __init__(self) -> None:
        self._labels: list[tuple[QLabel, str, bool]] = []

    def label(
        self, role: str, text: str, name: str, *, bold: bool = False, tone: str | None = None
    ) -> QLabel:
        """A new label sized by role."""
        label = make_label(text, name, tone)
        self._labels.append((label, role, bold))
        return label

    def apply(self, unit: float, scales: dict[str, float]) -> None:
        """Size every label for this unit, a role's scale on top."""
        for label, role, bold in self._labels:
            set_size(label, role_pixels(role, unit * scales.get(role, 1.0)), bold)


class Flasher(QObject):
    """Flashes a panel: its "inverted" property toggled so many times (even: it ends as it was)."""

    def __init__(self, panel: QFrame, interval_ms: int, toggles: int) -> None:
        super().__init__(panel)
        self._panel, self._toggles, self._left = panel, toggles, 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timeout)

    def start(self) -> None:
        """Flash from now (again from the start if it is flashing)."""
        self._left = self._toggles
        self._set_inverted(True)
        self.timer.start()

    def _on_timeout(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.timer.stop()
            self._set_inverted(False)
        else:
            self._set_inverted(not self._panel.property("inverted"))

    def _set_inverted(self, inverted: bool) -> None:
        self._panel.setProperty("inverted", inverted)
        for widget in (self._panel, *self._panel.findChildren(QLabel)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


Row = tuple[QLabel, QLabel, QLabel, QLabel, QLabel]  # badge, name, English, count, count in English


class WaitingCounts(QFrame):
    """Per queue: its letter, its label, how many wait and for how long; English beneath.

    Under the title, a third language's "waiting" when the display shows one.
    """

    def __init__(self, tr: Callable[[str], str]) -> None:
        super().__init__()
        self.setObjectName("waiting-counts")
        self.setAccessibleName(tr("Väntande per kö"))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.title = make_label(tr("I kö nu / Waiting now"), "waiting-title", "accent")
        self.title.setWordWrap(True)
        self.title_third = make_label("", "waiting-title-third", "accent")
        self.title_third.setWordWrap(True)
        self.title_third.hide()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.title_third)
        self._grid.addLayout(titles, 0, 0, 1, 3)
        self._grid.setColumnStretch(1, 1)
        self._rows: dict[str, Row] = {}
        self._keys: tuple[tuple[str, str, str | None], ...] = ()

    def texts(self) -> tuple[str, ...]:
        """What the rows say now (the display lays out again when it changes)."""
        counts = tuple(f"{c.text()}|{en.text()}" for *_, c, en in self._rows.values())
        return counts + self._keys_text()

    def _keys_text(self) -> tuple[str, ...]:
        return tuple(f"{letter}{label}{en}" for letter, label, en in self._keys)

    def update_queues(
        self, queues: tuple[QueueStatus, ...], text: Callable[[QueueStatus], tuple[str, str]]
    ) -> None:
        """Show these queues; text(queue) gives the count and wait line in Swedish and English."""
        keys = tuple((q.letter, q.label, q.label_en) for q in queues)
        if keys != self._keys:
            self._rebuild(keys)
        lines = []
        for queue in queues:
            swedish, english = text(queue)
            *_, count, count_en = self._rows[queue.letter]
            set_text(count, swedish)
            set_text(count_en, english)
            lines.append(f"{queue.letter} {queue.label}: {swedish} / {english}")
        description = "; ".join(lines)
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)

    def _rebuild(self, keys: tuple[tuple[str, str, str | None], ...]) -> None:
        for widgets in self._rows.values():
            for widget in widgets:
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._rows = {}
        self._keys = keys
        for row, (letter, label, label_en) in enumerate(keys, start=1):
            badge = make_label(letter, f"waiting-letter-{letter}")
            badge.setProperty("badge", True)
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name = make_label(label, f"waiting-label-{letter}")
            name.setWordWrap(True)
            english = make_label(label_en or "", f"waiting-label-en-{letter}", "muted")
            english.setWordWrap(True)
            english.setVisible(bool(label_en))
            count = make_label("", f"waiting-count-{letter}")
            count_en = make_label("", f"waiting-count-en-{letter}", "muted")
            counts = QVBoxLayout()
            counts.setSpacing(0)
            counts.addStretch(1)
            for line in (count, count_en):
                line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                counts.addWidget(line)
            counts.addStretch(1)
            names = QVBoxLayout()
            names.setSpacing(0)
            names.addWidget(name)
            names.addWidget(english)
            self._grid.addWidget(badge, row, 0, Qt.AlignmentFlag.AlignVCenter)
            self._grid.addLayout(names, row, 1)
            self._grid.addLayout(counts, row, 2)
            self._rows[letter] = (badge, name, english, count, count_en)
        self._grid.setRowStretch(len(keys) + 1, 1)

    def fit(self, room: int, unit: float, title_unit: float) -> None:
        """Size the rows for the unit, smaller if they would not fit in room pixels."""
        set_size(self.title, role_pixels("section", title_unit), True)
        set_size(self.title_third, role_pixels("section", title_unit), False)
        room -= self.title.heightForWidth(max(1, self.width())) + self._grid.verticalSpacing()
        if not self.title_third.isHidden():
            room -= self.title_third.heightForWidth(max(1, self.width()))
        scale = 1.0
        for _attempt in range(8):
            self._size_rows(unit * scale)
            height, width = self._rows_height(), self._rows_width()
            if (height <= room and width <= self.width()) or scale < 0.4:
                break
            scale *= max(0.6, min(room / height, self.width() / width))

    def _rows_height(self) -> int:
        spacing = self._grid.verticalSpacing()
        total = 0
        for badge, name, english, count, count_en in self._rows.values():
            text = self.width() - badge.width() - _counts_width(count, count_en)
            text = max(1, text - 2 * self._grid.horizontalSpacing())
            names = name.heightForWidth(text)
            if english.isVisibleTo(self):
                names += english.heightForWidth(text)
            counts = count.sizeHint().height() + count_en.sizeHint().height()
            total += max(badge.height(), names, counts) + spacing
        return max(1, total)

    def _rows_width(self) -> int:
        """The narrowest the rows can be without cutting a word or a count."""
        widest = 1
        for badge, name, _english, count, count_en in self._rows.values():
            words = QFontMetrics(name.font())
            word = max((words.horizontalAdvance(w) for w in name.text().split()), default=0)
            fixed = badge.width() + _counts_width(count, count_en)
            fixed += 2 * self._grid.horizontalSpacing()
            widest = max(widest, fixed + word)
        return widest

    def _size_rows(self, unit: float) -> None:
        horizontal, vertical = round(1.6 * unit), round(1.4 * unit)
        if (self._grid.horizontalSpacing(), self._grid.verticalSpacing()) != (
            horizontal,
            vertical,
        ):
            self._grid.setHorizontalSpacing(horizontal)
            self._grid.setVerticalSpacing(vertical)
        side = round(SIZES["badge"] * unit * 1.45)
        for badge, name, english, count, count_en in self._rows.values():
            set_size(badge, role_pixels("badge", unit), True)
            if badge.width() != side or badge.height() != side:
                badge.setFixedSize(side, side)
            set_size(name, role_pixels("queue", unit), True)
            set_size(english, role_pixels("queue_en", unit), False)
            set_size(count, role_pixels("count", unit), True)
            set_size(count_en, role_pixels("queue_en", unit), False)


def _counts_width(count: QLabel, count_en: QLabel) -> int:
    """The width of a row's count column: the wider of its Swedish and English lines."""
    return max(count.sizeHint().width(), count_en.sizeHint().width())
