"""The app's sync rounds and the status bar line: not set up, offline, online, refused."""

from __future__ import annotations

import socket
from types import SimpleNamespace

import pytest

from app.services.queue import calling as queue
from app.sync.client import Report
from app.ui.shell.sync_worker import SyncWorker
from tests.conftest import desk_for


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def worker(qtbot, ui_ctx):
    found = SyncWorker(ui_ctx)
    lines: list = []
    found.changed.connect(lines.append)
    found.lines = lines
    yield found
    found.timer.stop()


def test_not_set_up_says_so(worker, monkeypatch):
    monkeypatch.delenv("SERVICEDISK_SYNC_URL", raising=False)
    monkeypatch.delenv("SERVICEDISK_SYNC_TOKEN", raising=False)
    monkeypatch.setitem(__import__("sys").modules, "keyring", None)
    worker.sync_now()
    assert worker.lines[-1].text == "Synk: inte inställd"


def test_an_unreachable_receiver_is_offline_and_nothing_is_lost(
    worker, ui_ctx, ui_clock, monkeypatch
):
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    monkeypatch.setenv("SERVICEDISK_SYNC_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("SERVICEDISK_SYNC_TOKEN", "x")
    worker.sync_now()
    line = worker.lines[-1]
    assert (line.text, line.kind) == ("Synk: offline · 1 dag väntar", "error")
    assert worker.timer.isActive()  # the next round is planned (with backoff)


def test_the_lines_for_online_and_a_refused_token(worker):
    from datetime import UTC, datetime

    summary = SimpleNamespace(waiting=0, last_acked_at=datetime(2026, 3, 10, 9, 42, tzinfo=UTC))
    line, delay = worker.describe(summary, Report(), None)
    assert (line.text, line.kind, delay) == ("Synk: online · senast 10:42", "ok", 60.0)
    refused = Report(stopped="the receiver refused the token (check the sync token)")
    line, _delay = worker.describe(SimpleNamespace(waiting=3, last_acked_at=None), refused, None)
    assert (line.text, line.kind) == ("Synk: fel – nyckeln avvisades", "error")
    waiting = Report(retry=True, retry_after_s=120.0)
    line, delay = worker.describe(SimpleNamespace(waiting=3, last_acked_at=None), waiting, None)
    assert (line.text, delay) == ("Synk: offline · 3 dagar väntar", 120.0)
