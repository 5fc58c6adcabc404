"""Text that scales with the system's font without being cut off (WCAG 2.1 AA 1.4.4).

Reception, the service point with a visitor called, the statistics' "I dag" strip and the
first settings section, at the staff's usual font (100 %) and at twice its size (200 %),
in a 1280×800 window: every label and button shows its whole text, and the screens' big
numbers (the ticket, the service timer, the figures of the day) grow with the font. The
status bar's lines are cut with "…" on a narrow window, their whole text in the tooltip.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from app.ui.shell.context import UiContext
from app.ui.shell.style import ElidedLabel
from tests.ui.test_staff_accessibility import _who, staff_screens

# The screens of this test, by their name in staff_screens, and the big text on each.
SCREENS = {
    "reception": ("last-ticket", "issue-letter-A"),
    "lucka med besökare": ("current-ticket", "service-timer"),
    "statistik": ("today-waiting", "today-served"),
    "inställningar": (),
}


@dataclass
class Shown:
    """One screen as drawn: what is cut off on it, and the point size of its big text."""

    name: str
    cut: list[str]
    big: dict[str, float]


def _application_font(scale: float) -> None:
    from app.ui.shell.style import apply_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    big = QFont(app.font())
    big.setPointSizeF(scale * 11)
    app.setFont(big)  # the system's font, which the style then follows
    apply_style(app)


@pytest.fixture
def font_scale(qapp) -> Iterator[None]:
    """Puts the application's font and style back after the test."""
    font, sheet = qapp.font(), qapp.styleSheet()
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def _shown_text(text: str, mnemonic: bool) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&") if mnemonic else text


def _needs(widget: QLabel | QAbstractButton) -> tuple[int, int]:
    """The width and height the widget's text takes in its own font."""
    text = widget.text()
    rich = isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText
    if rich and QtGui.Qt.mightBeRichText(text):  # (PySide6 has it in QtGui's Qt)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(widget.font())
        doc.setHtml(text)
        return round(doc.idealWidth()), round(doc.size().height())
    mnemonic = isinstance(widget, QAbstractButton) or (
        isinstance(widget, QLabel) and widget.buddy() is not None
    )
    shown = _shown_text(text, mnemonic)
    box = QFontMetrics(widget.font()).boundingRect(QRect(0, 0, 10_000, 10_000), 0, shown)
    return box.width(), box.height()


def cut_off(window: QWidget) -> list[str]:
    """The labels and buttons of ``window`` whose text does not fit in them."""
    problems = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.text():
            continue
        if isinstance(widget, ElidedLabel):
            if widget.is_elided() and widget.toolTip() != widget.text():
                problems.append(f"{_who(widget)}: cut without its whole text in the tooltip")
            continue
        has = widget.contentsRect()
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() < widget.heightForWidth(widget.width()) - 1:
                problems.append(f"{_who(widget)} {widget.text()[:40]!r} wraps past its height")
            continue
        width, height = _needs(widget)
        if isinstance(widget, QAbstractButton):
            hint = widget.minimumSizeHint()
            width, height = max(width, hint.width()), max(height, hint.height())
            has = widget.rect()
        if has.width() < width - 1 or has.height() < height - 1:
            problems.append(
                f"{_who(widget)} {widget.text()[:40]!r} needs {width}×{height},"
                f" has {has.width()}×{has.height()}"
            )
    return problems


def big_text(window: QWidget, names: tuple[str, ...]) -> dict[str, float]:
    """The point size each named label is drawn in."""
    sizes = {}
    for name in names:
        label = window.findChild(QLabel, name)
        assert label is not None, name
        sizes[name] = label.font().pointSizeF()
    return sizes


def four_screens(ctx: UiContext, keep: list[QWidget]) -> Iterator[Shown]:
    """Reception, the service point with a visitor, the statistics and a settings section."""
    wanted = dict(SCREENS)
    for screen in staff_screens(ctx, keep.append):
        key = next((k for k in wanted if screen.name.startswith(k)), None)
        if key is None:
            continue
        names = wanted.pop(key)
        yield Shown(screen.name, cut_off(screen.window), big_text(screen.window, names))
        if not wanted:
            break


def _close(windows: list[QWidget]) -> None:
    for window in windows:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


def _shown_at(ctx: UiContext, scale: float) -> list[Shown]:
    _application_font(scale)
    windows: list[QWidget] = []
    try:
        return list(four_screens(ctx, windows))
    finally:
        _close(windows)


def test_no_text_is_cut_off_at_the_usual_font(ui_ctx, font_scale):
    problems = [f"{s.name}: {p}" for s in _shown_at(ui_ctx, 1) for p in s.cut]
    assert not problems, "\n".join(problems)


def test_no_text_is_cut_off_at_twice_the_font_and_the_big_text_grows(
    ui_ctx, tmp_path, ui_clock, seeded_template, font_scale
):
    from tests.ui.conftest import new_ui_context

    usual = {s.name: s.big for s in _shown_at(ui_ctx, 1)}
    # The same screens again, on a store of their own (the first run issued tickets).
    again = new_ui_context(tmp_path / "again", ui_clock, seeded_template)
    try:
        twice = _shown_at(again, 2)
    finally:
        again.watcher.stop()
        again.store.close()
    problems = [f"{s.name}: {p}" for s in twice for p in s.cut]
    for shown in twice:
        for name, size in shown.big.items():
            if size <= usual[shown.name][name]:  # (a ticket shrinks to the room it has)
                was = usual[shown.name][name]
                problems.append(f"{shown.name}: {name} is {size} pt at 200 %, {was} pt at 100 %")
    assert not problems, "\n".join(problems)


def test_the_big_text_follows_a_font_changed_while_the_screen_is_open(ui_ctx, font_scale):
    _application_font(1)
    windows: list[QWidget] = []
    try:
        screens = staff_screens(ui_ctx, windows.append)
        reception = next(s for s in screens if s.name == "reception")
        labels = [cast(QLabel, reception.window.findChild(QLabel, n)) for n in SCREENS["reception"]]
        before = [label.sizeHint().height() for label in labels]  # the size each asks for
        _application_font(2)
        for _ in range(5):  # the layouts ask for the room in posted events
            QApplication.processEvents()
        after = [label.sizeHint().height() for label in labels]
        assert all(a > b * 1.5 for a, b in zip(after, before, strict=True)), (before, after)
        # and the rows sized from the text (the heading, the message row) grew with it
        assert not cut_off(reception.window), cut_off(reception.window)
    finally:
        _close(windows)


def test_at_twice_the_font_each_chart_keeps_room_for_its_labels(ui_ctx, font_scale):
    """At 200 % on a 1280×800 window the statistics page scrolls, and each page's chart
    stays tall enough for its axis labels and legend (it was squeezed into dots)."""
    from PySide6.QtWidgets import QScrollArea

    _application_font(2)
    windows: list[QWidget] = []
    try:
        line = QFontMetrics(QApplication.font()).height()
        small = []
        for screen in staff_screens(ui_ctx, windows.append):
            if not screen.name.startswith("statistik"):
                continue
            for area in screen.window.findChildren(QScrollArea):
                chart = area.objectName().startswith("chart-area-") and area.isVisible()
                if chart and area.height() < 10 * line:
                    small.append(f"{screen.name}: {area.objectName()} {area.height()} px")
        assert not small, f"a line is {line} px: {small}"
    finally:
        _close(windows)
