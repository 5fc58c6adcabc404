"""An office moves between SQLite and a PostgreSQL server whole, checked, and never into
another program's database; a server store is made ready with `servicedisk db init`."""

from __future__ import annotations

import sys
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import text

from app.cli.main import main
from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.services.access.actor import SYSTEM, Actor
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.services.stats.figures import period_figures
from app.services.upkeep.copying import TargetNotEmptyError, copy_store_to
from app.store.copy import row_counts
from app.store.engine import make_engine, open_store
from app.store.errors import StoreError
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.fixture
def office(store, clock):
    """A SQLite office with three weeks of history and a ticket waiting today."""
    generate_demo(desk_for(store, clock), days=21, seed=4, visits_per_day=60)
    q.issue_ticket(desk_for(store, clock), "A")
    return store


def _figures(store, clock):
    today = clock.now().date()
    return period_figures(store, today - timedelta(days=20), today, clock.now())


def test_an_office_moves_to_a_server_and_back_with_every_row_and_figure(
    office, clock, postgres_url, tmp_path
):
    manager = desk_for(office, clock, Actor(role="manager", login="karin"))
    report = copy_store_to(manager, postgres_url)
    assert report.rows == row_counts(office.engine) and report.days_checked >= 5
    assert report.rows["ticket"] > 300 and report.rows["errand"] > 300

    server = open_store(resolve_settings(tmp_path / "pc2", postgres_url, env={}))
    try:
        assert _figures(server, clock) == _figures(office, clock)
        waiting = [t.code for t in q.snapshot(desk_for(server, clock)).waiting]
        assert waiting == [t.code for t in q.snapshot(desk_for(office, clock)).waiting]
        # The server's ids go on after the copied ones: the next ticket is stored, and numbered.
        assert q.issue_ticket(desk_for(server, clock), "A").code == "A002"
        on_server = _figures(server, clock)
        back = tmp_path / "back" / "servicedisk.sqlite3"
        copy_store_to(desk_for(server, clock, SYSTEM), f"sqlite:///{back}")
    finally:
        server.close()
    again = open_store(resolve_settings(back.parent, env={}))
    try:
        assert [t.code for t in q.snapshot(desk_for(again, clock)).waiting] == ["A001", "A002"]
        assert _figures(again, clock) == on_server
    finally:
        again.close()


def test_a_target_with_an_office_is_replaced_only_when_asked(office, clock, postgres_url):
    desk = desk_for(office, clock)
    settings = resolve_settings(office.settings.data_dir / "x", postgres_url, env={})
    open_store(settings, now=clock.now, seed=seeder(clock)).close()  # a seeded office there
    with pytest.raises(TargetNotEmptyError):
        copy_store_to(desk, postgres_url)
    engine = make_engine(postgres_url)
    try:
        assert row_counts(engine)["ticket"] == 0  # untouched
        copy_store_to(desk, postgres_url, replace=True)
        assert row_counts(engine) == row_counts(office.engine)
    finally:
        engine.dispose()


def test_another_programs_database_is_never_written(office, clock, postgres_url, tmp_path):
    dsn = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE contacts (name text)")
        conn.execute("INSERT INTO contacts VALUES ('someone')")
    with pytest.raises(StoreError, match="another program"):
        copy_store_to(desk_for(office, clock), postgres_url)
    with pytest.raises(StoreError, match="another program") as refused:
        open_store(resolve_settings(tmp_path / "pc", postgres_url, env={}))
    assert "annat programs tabeller" in refusal_text(refused.value)
    with psycopg.connect(dsn) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
        assert tables == [("contacts",)]
        assert conn.execute("SELECT name FROM contacts").fetchall() == [("someone",)]


def test_only_a_manager_copies_the_office(office, clock, postgres_url):
    from app.services.access.actor import NotAllowedError

    with pytest.raises(NotAllowedError):
        copy_store_to(desk_for(office, clock, Actor(role="caseworker")), postgres_url)


def test_db_init_and_copy_from_the_command_line(office, postgres_url, tmp_path, capsys):
    data, sqlite = str(office.settings.data_dir), office.settings.sqlite_path
    office.close()
    assert main(["--data-dir", data, "db", "copy", "--to", postgres_url]) == 0
    out, err = capsys.readouterr()
    assert "ticket\t" in out and "agree" in err
    assert main(["--data-dir", data, "db", "copy", "--to", postgres_url]) == 1  # not without --yes
    assert "--yes" in capsys.readouterr().err
    with_password = postgres_url.replace("servicedisk@", "servicedisk:secret@")
    assert main(["--data-dir", data, "db", "copy", "--to", with_password]) == 2
    assert "PGPASSFILE" in capsys.readouterr().err
    on_server = ["--data-dir", str(tmp_path / "pc2"), "--database-url", postgres_url]
    assert main([*on_server, "db", "init"]) == 0  # a store already: opened, nothing changed
    assert "schema\t" in capsys.readouterr().out
    engine = make_engine(postgres_url)
    try:
        assert (
            row_counts(engine)["ticket"] == row_counts(make_engine(f"sqlite:///{sqlite}"))["ticket"]
        )
    finally:
        engine.dispose()


