"""On a server store another PC's change reaches this PC's screens at once (LISTEN/NOTIFY),
without waiting for the next poll; the poll stays the fallback."""

from __future__ import annotations

from app.config import resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.store.engine import open_store
from app.ui.shell.watcher import RevisionWatcher
from tests.conftest import desk_for


def test_another_pcs_change_is_heard_before_the_next_poll(qtbot, postgres_url, tmp_path):
    clock = SystemClock()
    this_pc = open_store(
        resolve_settings(tmp_path / "pc1", postgres_url, env={}), seed=seeder(clock)
    )
    other_pc = open_store(resolve_settings(tmp_path / "pc2", postgres_url, env={}))
    watcher = RevisionWatcher(this_pc, clock)
    try:
        watcher.start()
        watcher._timer.stop()  # no polling at all: only what the server says can wake it
        assert watcher._listener is not None
        qtbot.waitUntil(watcher._listener.listening.is_set, timeout=5000)
        with qtbot.waitSignal(watcher.changed, timeout=2000) as heard:
            q.issue_ticket(desk_for(other_pc, clock), "A")
        assert [t.code for t in heard.args[0].waiting] == ["A001"]
    finally:
        watcher.stop()
        other_pc.close()
        this_pc.close()


def test_a_sqlite_store_is_only_polled(ui_ctx):
    ui_ctx.watcher.start()
    try:
        assert ui_ctx.watcher._listener is None
    finally:
        ui_ctx.watcher.stop()
