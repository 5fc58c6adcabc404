"""Reception and the visitor: a ticket issued in the visitor's language, and the kiosk's
calls for help shown on reception's screen until someone goes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.services.access.actor import KIOSK
from app.services.queue.desk import KioskDesk
from app.services.queue.views import queue_snapshot
from tests.ui.test_reception import button
from tests.ui.test_reception import mono as mono
from tests.ui.test_reception import printer as printer
from tests.ui.test_reception import view as view


def _choose(view, code: str) -> None:
    chooser = view.language
    index = chooser.findData(code)
    assert index > 0, code
    chooser.setCurrentIndex(index)


def test_a_ticket_is_issued_in_the_chosen_language_and_the_choice_resets(qtbot, view, ui_ctx):
    labels = [view.language.itemText(i) for i in range(view.language.count())]
    assert labels[:3] == ["Språk: svenska", "Språk: engelska", "Språk: arabiska"]
    assert "Språk: polska" in labels  # a catalog language without visitor texts, later on
    _choose(view, "ar")
    qtbot.mouseClick(button(view, "issue-A"), Qt.MouseButton.LeftButton)
    ticket = queue_snapshot(ui_ctx.store, ui_ctx.clock).ticket("A001")
    assert ticket is not None and ticket.language == "ar"
    assert view.language.code() is None  # the next visitor starts from Swedish
    qtbot.mouseClick(button(view, "issue-B"), Qt.MouseButton.LeftButton)
    assert queue_snapshot(ui_ctx.store, ui_ctx.clock).ticket("B001").language is None


def test_a_call_for_help_shows_until_someone_goes(qtbot, view, ui_ctx):
    assert not view.alerts.isVisible()
    kiosk = KioskDesk(ui_ctx.store, ui_ctx.clock, KIOSK)
    ref = kiosk.issue(None, "fa", help=True)
    ui_ctx.watcher.poll()
    assert view.alerts.isVisible()
    (line,) = [w.text() for w in view.alerts.findChildren(type(view.message), "help-alert-text")]
    assert line.startswith(f"Besökare vid kiosken behöver hjälp: {ref.code} (persiska), sedan ")
    answer = view.alerts.findChild(QPushButton, "help-alert-answer")
    qtbot.mouseClick(answer, Qt.MouseButton.LeftButton)
    assert not view.alerts.isVisible()
    assert ui_ctx.queue.open_help_requests() == []


def test_render_reception_with_a_call_for_help(qtbot, view, ui_ctx, tmp_path):
    """The picture a person looks at (docs/screenshots/reception-help.png is made by
    app/ui/screenshots.py, in the app's own style)."""
    KioskDesk(ui_ctx.store, ui_ctx.clock, KIOSK).issue(None, "ar", help=True)
    _choose(view, "uk")
    ui_ctx.watcher.poll()
    assert view.alerts.isVisible()
    assert view.grab().save(str(tmp_path / "reception-help.png"))


class _Heard:
    languages = frozenset({"sv", "en", "ar"})

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def say(self, text: str, language: str, done) -> None:
        self.said.append((language, text))
        done()


def test_tell_says_the_chosen_ticket_s_place_in_its_language_then_swedish(qtbot, view, ui_ctx):
    from app.ui.kiosk.voice import KioskVoice

    _choose(view, "ar")
    qtbot.mouseClick(button(view, "issue-A"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(view, "issue-A"), Qt.MouseButton.LeftButton)  # a double press
    ui_ctx.watcher.poll()
    view.recent_table.selectRow(0)
    heard = _Heard()
    view.tell.voice = KioskVoice(lambda _parent: heard)
    assert view.tell.isEnabled()
    qtbot.mouseClick(view.tell, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(heard.said) == 2)
    (first, arabic), (second, swedish) = heard.said
    assert (first, second) == ("ar", "sv")
    assert "A001" in arabic and swedish.startswith("Nummer A001. Före dig i kön: 0.")
