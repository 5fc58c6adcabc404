"""The display in the visitors' languages: calls said in theirs too, a third heading line,
and the "tell me" key that says where a typed ticket stands."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QRawFont
from PySide6.QtWidgets import QFrame, QLabel

from app.services.office import visitor_texts
from app.services.queue import calling as queue
from app.services.queue.views import estimate_minutes_for
from app.ui.display import languages as languages_module
from app.ui.display import screen as display_module
from app.ui.display import tell_me as tell_me_module
from app.ui.display.announcer import Announcer
from app.ui.display.screen import DisplayWindow
from tests.ui.test_display import FakeSound
from tests.ui.test_display import fresh_log_once as fresh_log_once

VOICES = frozenset({"sv", "en", "ar", "fa", "uk"})  # as espeak-ng has them: no Somali, no Tigrinya
ROOT = Path(__file__).resolve().parents[2]


class FakeSpeech(FakeSound):
    """A chime and voices in one: records what is played and said, one thing at a time."""

    def __init__(self, languages: frozenset[str] = VOICES) -> None:
        super().__init__()
        self.languages = languages  # type: ignore[misc]

    @property
    def said(self) -> list[str]:
        return [p for p in self.played if p != "chime"]


@pytest.fixture
def speech() -> FakeSpeech:
    return FakeSpeech()


@pytest.fixture
def open_display(qtbot, ui_ctx, speech):
    def open_(size: tuple[int, int] = (1280, 720)) -> DisplayWindow:
        window = DisplayWindow(ui_ctx, announcer=Announcer(lambda _p: speech, lambda _p: speech))
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        return window

    return open_


@pytest.fixture
def display(open_display) -> DisplayWindow:
    return open_display()


def issue(ctx, *languages: str | None, letter: str = "A") -> list[str]:
    codes = [queue.issue_ticket(ctx.desk, letter, language=lang).code for lang in languages]
    ctx.watcher.refresh()
    return codes


def call(ctx, point: int) -> str:
    code = queue.call_next(ctx.desk, point).code
    ctx.watcher.refresh()
    return code


def label(window, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def text(window, name: str) -> str:
    return label(window, name).text()


def third_line(window) -> str | None:
    """The third language's "waiting" heading, or None when there is no third line."""
    line = label(window, "waiting-title-third")
    return None if line.isHidden() else line.text()


def arabic(key: str, **values: object) -> str:
    return visitor_texts.text("ar", key, **values)


# ---------------------------------------------------------------- calls


def test_an_arabic_visitors_call_is_said_in_swedish_then_arabic(display, ui_ctx, speech):
    issue(ui_ctx, "ar")
    call(ui_ctx, 3)
    speech.finish_all()
    point = arabic("point", number=3)
    assert speech.played == [
        "chime",
        "sv: Nummer A001, lucka 3",
        f"ar: {arabic('call_spoken', code='A001', point=point)}",
    ]
    assert speech.said[1] == "ar: الرقم A001، الشباك 3."


def test_an_english_visitors_call_is_said_in_swedish_then_english(display, ui_ctx, speech):
    issue(ui_ctx, "en")
    call(ui_ctx, 2)
    speech.finish_all()
    assert speech.said == ["sv: Nummer A001, lucka 2", "en: Number A001, counter 2"]


def test_a_swedish_visitors_call_is_said_once_in_swedish(display, ui_ctx, speech):
    issue(ui_ctx, "sv")
    call(ui_ctx, 1)
    speech.finish_all()
    assert speech.played == ["chime", "sv: Nummer A001, lucka 1"]


def test_calls_in_several_languages_keep_their_order_and_never_overlap(display, ui_ctx, speech):
    issue(ui_ctx, "uk", None, "fa")
    for point in (1, 2, 3):
        queue.call_next(ui_ctx.desk, point)
    ui_ctx.watcher.refresh()  # three calls in one snapshot
    speech.finish_all()
    languages = [p.split(":")[0] for p in speech.played]
    assert languages == ["chime", "sv", "uk", "chime", "sv", "en", "chime", "sv", "fa"]


def test_a_language_without_a_voice_is_logged_once_and_the_call_still_shows(
    display, ui_ctx, speech, caplog
):
    issue(ui_ctx, "so", "so")
    with caplog.at_level(logging.INFO, logger="app.ui.display.announcer"):
        call(ui_ctx, 1)
        speech.finish_all()
        call(ui_ctx, 2)
        speech.finish_all()
    assert speech.said == ["sv: Nummer A001, lucka 1", "sv: Nummer A002, lucka 2"]
    assert text(display, "current-call") == "A002 → Lucka 2"
    logged = [r.getMessage() for r in caplog.records]
    assert len(logged) == 1 and "'so'" in logged[0]
    silent = label(display, "display-silent")
    assert not silent.isHidden()
    assert silent.text() == "Uppropen läses inte upp på somaliska: ingen röst"


# ---------------------------------------------------------------- the third line


