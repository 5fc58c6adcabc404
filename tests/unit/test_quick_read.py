"""Start-up's quick read: the front-desk picture straight from the SQLite file.

Start-up shows its first window from :class:`SqliteReader` before SQLAlchemy has
loaded; what it shows must be exactly what the store shows, and it must step
aside (None) whenever the store needs opening in full first.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from app.demo.fill import generate_demo
from app.services.queue import calling as queue
from app.services.queue.views import DEFAULT_SERVICE_SECONDS, queue_snapshot
from app.store.rows import SqliteReader
from tests.conftest import desk_for

ROOT = Path(__file__).resolve().parents[2]


def busy_day(store, clock) -> None:
    """A morning with a bit of everything the screens show."""
    desk = desk_for(store, clock)
    for letter in "AABBC":
        queue.issue_ticket(desk, letter)
        clock.advance(minutes=2)
    queue.issue_ticket(desk, "A", booked=True)
    served = queue.call_next(desk, 1)
    clock.advance(minutes=4)
    queue.finish(desk, served.code)
    called = queue.call_next(desk, 2)
    clock.advance(minutes=1)
    queue.recall(desk, called.code)
    parked = queue.call_next(desk, 3)
    queue.park(desk, parked.code)
    clock.advance(minutes=3)


def test_the_quick_read_shows_exactly_what_the_store_shows(store, clock, desk, settings):
    generate_demo(desk, days=20, seed=5, visits_per_day=80)
    busy_day(store, clock)
    reader = SqliteReader.open(settings.sqlite_path)
    assert reader is not None
    try:
        quick = queue_snapshot(reader, clock)
    finally:
        reader.close()
    full = queue_snapshot(store, clock)
    assert quick == full
    # The picture is not empty: every part of it was compared.
    assert quick.waiting and quick.parked and quick.recent_calls
    assert any(p.current for p in quick.points)
    assert any(q.served_today for q in quick.queues)
    assert any(q.service_seconds != DEFAULT_SERVICE_SECONDS for q in quick.queues)
    assert quick.opening_hours["wed"] == [["10:00", "16:00"]]


def test_no_quick_read_without_a_file(settings):
    assert SqliteReader.open(settings.sqlite_path) is None
    assert not settings.sqlite_path.exists()  # and none was made


def test_no_quick_read_of_a_store_that_needs_an_upgrade(store, settings):
    store.close()
    with sqlite3.connect(settings.sqlite_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0000'")
    assert SqliteReader.open(settings.sqlite_path) is None


def test_no_quick_read_of_a_store_without_its_office(settings):
    from app.store.engine import open_store

    open_store(settings).close()  # the schema, but not seeded
    assert SqliteReader.open(settings.sqlite_path) is None


def test_no_quick_read_of_a_file_that_is_no_database(settings):
    settings.sqlite_path.parent.mkdir(parents=True)
    settings.sqlite_path.write_bytes(b"not a database at all, but someone's file")
    assert SqliteReader.open(settings.sqlite_path) is None
    assert settings.sqlite_path.read_bytes() == b"not a database at all, but someone's file"


def test_the_quick_reader_cannot_write(store, settings):
    reader = SqliteReader.open(settings.sqlite_path)
    assert reader is not None
    try:
        with reader.reading() as fetch:
            try:
                fetch("DELETE FROM ticket", {})
            except sqlite3.OperationalError as exc:
                assert "readonly" in str(exc)
            else:
                raise AssertionError("the quick reader deleted rows")
    finally:
        reader.close()


def test_the_window_s_start_up_code_loads_without_sqlalchemy():
    """What start-up imports before the first window is shown leaves SQLAlchemy for later.

    Reception and the service point are the screens a workstation starts on.
    """
    code = (
        "import sys\n"
        "from app.cli import main as cli\n"
        "cli.load_gui()\n"
        "import app.ui.shell.main_window, app.ui.reception.screen\n"
        "import app.ui.service_point.screen, app.ui.display.screen\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "[]"
