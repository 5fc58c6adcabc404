"""The app's live pusher against a real receiver (uvicorn on a loopback port, in a thread)."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tests.conftest import desk_for, import_or_skip

import_or_skip("fastapi")
# ruff: noqa: E402 - the imports below need fastapi, checked just above
import uvicorn
from sqlalchemy import text

from app.receiver.app import create_app
from app.receiver.guard import RateLimit
from app.services.queue import calling
from app.services.setup.office_setup import update_office
from app.sync import live_sender
from app.sync.live_sender import LiveSender, PushLock
from app.ui.shell.context import UiContext
from app.ui.shell.live_worker import LivePusher
from app.ui.shell.runner import ThreadRunner
from tests.receiving import receiver_store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Receiver:
    """The receiver, served by uvicorn in a thread of this process."""

    def __init__(self, engine) -> None:
        self.engine, self.port = engine, free_port()
        app = create_app(engine, rate=RateLimit(rate=1e6, burst=10**6))
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def tickets(self) -> int | None:
        import json

        with self.engine.connect() as conn:
            body = conn.execute(text("SELECT body FROM live_snapshot")).scalar()
        return None if body is None else len(json.loads(body)["tickets"])


@pytest.fixture
def receiver(tmp_path) -> Iterator[Receiver]:
    engine = receiver_store(tmp_path / "receiver.sqlite3")
    found = Receiver(engine)
    found.thread.start()
    deadline = time.monotonic() + 20
    while not found.server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield found
    found.server.should_exit = True
    found.thread.join(timeout=10)
    engine.dispose()


@pytest.fixture
def threaded(ui_ctx) -> Iterator[UiContext]:
    """The widget tests' context, with the app's real thread runner."""
    runner = ThreadRunner()
    ctx = UiContext(
        settings=ui_ctx.settings,
        store=ui_ctx.store,
        clock=ui_ctx.clock,
        runner=runner,
        watcher=ui_ctx.watcher,
        prefs=ui_ctx.prefs,
        office_name=ui_ctx.office_name,
        role="manager",
    )
    yield ctx
    runner.wait()


def pusher_for(ctx, qtbot, env: dict[str, str]) -> tuple[LivePusher, list]:
    pusher = LivePusher(ctx, interval_ms=40, env=env)
    rounds: list = []
    pusher.pushed.connect(rounds.append)
    return pusher, rounds


def test_the_pusher_feeds_the_receiver_while_the_live_page_is_on_and_stops_cleanly(
    qtbot, threaded, receiver
):
    env = {"SERVICEDISK_SYNC_URL": receiver.url, "SERVICEDISK_SYNC_TOKEN": "good"}
    desk = desk_for(threaded.store, threaded.clock)
    calling.issue_ticket(desk, "A", language="ar")
    pusher, rounds = pusher_for(threaded, qtbot, env)
    pusher.start()
    qtbot.waitUntil(lambda: len(rounds) >= 3, timeout=5000)
    assert {r.skipped for r in rounds} == {"off"} and receiver.tickets() is None

    update_office(threaded.desk, live_page=True)
    qtbot.waitUntil(lambda: any(r.result and r.result.ok for r in rounds), timeout=5000)
    assert receiver.tickets() == 1
    qtbot.waitUntil(lambda: rounds[-1].skipped == "unchanged", timeout=5000)

    calling.issue_ticket(desk, "B")  # the queue moved: pushed at the next round
    qtbot.waitUntil(lambda: receiver.tickets() == 2, timeout=5000)

    pusher.stop()
    assert pusher.wait(10)
    assert not pusher.timer.isActive()
    seen = len(rounds)
    qtbot.wait(200)
    assert len(rounds) <= seen + 1  # at most the round that was under way
    other = PushLock(threaded.store)  # the office's push lock was let go
    assert other.take()
    other.release()


def test_one_line_when_pushing_starts_failing_and_one_when_it_works_again(
    qtbot, threaded, receiver, caplog, monkeypatch
):
    monkeypatch.setattr(live_sender, "PUSH_S", 0.01)  # retry at once, not after 5, 10, 20 s
    update_office(threaded.desk, live_page=True)
    env = {
        "SERVICEDISK_SYNC_URL": f"http://127.0.0.1:{free_port()}",
        "SERVICEDISK_SYNC_TOKEN": "good",
    }
    pusher, rounds = pusher_for(threaded, qtbot, env)
    caplog.set_level(logging.INFO, logger="app.ui.shell.live_worker")
    pusher.start()
    qtbot.waitUntil(lambda: len([r for r in rounds if r.result]) >= 3, timeout=5000)
    assert all(not r.result.ok for r in rounds if r.result)
    env["SERVICEDISK_SYNC_URL"] = receiver.url  # the receiver is back (read again after a failure)
    qtbot.waitUntil(lambda: receiver.tickets() == 0, timeout=5000)
    qtbot.waitUntil(lambda: rounds[-1].skipped == "unchanged", timeout=5000)
    pusher.stop()
    assert pusher.wait(10)
    said = [r.getMessage() for r in caplog.records if r.name == "app.ui.shell.live_worker"]
    assert len(said) == 2, said
    assert said[0].startswith("live page: pushing the snapshot fails: ConnectError")
    assert said[1] == "live page: pushing the snapshot works again"


def test_nothing_is_pushed_without_sync_set_up_and_a_second_program_leaves_it_to_the_first(
    qtbot, ui_ctx, receiver, monkeypatch
):
    monkeypatch.setitem(__import__("sys").modules, "keyring", None)
    update_office(ui_ctx.desk, live_page=True)
    alone = LiveSender(ui_ctx.store, ui_ctx.clock, env={})
    assert alone.round().skipped == "not set up"
    alone.close()
    env = {"SERVICEDISK_SYNC_URL": receiver.url, "SERVICEDISK_SYNC_TOKEN": "good"}
    first = LiveSender(ui_ctx.store, ui_ctx.clock, env=env)
    second = LiveSender(ui_ctx.store, ui_ctx.clock, env=env)
    assert first.round().result.ok
    assert second.round().skipped == "another program"
    first.close()
    assert first.wait_closed(5)
    assert second.round().result.ok  # the first let go: the second takes over
    second.close()
