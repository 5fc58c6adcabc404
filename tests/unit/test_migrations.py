"""Schema changes go through Alembic: one head, models and migrations agree, backups first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select

import app.store.engine as db
from app.models import Base, Ticket
from app.services.office.info import get_office, seeder
from app.services.queue import calling as q
from app.store.backup import backup_sqlite
from app.store.engine import current_revision, make_engine, open_store
from app.store.migrations import HEAD_REVISION, KNOWN_REVISIONS
from tests.conftest import desk_for

MIGRATIONS = Path(db.__file__).resolve().parent / "migrations"


def _alembic_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_head_revision_is_alembics_only_head():
    scripts = ScriptDirectory(str(MIGRATIONS))
    assert scripts.get_heads() == [HEAD_REVISION]
    assert {r.revision for r in scripts.walk_revisions()} == KNOWN_REVISIONS


def test_an_empty_database_migrates_to_head(settings):
    store = open_store(settings)
    try:
        assert current_revision(store.engine) == HEAD_REVISION
        tables = set(inspect(store.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
    finally:
        store.close()
    # a new store has nothing to back up
    assert not settings.backups_dir.exists() or not any(settings.backups_dir.iterdir())


def test_the_migrations_build_exactly_the_models_schema(settings):
    store = open_store(settings)
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()


def test_migrations_downgrade_and_upgrade_again(settings):
    store = open_store(settings)
    try:
        with store.engine.execution_options(servicedisk_write=True).connect() as conn:
            command.downgrade(_alembic_config(conn), "base")
        assert current_revision(store.engine) is None
        assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
        with store.engine.execution_options(servicedisk_write=True).connect() as conn:
            command.upgrade(_alembic_config(conn), "head")
        assert current_revision(store.engine) == HEAD_REVISION
    finally:
        store.close()


def test_backup_is_a_consistent_copy_of_the_live_store(store, clock, desk, settings):
    for letter in "AABC":
        q.issue_ticket(desk, letter)  # still in the WAL, not yet in the main file
    target = backup_sqlite(
        store.engine, settings.backups_dir, reason="before-upgrade-0001", now=clock.now()
    )
    assert target.parent == settings.backups_dir
    assert "before-upgrade-0001" in target.name
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        codes = [r[0] for r in conn.execute("SELECT code FROM ticket ORDER BY id")]
    conn.close()
    assert codes == ["A001", "A002", "B001", "C001"]
    # the live store goes on as before
    assert q.issue_ticket(desk, "A").code == "A003"
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM ticket").fetchone() == (4,)
    conn.close()


def test_an_upgrade_takes_a_backup_first(settings, clock, monkeypatch):
    """A store left at 0001 (with a ticket in it) is copied before it is upgraded."""
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "A")
    with store.engine.execution_options(servicedisk_write=True).connect() as conn:
        command.downgrade(_alembic_config(conn), "0001")
    store.close()

    seen_at_upgrade: list[list[Path]] = []
    real_upgrade = db._upgrade

    def upgrade_and_look(engine):
        seen_at_upgrade.append(sorted(settings.backups_dir.glob("*.sqlite3")))
        real_upgrade(engine)

    monkeypatch.setattr(db, "_upgrade", upgrade_and_look)
    store = open_store(settings, now=clock.now)
    assert current_revision(store.engine) == HEAD_REVISION
    assert get_office(store).backup_days == 14  # the new column, with its default
    store.close()

    assert len(seen_at_upgrade) == 1
    (backup,) = seen_at_upgrade[0]
    assert "before-upgrade-0001" in backup.name
    engine = make_engine(f"sqlite:///{backup}")
    try:
        with engine.connect() as conn:
            assert conn.scalar(select(func.count()).select_from(Ticket)) == 1
    finally:
        engine.dispose()


def test_the_kept_head_schema_is_what_the_migrations_make():
    """A new migration comes with `python -m app.store.schema` (the schema opening checks)."""
    from app.store import schema

    assert schema.expected_schema(HEAD_REVISION) == schema._migrated_schema(HEAD_REVISION)
    assert not any(
        key.startswith(("trigger ", "view ")) for key in schema.expected_schema(HEAD_REVISION)
    )