def test_an_empty_server_database_becomes_a_store_with_db_init(postgres_url, tmp_path, capsys):
    on_server = ["--data-dir", str(tmp_path / "pc"), "--database-url", postgres_url]
    assert main([*on_server, "db", "init"]) == 0
    assert "Servicekontoret" in capsys.readouterr().out
    engine = make_engine(postgres_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM office")).scalar() == 1
    finally:
        engine.dispose()


def test_without_the_driver_one_sentence_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"servicedisk\[postgres\]"):
        make_engine("postgresql+psycopg://servicedisk@127.0.0.1:1/x")


def test_a_server_store_is_backed_up_as_a_portable_file_once_a_day_per_office(
    postgres_url, tmp_path
):
    from app.services.office.clock import ManualClock
    from app.services.upkeep.backups import backup_now, daily_backup
    from app.store.backup import list_backups, verify
    from tests.conftest import START

    clock = ManualClock(START)
    pcs = [resolve_settings(tmp_path / name, postgres_url, env={}) for name in ("pc1", "pc2")]
    stores = [open_store(s, now=clock.now, seed=seeder(clock)) for s in pcs]
    try:
        q.issue_ticket(desk_for(stores[0], clock), "B")
        first = daily_backup(desk_for(stores[0], clock, SYSTEM))
        assert first is not None and verify(first).kind.value == "store"
        assert daily_backup(desk_for(stores[1], clock, SYSTEM)) is None  # taken today already
        assert list_backups(pcs[1].backups_dir) == []
        clock.advance(days=1)
        assert daily_backup(desk_for(stores[1], clock, SYSTEM)) is not None  # a new day
        manual = backup_now(desk_for(stores[0], clock, Actor(role="manager", login="karin")))
    finally:
        for store in stores:
            store.close()
    copy = open_store(resolve_settings(tmp_path / "restored", f"sqlite:///{manual}", env={}))
    try:
        assert [t.code for t in q.snapshot(desk_for(copy, clock)).waiting] == []  # next day
        assert row_counts(copy.engine)["ticket"] == 1
    finally:
        copy.close()


def test_a_server_store_is_restored_from_its_portable_backup(postgres_url, tmp_path):
    from app.services.office.clock import ManualClock
    from app.services.upkeep.backups import StoreFiles, backup_now, restore_store
    from tests.conftest import START

    clock = ManualClock(START)
    settings = resolve_settings(tmp_path / "pc1", postgres_url, env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    manager = Actor(role="manager", login="karin")
    try:
        desk = desk_for(store, clock, manager)
        q.issue_ticket(desk, "A")
        copy = backup_now(desk)
        q.issue_ticket(desk, "A")  # after the backup: A002 was handed out
        report = restore_store(StoreFiles(settings, clock, manager), copy)
        assert report.taken_before is not None and report.taken_before.is_file()
        assert [t.code for t in q.snapshot(desk).waiting] == ["A001"]
        assert q.issue_ticket(desk, "A").code == "A003"  # numbers never go back
    finally:
        store.close()


def test_the_servers_password_comes_from_the_keyring_when_the_url_has_none(monkeypatch):
    import types

    from app.store.server import keyring_entry

    asked = []
    fake = types.SimpleNamespace(
        get_password=lambda service, entry: asked.append((service, entry)) or "from-keyring"
    )
    monkeypatch.setitem(sys.modules, "keyring", fake)
    url = "postgresql+psycopg://office@db.example:5433/kontoret?sslmode=verify-full"
    engine = make_engine(url)
    try:
        assert engine.url.password == "from-keyring"
        assert engine.url.query["sslmode"] == "verify-full"
        assert asked == [("servicedisk", keyring_entry(url))]
        assert keyring_entry(url) == "postgresql:office@db.example:5433/kontoret"
    finally:
        engine.dispose()
    given = make_engine(url.replace("office@", "office:given@"))
    try:
        assert given.url.password == "given"  # the URL's own wins (from SERVICEDISK_DATABASE_URL)
    finally:
        given.dispose()