def test_the_third_line_turns_through_the_waiting_languages_and_goes_when_they_are_served(
    display, ui_ctx
):
    assert third_line(display) is None
    issue(ui_ctx, "uk", "ar", "ar", "sv", "en", "pl")  # Polish has no visitor texts
    assert display.third.codes == ("ar", "uk")  # the most common first
    assert third_line(display) == arabic("waiting_now")
    display.third.advance()
    assert third_line(display) == visitor_texts.text("uk", "waiting_now")
    display.third.advance()
    assert third_line(display) == arabic("waiting_now")
    for point in range(1, 7):
        call(ui_ctx, point)
    assert display.third.codes == ()
    assert third_line(display) is None


def test_the_third_line_turns_by_itself(monkeypatch, qtbot, ui_ctx, open_display):
    monkeypatch.setattr(languages_module, "ROTATE_MS", 30)
    window = open_display()
    issue(ui_ctx, "ar", "uk")
    seen = {third_line(window)}
    qtbot.waitUntil(lambda: seen.add(third_line(window)) or len(seen) == 2, timeout=2000)
    assert seen == {arabic("waiting_now"), visitor_texts.text("uk", "waiting_now")}


def test_without_other_languages_waiting_there_is_no_third_line(display, ui_ctx):
    issue(ui_ctx, None, "sv", "en", "pl")
    call(ui_ctx, 1)
    assert display.third.codes == ()
    assert third_line(display) is None
    assert label(display, "current-call-caption-third").isHidden()


def test_the_now_serving_heading_has_the_third_language_while_a_call_stands(display, ui_ctx):
    issue(ui_ctx, "sv", "fa")
    caption = label(display, "current-call-caption-third")
    assert caption.isHidden()  # no call: a welcome, no heading
    call(ui_ctx, 1)
    assert not caption.isHidden()
    assert caption.text() == visitor_texts.text("fa", "now_serving")


def test_a_right_to_left_language_is_laid_out_right_to_left_in_its_line(display, ui_ctx):
    issue(ui_ctx, "ar", "uk")
    line = label(display, "waiting-title-third")
    assert line.layoutDirection() == Qt.LayoutDirection.RightToLeft
    display.third.advance()
    assert line.layoutDirection() == Qt.LayoutDirection.LeftToRight
    swedish = label(display, "waiting-title")
    assert swedish.layoutDirection() == Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize("language", ["ar", "fa", "uk", "ti", "so"])
def test_each_third_language_is_shown_in_a_font_that_has_its_letters(display, ui_ctx, language):
    issue(ui_ctx, language)
    line = label(display, "waiting-title-third")
    family = QFontInfo(line.font()).family()
    font = QRawFont.fromFont(line.font())
    missing = [c for c in line.text() if c.isalpha() and not font.supportsCharacter(ord(c))]
    assert missing == [], (language, family)


def test_a_language_no_font_can_show_is_logged_once(monkeypatch, caplog):
    monkeypatch.setattr(languages_module.QRawFont, "supportsCharacter", lambda *_a: False)
    languages_module.family_for.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="app.ui.display.languages"):
            assert languages_module.family_for("ar", "DejaVu Sans") is None
            assert languages_module.family_for("ar", "DejaVu Sans") is None
    finally:
        languages_module.family_for.cache_clear()
    assert len(caplog.records) == 1 and "Arabic" in caplog.records[0].getMessage()


# ---------------------------------------------------------------- the "tell me" key


def type_code(qtbot, window, code: str) -> None:
    qtbot.keyClicks(window, code)
    qtbot.keyClick(window, Qt.Key.Key_Return)


def test_the_tell_me_key_says_the_place_in_the_tickets_language_and_in_swedish(
    qtbot, display, ui_ctx, speech
):
    issue(ui_ctx, None, "ar")
    type_code(qtbot, display, "a2")  # as a visitor may type it
    speech.finish_all()
    snapshot = ui_ctx.watcher.snapshot
    minutes = estimate_minutes_for(snapshot, "A002")
    values = {"code": "A002", "ahead": 1, "minutes": minutes}
    assert speech.played == [  # no chime: this is no call
        f"ar: {arabic('status_spoken', **values)}",
        f"sv: Nummer A002. Före dig i kön: 1. Väntetid ungefär {minutes} minuter.",
    ]
    panel = display.findChild(QFrame, "tell-me")
    assert panel.isVisible()
    assert text(display, "tell-me-code") == "A002"
    assert text(display, "tell-me-own") == arabic("status_spoken", **values)
    assert label(display, "tell-me-own").layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert text(display, "tell-me-swedish").startswith("Nummer A002. Före dig i kön: 1.")


def test_a_called_visitor_is_told_their_counter(qtbot, display, ui_ctx, speech):
    issue(ui_ctx, "uk")
    call(ui_ctx, 4)
    speech.finish_all()
    speech.played.clear()
    type_code(qtbot, display, "A001")
    speech.finish_all()
    point = visitor_texts.text("uk", "point", number=4)
    assert speech.played == [
        f"uk: {visitor_texts.text('uk', 'status_called', code='A001', point=point)}",
        "sv: Nummer A001. Gå till lucka 4.",
    ]


