"""Start-up as an office PC does it: the window first, the store opening behind it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.config import resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.services.queue import calling as queue
from app.services.staff.accounts import add_staff
from app.store.engine import open_store
from app.store.errors import StoreError
from app.ui.shell.application import _start
from app.ui.shell.context import UiContext
from app.ui.shell.opening import StoreOpening
from app.ui.shell.prefs import Prefs
from app.ui.shell.runner import ThreadRunner
from tests.conftest import desk_for


@pytest.fixture
def settings(tmp_path):
    settings = resolve_settings(data_dir=tmp_path / "data", env={})
    Prefs(settings.data_dir / "workstation.ini").set("printing/mode", "pdf")
    return settings


@pytest.fixture
def started(qtbot, settings):
    """Start as `servicedisk` does; hands over (settings, ctx, window) and shuts down after."""
    holder: dict = {}

    def start():
        _app, ctx, window = _start(settings, display_only=False, screen=None)
        qtbot.addWidget(window)
        holder.update(ctx=ctx, window=window)
        return ctx, window

    yield start
    ctx = holder.get("ctx")
    if ctx is not None:
        ctx.watcher.stop()
        if isinstance(ctx.runner, ThreadRunner):
            ctx.runner.wait()
        ctx.close()


def issue_button(window, letter: str) -> QPushButton:
    button = window.reception.findChild(QPushButton, f"issue-{letter}")
    assert button is not None
    return button


@pytest.mark.slow  # a real start-up, the store opening on its thread (about 8 s)
def test_the_window_shows_the_queue_before_the_store_has_opened(qtbot, settings, started):
    clock = SystemClock()  # start-up reads today's queue by the real clock
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    desk = desk_for(store, clock)
    queue.issue_ticket(desk, "A")
    add_staff(desk, "rut", "reception", "2468", "2468")
    store.close()

    ctx, window = started()
    opening = window.findChild(StoreOpening)
    assert opening is not None, "start-up opened the store before showing the window"
    assert window.pages.currentWidget() is window.gate  # an office PC starts locked
    assert "1 väntar" in issue_button(window, "A").accessibleName()

    # Signing in at once works: it waits for the store if it is still opening; so does a press.
    window.gate.sign_in.login.setText("rut")
    window.gate.sign_in.pin.setText("2468")
    qtbot.mouseClick(window.gate.sign_in.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.tabs, timeout=10_000)
    assert ctx.role == "reception"
    qtbot.mouseClick(issue_button(window, "A"), Qt.MouseButton.LeftButton)  # off the GUI thread
    shown = window.reception.findChild(QLabel, "last-ticket")
    qtbot.waitUntil(lambda: shown.text() == "A002", timeout=10_000)

    # Behind the window the store opened; changes from elsewhere keep showing.
    other = open_store(settings, now=clock.now)
    queue.issue_ticket(desk_for(other, clock), "A")
    other.close()
    qtbot.waitUntil(lambda: "3 väntar" in issue_button(window, "A").accessibleName())


def test_a_new_data_dir_is_created_and_seeded_before_the_window(qtbot, settings, started):
    assert not settings.sqlite_path.exists()
    _ctx, window = started()
    assert window.findChild(StoreOpening) is None  # nothing to read quickly: opened in full
    assert settings.sqlite_path.exists()
    assert "Ingen väntar" in issue_button(window, "A").accessibleName()


def test_a_store_that_cannot_open_is_reported_and_not_waited_for_forever(qtbot, settings):
    def refuse():
        raise StoreError("The database cannot be opened: disk I/O error")

    opening = StoreOpening(refuse)
    with qtbot.waitSignal(opening.failed, timeout=5000) as failed:
        opening.start()
    assert isinstance(failed.args[0], StoreError)
    with pytest.raises(StoreError):
        opening.wait()
    ctx = UiContext(
        settings=settings,
        store=opening,
        clock=SystemClock(),
        runner=ThreadRunner(),
        watcher=None,  # type: ignore[arg-type]
        prefs=Prefs(settings.data_dir / "ws.ini"),
        office_name="",
    )
    ctx.close()  # nothing to close, and no second error
