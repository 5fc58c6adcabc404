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


def _page(qtbot, ui_ctx):
    from app.ui.settings.database import DatabasePage

    page = DatabasePage(ui_ctx)
    qtbot.addWidget(page)
    page.reload()
    return page


def test_the_manager_tries_a_server_and_chooses_it_for_this_pc(qtbot, ui_ctx, postgres_url):
    from PySide6.QtCore import Qt

    from app.config import resolve_settings as settings_for

    page = _page(qtbot, ui_ctx)
    assert "egen fil" in page.current.text()
    page.url.setText(postgres_url)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tom" in page.result.text(), timeout=5000)  # an empty database
    made = settings_for(ui_ctx.settings.data_dir / "x", postgres_url, env={})
    open_store(made, seed=seeder(SystemClock())).close()  # `servicedisk db init`
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Servicekontoret" in page.result.text(), timeout=5000)
    qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
    assert "nästa start" in page.result.text()
    again = settings_for(ui_ctx.settings.data_dir, env={})  # the next start on this PC
    assert again.database_url == postgres_url and again.sqlite_path is None
    kept = ui_ctx.settings.data_dir / "database-url"
    assert kept.stat().st_mode & 0o077 == 0  # this user's alone


def test_a_password_or_a_wrong_address_is_refused_in_swedish(qtbot, ui_ctx, postgres_url):
    from PySide6.QtCore import Qt

    page = _page(qtbot, ui_ctx)
    page.url.setText(postgres_url.replace("servicedisk@", "servicedisk:hemligt@"))
    qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
    assert "lösenordet" in page.result.text()
    page.url.setText("sqlite:///elsewhere.sqlite3")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ska se ut" in page.result.text(), timeout=5000)
    page.url.setText("postgresql+psycopg://servicedisk@127.0.0.1:1/nowhere")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gick inte att ansluta" in page.result.text(), timeout=10000)
    assert not (ui_ctx.settings.data_dir / "database-url").exists()
