"""The kiosk as a visitor uses it: by touch, by keypad without sight, in their language.

A fake speech engine records what is said; a fake printer what is printed (or that the
printer failed). The store is real; reception's view of it is the services'.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.access.actor import KIOSK, Actor
from app.services.queue.desk import QueueDesk
from app.services.setup.office_setup import update_office
from app.ui.kiosk.voice import KioskVoice
from app.ui.kiosk.window import KioskWindow
from app.ui.reception.printing import PrintOutcome


class FakeSpeech:
    """A speech backend with voices for some languages; says everything at once."""

    def __init__(self, languages: set[str]) -> None:
        self.languages = frozenset(languages)
        self.said: list[tuple[str, str]] = []

    def say(self, text: str, language: str, done) -> None:
        self.said.append((text, language))
        done()


class FakePrinter:
    def __init__(self, ok: bool = True) -> None:
        self.ok = ok
        self.pdf = False  # no printer: a PDF file, as an office without one gets
        self.printed: list = []

    def __call__(self, ticket):
        self.printed.append(ticket)
        if self.ok and self.pdf:
            return PrintOutcome(True, "pdf:/tmp/C001.pdf", "saved as PDF", "sparad som PDF")
        if self.ok:
            return PrintOutcome(True, "printed", "printed", "utskriven")
        return PrintOutcome.failed("out of paper", "slut på papper")


@pytest.fixture
def speech() -> FakeSpeech:
    return FakeSpeech({"sv", "en", "ar"})


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture
def kiosk(ui_ctx, qtbot, speech, printer):
    ui_ctx.actor = KIOSK
    voice = KioskVoice(lambda _parent: speech)
    window = KioskWindow(ui_ctx, voice=voice, printer=printer)
    qtbot.addWidget(window)
    window.resize(1080, 1400)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.unlocked = True
    window.close()


def _waiting(ctx) -> list:
    desk = QueueDesk(ctx.store, ctx.clock, Actor(role="reception"))
    return [(t.code, t.language) for t in desk.snapshot().waiting]


def _said(speech: FakeSpeech) -> str:
    return " | ".join(text for text, _ in speech.said)


def _last(qtbot, speech: FakeSpeech) -> tuple[str, str]:
    """What was said last, once the voice has said all it had to (one at a time)."""
    qtbot.wait(20)
    return speech.said[-1]


def test_a_visitor_takes_a_ticket_in_arabic_by_touch(kiosk, ui_ctx, qtbot, speech, printer):
    assert set(kiosk.languages.buttons) >= {"sv", "en", "ar", "fa", "so", "ti", "uk"}
    qtbot.mouseClick(kiosk.languages.buttons["ar"], Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.topics
    assert kiosk.topics.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "زيارتك" in kiosk.topics.title.text()  # "what is your visit about" in Arabic
    qtbot.mouseClick(kiosk.topics.buttons["B"], Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.ticket
    assert kiosk.ticket.code.text() == "B001"
    assert _waiting(ui_ctx) == [("B001", "ar")]  # reception sees it, with its language
    assert [t.code for t in printer.printed] == ["B001"]
    assert ("ar" in {lang for _, lang in speech.said}) and "B 1" in _said(speech)


def test_a_failed_print_still_shows_and_speaks_the_number(kiosk, ui_ctx, qtbot, speech, printer):
    printer.ok = False
    qtbot.mouseClick(kiosk.languages.buttons["sv"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.topics.buttons["A"], Qt.MouseButton.LeftButton)
    assert kiosk.ticket.code.text() == "A001"
    assert "kunde inte skrivas ut" in kiosk.ticket.message.text()
    assert "A001" in _last(qtbot, speech)[0]


def test_without_sight_a_key_starts_speech_and_the_keypad_does_the_rest(
    kiosk, ui_ctx, qtbot, speech
):
    QTest.keyClick(kiosk, Qt.Key.Key_5)  # any key: speech starts, nothing is pressed
    assert kiosk.speech_on and kiosk.stack.currentWidget() is kiosk.languages
    assert "Välj språk" in _last(qtbot, speech)[0]
    assert kiosk.focusWidget() is kiosk.languages.buttons["sv"]  # where the keys start
    QTest.keyClick(kiosk, Qt.Key.Key_2)  # next: English
    assert _last(qtbot, speech)[0].startswith("English")
    QTest.keyClick(kiosk, Qt.Key.Key_5)  # press
    assert kiosk.stack.currentWidget() is kiosk.topics
    assert _last(qtbot, speech) == ("What is your visit about?", "en")
    QTest.keyClick(kiosk, Qt.Key.Key_2)
    QTest.keyClick(kiosk, Qt.Key.Key_Return)
    assert kiosk.stack.currentWidget() is kiosk.ticket
    code = kiosk.ticket.code.text()
    qtbot.wait(20)
    assert f"Your number {code[0]} {int(code[1:])}" in _said(speech)
    volume = kiosk.voice.volume
    QTest.keyClick(kiosk, Qt.Key.Key_Plus)  # louder, in the headset
    assert kiosk.voice.volume > volume and _last(qtbot, speech)[0] == "Done"
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)  # back to the start, speech off
    assert kiosk.stack.currentWidget() is kiosk.languages and not kiosk.speech_on


def test_holding_the_screen_starts_speech_and_presses_nothing(kiosk, qtbot, speech):
    target = kiosk.languages.buttons["sv"]
    qtbot.mousePress(target, Qt.MouseButton.LeftButton)
    qtbot.wait(3200)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton)
    assert kiosk.speech_on
    assert kiosk.stack.currentWidget() is kiosk.languages  # the hold chose no language
    assert "Välj språk" in _said(speech)


def test_a_language_without_a_voice_is_read_in_english(kiosk, qtbot, speech):
    QTest.keyClick(kiosk, Qt.Key.Key_F1)
    qtbot.mouseClick(kiosk.languages.buttons["uk"], Qt.MouseButton.LeftButton)
    assert _last(qtbot, speech) == ("What is your visit about?", "en")
    assert kiosk.topics.title.text() != "What is your visit about?"  # shown in Ukrainian


def test_tell_me_says_the_place_as_it_is_now(kiosk, ui_ctx, qtbot, speech):
    qtbot.mouseClick(kiosk.languages.buttons["ar"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.topics.buttons["B"], Qt.MouseButton.LeftButton)
    QueueDesk(ui_ctx.store, ui_ctx.clock, Actor(role="reception")).issue("B")
    qtbot.mouseClick(kiosk.ticket.tell, Qt.MouseButton.LeftButton)
    said, language = _last(qtbot, speech)
    assert language == "ar" and "B001" in said
    assert kiosk.ticket.ahead.text().endswith("0")  # B002 came after: still first


def test_help_issues_a_priority_ticket_that_reception_sees(kiosk, ui_ctx, qtbot):
    qtbot.mouseClick(kiosk.languages.buttons["fa"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.topics.help, Qt.MouseButton.LeftButton)
    code = kiosk.ticket.code.text()
    reception = QueueDesk(ui_ctx.store, ui_ctx.clock, Actor(role="reception"))
    (alert,) = reception.open_help_requests()
    assert (alert.code, alert.language) == (code, "fa")
    assert code in kiosk.ticket.message.text()  # "staff are on their way", in Persian


def test_left_alone_it_warns_offers_more_time_then_starts_over(kiosk, ui_ctx, qtbot, speech):
    update_office(ui_ctx.upkeep, kiosk_idle_seconds=20)
    kiosk.reload()
    assert kiosk._idle.seconds == 20  # the office's; the test's is shorter, for its time
    kiosk._idle.seconds = 6
    qtbot.mouseClick(kiosk.languages.buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk._warning.isVisible(), timeout=10_000)
    assert "start over" in kiosk._warning.label.text()
    qtbot.mouseClick(kiosk._warning.button, Qt.MouseButton.LeftButton)  # more time
    assert not kiosk._warning.isVisible() and kiosk.stack.currentWidget() is kiosk.topics
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.languages, timeout=10_000)


def test_with_no_printer_the_visitor_is_told_to_remember_the_number(kiosk, qtbot, printer):
    printer.ok = True
    printer.pdf = True
    qtbot.mouseClick(kiosk.languages.buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.topics.buttons["C"], Qt.MouseButton.LeftButton)
    assert kiosk.ticket.message.text() == (
        "Your ticket could not be printed. Remember your number: C001"
    )


def test_a_store_that_fails_says_so_once_and_starts_over(kiosk, qtbot, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the server went away")

    monkeypatch.setattr(type(kiosk._ctx.kiosk), "issue", broken)
    qtbot.mouseClick(kiosk.languages.buttons["sv"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.topics.buttons["A"], Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.notice
    (said,) = [label.text() for label in kiosk.notice._labels]
    assert said.startswith("Kiosken fungerar inte just nu.")


def test_past_the_cut_off_it_says_closed_in_every_language(kiosk, ui_ctx, ui_clock, qtbot):
    ui_clock.advance(hours=5, minutes=20)  # 15:50 on a Wednesday: ten minutes to closing
    kiosk.reload()
    assert kiosk.stack.currentWidget() is kiosk.notice
    said = [label.text() for label in kiosk.notice._labels]
    assert said[0].startswith("Vi tar inte emot fler besökare i dag")
    assert len(said) == 7


def test_it_cannot_be_closed_without_a_managers_pin(kiosk, ui_ctx, qtbot, monkeypatch):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QCloseEvent

    alt_f4 = QCloseEvent()
    alt_f4.setAccepted(True)
    alt_f4.spontaneous = lambda: True  # as the window manager sends it
    kiosk.closeEvent(alt_f4)
    assert not alt_f4.isAccepted() and kiosk.isVisible()
    QCoreApplication.processEvents()
    from app.services.staff.accounts import create_first_manager
    from app.ui.kiosk.lock import UnlockDialog

    create_first_manager(ui_ctx.upkeep, "karin", "246813", "246813")
    dialog = UnlockDialog(ui_ctx, kiosk)
    dialog.login.setText("karin")
    dialog.pin.setText("000000")
    dialog.try_unlock()
    assert dialog.manager is None and dialog.error.text()
    dialog.login.setText("karin")
    dialog.pin.setText("246813")
    dialog.try_unlock()
    assert dialog.manager is not None and dialog.manager.login == "karin"


@pytest.mark.parametrize("language", ["sv", "en", "ar"])
def test_render_the_kiosk(kiosk, ui_ctx, qtbot, language, tmp_path):
    """The pictures a person looks at; into docs/screenshots with
    ``SERVICEDISK_SHOTS=docs/screenshots`` (a plain run leaves the tracked files alone)."""
    shots = Path(os.environ.get("SERVICEDISK_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    if language == "sv":
        assert kiosk.grab().save(str(shots / "kiosk-languages.png"))
    qtbot.mouseClick(kiosk.languages.buttons[language], Qt.MouseButton.LeftButton)
    assert kiosk.grab().save(str(shots / f"kiosk-topics-{language}.png"))
    qtbot.mouseClick(kiosk.topics.buttons["A"], Qt.MouseButton.LeftButton)
    assert kiosk.grab().save(str(shots / f"kiosk-ticket-{language}.png"))
    assert kiosk.ticket.code.text() == "A001"
