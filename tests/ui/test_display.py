"""The waiting-room display, driven as visitors and staff meet it."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel

from app.services.office.clock import OFFICE_TZ
from app.services.queue import calling as queue
from app.ui.display import announcer as announcer_module
from app.ui.display import screen as display_module
from app.ui.display.announcer import Announcer
from app.ui.display.screen import DisplayWindow


class FakeSound:
    """A chime and a voice in one: records what plays; finish() ends what is playing."""

    languages = frozenset({"sv", "en"})

    def __init__(self) -> None:
        self.played: list[str] = []
        self._playing = None

    def play(self, done) -> None:
        self._start("chime", done)

    def say(self, text: str, language: str, done) -> None:
        self._start(f"{language}: {text}", done)

    def _start(self, what: str, done) -> None:
        assert self._playing is None, f"{what} started while another sound was playing"
        self.played.append(what)
        self._playing = done

    def finish_all(self) -> None:
        while self._playing is not None:
            done, self._playing = self._playing, None
            done()

    @property
    def swedish(self) -> list[str]:
        return [p.removeprefix("sv: ") for p in self.played if p.startswith("sv: ")]


@pytest.fixture(autouse=True)
def fresh_log_once(monkeypatch):
    monkeypatch.setattr(announcer_module, "_logged", set())


@pytest.fixture
def sound() -> FakeSound:
    return FakeSound()


@pytest.fixture
def open_display(qtbot, ui_ctx, sound):
    """Opens a display (shown, 1280×720) with fake sound, as the menu or --display would."""

    def open_(announcer: Announcer | None = None) -> DisplayWindow:
        window = DisplayWindow(
            ui_ctx, announcer=announcer or Announcer(lambda _p: sound, lambda _p: sound)
        )
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        return window

    return open_


@pytest.fixture
def display(open_display) -> DisplayWindow:
    return open_display()


def call(ctx, point: int) -> str:
    code = queue.call_next(ctx.desk, point).code
    ctx.watcher.refresh()
    return code


def issue(ctx, letter: str = "A", times: int = 1) -> None:
    for _ in range(times):
        queue.issue_ticket(ctx.desk, letter)
    ctx.watcher.refresh()


def text(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def recent_rows(window) -> list[tuple[str, str]]:
    frame = window.findChild(QFrame, "recent-calls")
    rows = []
    for index in range(display_module.RECENT_ROWS):
        code = frame.findChild(QLabel, f"recent-code-{index}")
        point = frame.findChild(QLabel, f"recent-point-{index}")
        if code.isVisible():
            rows.append((code.text(), point.text()))
    return rows


def test_a_call_shows_large_with_its_service_point(display, ui_ctx):
    issue(ui_ctx)
    call(ui_ctx, 1)
    assert display.objectName() == "waiting-room-display"
    assert text(display, "current-call") == "A001 → Lucka 1"
    assert text(display, "display-office") == "Servicekontoret Exempelstad"


def test_a_second_call_moves_the_first_into_the_latest_calls(display, ui_ctx):
    issue(ui_ctx, "A", 2)
    call(ui_ctx, 1)
    assert recent_rows(display) == []
    call(ui_ctx, 2)
    assert text(display, "current-call") == "A002 → Lucka 2"
    assert recent_rows(display) == [("A001", "Lucka 1")]


def test_only_the_current_call_is_yellow_the_latest_calls_are_calm(display, ui_ctx):
    issue(ui_ctx, "A", 3)
    for point in (1, 2, 3):
        call(ui_ctx, point)
    assert display.findChild(QLabel, "current-call").property("tone") == "accent"
    assert recent_rows(display) == [("A002", "Lucka 2"), ("A001", "Lucka 1")]
    for index in range(2):
        for part in ("code", "point"):
            row = display.findChild(QLabel, f"recent-{part}-{index}")
            assert row.property("tone") != "accent", f"recent-{part}-{index}"


def no_show(ctx, code: str) -> None:
    ctx.clock.advance(seconds=30)
    queue.recall(ctx.desk, code)
    ctx.clock.advance(seconds=30)
    queue.no_show(ctx.desk, code)
    ctx.watcher.refresh()


def test_a_no_show_leaves_the_display_and_the_call_before_it_is_current_again(display, ui_ctx):
    issue(ui_ctx, "A", 2)
    call(ui_ctx, 1)
    call(ui_ctx, 2)
    no_show(ui_ctx, "A002")
    assert text(display, "current-call") == "A001 → Lucka 1"
    assert display.findChild(QLabel, "current-call-caption").isVisible()
    assert recent_rows(display) == []  # nobody is sent to Lucka 2 any more


def test_with_no_call_standing_it_says_welcome_and_finished_visits_stay_listed(display, ui_ctx):
    issue(ui_ctx, "A", 2)
    call(ui_ctx, 1)
    call(ui_ctx, 2)
    queue.finish(ui_ctx.desk, "A001")
    no_show(ui_ctx, "A002")
    assert text(display, "current-call") == "Välkommen / Welcome"
    assert not display.findChild(QLabel, "current-call-caption").isVisible()
    assert recent_rows(display) == [("A001", "Lucka 1")]  # served there: history


@pytest.mark.parametrize(
    "undo",
    [
        lambda ctx, code: queue.return_to_queue(ctx.desk, code),
        lambda ctx, code: queue.park(ctx.desk, code),
        lambda ctx, code: queue.transfer(ctx.desk, code, "B"),
    ],
    ids=["returned", "parked", "transferred"],
)
def test_a_call_taken_back_is_no_longer_shown(display, ui_ctx, undo):
    issue(ui_ctx, "A", 2)
    call(ui_ctx, 1)
    call(ui_ctx, 2)
    undo(ui_ctx, "A002")
    ui_ctx.watcher.refresh()
    assert text(display, "current-call") == "A001 → Lucka 1"
    assert recent_rows(display) == []


def test_a_ticket_called_again_elsewhere_shows_only_where_it_is_now(display, ui_ctx):
    issue(ui_ctx, "A", 2)
    call(ui_ctx, 1)
    queue.return_to_queue(ui_ctx.desk, "A001")
    call(ui_ctx, 2)  # A001 again, now to Lucka 2
    assert text(display, "current-call") == "A001 → Lucka 2"
    assert recent_rows(display) == []


def test_a_call_already_taken_back_when_read_is_not_announced(display, ui_ctx, sound):
    issue(ui_ctx, "A", 2)
    queue.call_next(ui_ctx.desk, 1)
    queue.return_to_queue(ui_ctx.desk, "A001")
    ui_ctx.watcher.refresh()  # the call and its undoing arrive in one snapshot
    assert sound.played == []
    assert text(display, "current-call") == "Välkommen / Welcome"


def test_a_new_call_is_announced_and_a_recall_is_announced_again(display, ui_ctx, sound):
    issue(ui_ctx)
    call(ui_ctx, 3)
    sound.finish_all()
    ui_ctx.clock.advance(seconds=30)
    queue.recall(ui_ctx.desk, "A001")
    ui_ctx.watcher.refresh()
    sound.finish_all()
    assert sound.swedish == ["Nummer A001, lucka 3", "Nummer A001, lucka 3"]
    assert sound.played.count("chime") == 2
    assert text(display, "current-call") == "A001 → Lucka 3"
    assert recent_rows(display) == []  # a recall does not list the same ticket twice


def test_calls_in_quick_succession_are_announced_in_order_none_dropped(display, ui_ctx, sound):
    issue(ui_ctx, "A", 2)
    issue(ui_ctx, "B", 2)
    codes = [queue.call_next(ui_ctx.desk, point).code for point in (1, 2, 3)]
    ui_ctx.watcher.refresh()  # all three arrive in one snapshot
    assert sound.played == ["chime"]  # one at a time: the others wait
    codes.append(call(ui_ctx, 4))  # and one more while the first is still sounding
    sound.finish_all()
    assert sorted(codes) == ["A001", "A002", "B001", "B002"]
    assert sound.swedish == [f"Nummer {code}, lucka {n}" for n, code in enumerate(codes, 1)]
    assert text(display, "current-call") == f"{codes[-1]} → Lucka 4"


def test_calls_made_before_the_display_opened_are_shown_not_announced(open_display, ui_ctx, sound):
    issue(ui_ctx, "A", 2)
    call(ui_ctx, 1)
    call(ui_ctx, 2)
    window = open_display()
    ui_ctx.watcher.refresh()
    assert text(window, "current-call") == "A002 → Lucka 2"
    assert recent_rows(window) == [("A001", "Lucka 1")]
    assert sound.played == []


def test_a_new_call_flashes_the_current_call(monkeypatch, qtbot, open_display, ui_ctx):
    monkeypatch.setattr(display_module, "FLASH_INTERVAL_MS", 10)
    window = open_display()
    panel = window.findChild(QFrame, "current-panel")
    issue(ui_ctx)
    call(ui_ctx, 1)
    assert panel.property("inverted") is True
    qtbot.waitUntil(lambda: not window._flash_timer.isActive())
    assert panel.property("inverted") is False


def test_waiting_counts_follow_the_queue(display, ui_ctx):
    frame = display.findChild(QFrame, "waiting-counts")
    assert frame is not None
    assert text(display, "waiting-count-A") == "Ingen väntar"
    assert text(display, "waiting-count-en-A") == "No one waiting"
    issue(ui_ctx, "A", 3)
    issue(ui_ctx, "B", 1)
    count_a = text(display, "waiting-count-A")
    assert count_a.startswith("3 väntar · ca ") and count_a.endswith(" min")
    minutes = count_a.removeprefix("3 väntar · ca ").removesuffix(" min")
    assert text(display, "waiting-count-en-A") == f"3 waiting · about {minutes} min"
    assert text(display, "waiting-count-B").startswith("1 väntar · ca ")
    assert text(display, "waiting-count-en-B").startswith("1 waiting · about ")
    assert text(display, "waiting-letter-A") == "A"
    assert text(display, "waiting-label-A") == "Försäkringskassan och Pensionsmyndigheten"
    call(ui_ctx, 1)
    assert text(display, "waiting-count-A").startswith("2 väntar")
    assert "A Försäkringskassan" in frame.accessibleDescription()
    assert "2 waiting" in frame.accessibleDescription()


def test_the_english_wait_line_fits_beside_the_queue_names(display, ui_ctx):
    issue(ui_ctx, "A", 40)
    frame = display.findChild(QFrame, "waiting-counts")
    english = display.findChild(QLabel, "waiting-count-en-A")
    assert english.isVisible() and english.property("tone") == "muted"
    swedish = display.findChild(QLabel, "waiting-count-A")
    assert english.geometry().right() <= frame.width()
    assert english.font().pixelSize() < swedish.font().pixelSize()  # secondary, as the names


def test_closed_on_a_saturday_but_the_latest_calls_still_show(display, ui_ctx, ui_clock):
    closed = display.findChild(QLabel, "closed-notice")
    assert not closed.isVisible()  # Wednesday 10:30: open
    ui_clock.set(datetime(2026, 11, 28, 11, 0, tzinfo=OFFICE_TZ))  # Saturday
    issue(ui_ctx)
    call(ui_ctx, 2)
    assert closed.isVisible()
    assert closed.text().startswith("Stängt / Closed")
    assert "måndag kl. 10:00" in closed.text()
    assert text(display, "current-call") == "A001 → Lucka 2"


def test_after_closing_time_it_says_when_the_office_opens(display, ui_ctx, ui_clock):
    issue(ui_ctx)
    call(ui_ctx, 1)
    ui_clock.set(datetime(2026, 11, 25, 16, 30, tzinfo=OFFICE_TZ))
    ui_ctx.watcher.refresh()
    closed = display.findChild(QLabel, "closed-notice")
    assert closed.isVisible()
    assert "Öppnar i morgon kl. 10:00 / Opens tomorrow at 10:00" in closed.text()
    assert text(display, "current-call") == "A001 → Lucka 1"


def test_the_clock_shows_stockholm_time_and_ticks(qtbot, display, ui_clock):
    assert text(display, "display-clock") == "10:30"
    ui_clock.advance(minutes=5)
    qtbot.waitUntil(lambda: text(display, "display-clock") == "10:35")


def test_zoom_keys_change_the_font_size_and_are_remembered(qtbot, open_display, ui_ctx):
    window = open_display()
    clock = window.findChild(QLabel, "display-clock")
    normal = clock.font().pixelSize()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = clock.font().pixelSize()
    assert larger > normal
    assert ui_ctx.prefs.get_str("display/zoom") == "1.20"
    again = open_display()
    assert again.zoom == pytest.approx(1.2)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert normal < clock.font().pixelSize() < larger
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert clock.font().pixelSize() == normal


def test_fonts_follow_the_window_height(display):
    current = display.findChild(QLabel, "display-clock")
    small = current.font().pixelSize()
    display.resize(1920, 1080)
    assert current.font().pixelSize() > small * 1.3


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1024, 768)])
def test_the_current_call_is_never_cut(display, ui_ctx, size):
    issue(ui_ctx, "D", 1)
    call(ui_ctx, 6)
    display.resize(*size)
    label = display.findChild(QLabel, "current-call")
    width = QFontMetrics(label.font()).horizontalAdvance(label.text())
    assert width <= display.width() * 0.95


def test_f11_toggles_full_screen_and_esc_leaves_it(qtbot, display):
    qtbot.keyClick(display, Qt.Key.Key_F11)
    assert display.isFullScreen()
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    assert not display.isFullScreen()
    qtbot.keyClick(display, Qt.Key.Key_F11)
    qtbot.keyClick(display, Qt.Key.Key_F11)
    assert not display.isFullScreen()


def test_without_a_sound_system_it_logs_once_and_keeps_showing_calls(open_display, ui_ctx, caplog):
    def cannot_load(_parent):
        raise ImportError("libpulse.so.0: cannot open shared object file")

    with caplog.at_level(logging.INFO, logger="app.ui.display.announcer"):
        window = open_display(Announcer(cannot_load, cannot_load))
        issue(ui_ctx, "A", 2)
        call(ui_ctx, 1)
        call(ui_ctx, 2)
    assert text(window, "current-call") == "A002 → Lucka 2"
    assert recent_rows(window) == [("A001", "Lucka 1")]
    assert len(caplog.records) == 1
    assert window.announcer.pending == 0


def test_a_closed_display_window_stays_silent(qtbot, ui_ctx, sound):
    window = DisplayWindow(ui_ctx, announcer=Announcer(lambda _p: sound, lambda _p: sound))
    qtbot.addWidget(window)  # never shown
    issue(ui_ctx)
    call(ui_ctx, 1)
    assert sound.played == []
    assert text(window, "current-call") == "A001 → Lucka 1"


def test_a_database_that_cannot_be_read_leaves_the_last_calls_on_the_display(display, ui_ctx):
    issue(ui_ctx, "A", 2)
    first, second = call(ui_ctx, 1), call(ui_ctx, 2)
    shown = text(display, "current-call")
    assert second in shown

    class Away(Exception):
        pass

    def unreadable(*_args, **_kwargs):
        raise Away("the server is away")

    ui_ctx.watcher.set_source(type("Unreadable", (), {"reading": unreadable})())
    ui_ctx.watcher.refresh()  # fails, and is reported
    assert ui_ctx.watcher.failing
    assert text(display, "current-call") == shown  # the visitors still see the last calls
    assert [code for code, _point in recent_rows(display)][:1] == [first]


def test_the_display_says_discreetly_when_its_calls_are_not_heard(open_display, sound):
    def broken(_parent):
        raise announcer_module.SoundUnavailable("no audio output device")

    heard = open_display()
    heard.show_sound_state()
    assert heard.silent_label.isHidden()
    silent = open_display(Announcer(broken, broken))
    silent.show_sound_state()
    assert not silent.silent_label.isHidden()
    assert text(silent, "display-silent") == "Uppropen hörs inte: datorn har inget ljud"
    chime_only = open_display(Announcer(lambda _p: sound, broken))
    chime_only.show_sound_state()
    assert text(chime_only, "display-silent") == "Uppropen läses inte upp: ingen svensk röst"