def test_a_number_not_in_the_queue_is_said_in_swedish(qtbot, display, speech):
    type_code(qtbot, display, "C77")
    speech.finish_all()
    assert speech.played == ["sv: Nummer C077 finns inte i kön i dag."]
    assert text(display, "tell-me-code") == "C077"
    assert label(display, "tell-me-own").isHidden()


def test_holding_the_tell_key_tells_the_typed_code(
    monkeypatch, qtbot, ui_ctx, open_display, speech
):
    monkeypatch.setattr(tell_me_module, "HOLD_MS", 50)
    window = open_display()
    issue(ui_ctx, "en")
    qtbot.keyClicks(window, "A1")
    qtbot.keyClick(window, Qt.Key.Key_Asterisk)  # a tap: not held, nothing
    assert speech.played == [] and window.tell_keys.code == "A1"
    qtbot.keyPress(window, Qt.Key.Key_Asterisk)
    qtbot.waitUntil(lambda: speech.played != [], timeout=2000)
    qtbot.keyRelease(window, Qt.Key.Key_Asterisk)
    speech.finish_all()
    assert [p.split(":")[0] for p in speech.played] == ["en", "sv"]


def test_the_tell_key_is_the_one_the_workstation_sets(monkeypatch, qtbot, ui_ctx, open_display):
    monkeypatch.setattr(tell_me_module, "HOLD_MS", 10)
    ui_ctx.prefs.set(tell_me_module.TELL_KEY, "F12")
    window = open_display()
    told = []
    window.tell_keys.asked.connect(told.append)
    qtbot.keyClicks(window, "B3")
    qtbot.keyPress(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: told == ["B3"], timeout=2000)
    qtbot.keyRelease(window, Qt.Key.Key_F12)


def test_typing_shows_the_code_and_backspace_takes_a_character_back(qtbot, display, speech):
    panel = display.findChild(QFrame, "tell-me")
    qtbot.keyClicks(display, "b12")
    assert panel.isVisible() and text(display, "tell-me-code") == "B12"
    qtbot.keyClick(display, Qt.Key.Key_Backspace)
    assert text(display, "tell-me-code") == "B1"
    for _ in range(2):
        qtbot.keyClick(display, Qt.Key.Key_Backspace)
    assert not panel.isVisible()
    qtbot.keyClick(display, Qt.Key.Key_Return)  # nothing typed: nothing said
    assert speech.played == []


def test_keys_other_than_the_code_do_nothing(qtbot, display, ui_ctx, speech):
    issue(ui_ctx, "ar")
    call(ui_ctx, 1)
    speech.finish_all()
    speech.played.clear()
    before = (text(display, "current-call"), display.zoom, display.isFullScreen())
    qtbot.keyClicks(display, "A1")
    keys = [
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier),
    ]
    for key, modifiers in keys:
        qtbot.keyClick(display, key, modifiers)
    assert display.tell_keys.code == "A1"  # the code typed is untouched
    assert speech.played == []
    assert display.isVisible()
    assert (text(display, "current-call"), display.zoom, display.isFullScreen()) == before
    assert display.findChild(QFrame, "recent-calls").isVisible()


def test_a_code_left_half_typed_is_forgotten(monkeypatch, qtbot, open_display):
    monkeypatch.setattr(tell_me_module, "FORGET_MS", 30)
    window = open_display()
    qtbot.keyClicks(window, "A0")
    qtbot.waitUntil(lambda: window.tell_keys.code == "", timeout=2000)
    assert not window.findChild(QFrame, "tell-me").isVisible()


# ---------------------------------------------------------------- the picture


def test_the_display_with_arabic_and_ukrainian_visitors_waiting_renders(
    monkeypatch, qtbot, ui_ctx, open_display, tmp_path
):
    """The pictures in docs/display-languages.md; SERVICEDISK_SHOTS=docs/screenshots writes them."""
    monkeypatch.setattr(display_module, "FLASH_INTERVAL_MS", 5)
    window = open_display((1920, 1080))
    issue(ui_ctx, "ar", "sv", "uk", "ar", None)
    issue(ui_ctx, "en", "uk", letter="B")
    issue(ui_ctx, "so", letter="C")
    call(ui_ctx, 1)
    call(ui_ctx, 2)
    ui_ctx.clock.advance(minutes=2)
    call(ui_ctx, 4)
    assert window.third.current is not None and window.third.current.code == "ar"
    for name in ("waiting-title-third", "current-call-caption-third"):
        line = label(window, name)
        assert line.isVisible() and line.geometry().right() <= window.width()
    qtbot.waitUntil(lambda: not window._flash_timer.isActive())
    out = Path(os.environ.get("SERVICEDISK_SHOTS", tmp_path))
    if not out.is_absolute():
        out = ROOT / out
    out.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(out / "display-languages.png"))
    type_code(qtbot, window, "A3")  # the Ukrainian visitor asks
    assert text(window, "tell-me-own").startswith("Номер A003.")
    assert window.grab().save(str(out / "display-tell-me.png"))
