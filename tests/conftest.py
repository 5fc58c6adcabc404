"""Shared fixtures: a fresh data dir, a manual clock and an open store per test."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from app.config import Settings, resolve_settings
from app.services.access.actor import SYSTEM, Actor, Desk
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.store.backup import copy_into_new_file
from app.store.copy import copy_rows
from app.store.engine import Store, make_engine, open_store
from tests.postgres import new_database

pytest_plugins = ["tests.postgres"]  # postgres_server, postgres_url: a throwaway server

# A Tuesday morning in Stockholm (09:00 CET): an ordinary working day.
START = datetime(2026, 1, 13, 8, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for a data dir of this test's own (store, backups and logs inside it)."""
    return resolve_settings(data_dir=tmp_path / "data", env={})


@pytest.fixture
def clock() -> ManualClock:
    """A clock that stands still until the test moves it."""
    return ManualClock(START)


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new store holding the seed office, made (migrated and seeded) once per session."""
    settings = resolve_settings(data_dir=tmp_path_factory.mktemp("template"), env={})
    clock = ManualClock(START)
    open_store(settings, now=clock.now, seed=seeder(clock)).close()
    assert settings.sqlite_path is not None
    return settings.sqlite_path


def new_store(settings: Settings, clock: ManualClock, template: Path) -> Store:
    """A new store holding the seed office: a copy of the template, opened as the app opens it.

    Migrating and seeding a store costs about half a second; copying one, a few
    milliseconds. The copy goes through SQLite's backup API, as the app's do.
    """
    assert settings.sqlite_path is not None
    with contextlib.closing(sqlite3.connect(f"{template.as_uri()}?mode=ro", uri=True)) as src:
        copy_into_new_file(src, settings.sqlite_path)
    return open_store(settings, now=clock.now, seed=seeder(clock))


STORE_KINDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``both_stores`` runs once on SQLite and once on a PostgreSQL server."""
    if "store" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_stores"):
        metafunc.parametrize("store", STORE_KINDS, indirect=True)


@pytest.fixture(scope="session")
def server_template(postgres_server: str) -> str:
    """A database on the test server, migrated and seeded once: each test's is a copy."""
    settings = resolve_settings(
        data_dir=Path(tempfile.mkdtemp(prefix="servicedisk-template-")),
        database_url=new_database(postgres_server, "seeded_template"),
        env={},
    )
    clock = ManualClock(START)
    open_store(settings, now=clock.now, seed=seeder(clock)).close()
    return "seeded_template"


def new_server_store(
    request: pytest.FixtureRequest, settings: Settings, clock: ManualClock
) -> Store:
    """A new database on the test server holding the seed office (a copy of the template)."""
    url = new_database(
        request.getfixturevalue("postgres_server"),
        template=request.getfixturevalue("server_template"),
    )
    on_server = resolve_settings(data_dir=settings.data_dir, database_url=url, env={})
    return open_store(on_server, now=clock.now, seed=seeder(clock))


@pytest.fixture
def store(
    request: pytest.FixtureRequest, settings: Settings, clock: ManualClock, seeded_template: Path
) -> Iterator[Store]:
    """A new store holding the seed office, closed after the test.

    SQLite by default; a test marked ``both_stores`` gets each kind in turn.
    """
    kind = getattr(request, "param", "sqlite")
    if kind == "postgresql":
        opened = reset_server_store(request, settings, clock, seeded_template)
    else:
        opened = new_store(settings, clock, seeded_template)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def server_database(postgres_server: str, server_template: str) -> str:
    """One database on the test server that each test's server store starts over in."""
    return new_database(postgres_server, "tests_store", template=server_template)


def reset_server_store(
    request: pytest.FixtureRequest, settings: Settings, clock: ManualClock, template: Path
) -> Store:
    """The test server's store holding only the seed office again, opened for this test.

    Every row is replaced by the seeded template's (the code `servicedisk db copy`
    runs, ids and sequences included): some milliseconds, where a new database from
    a template takes a few hundred, and leaves nothing behind.
    """
    url = request.getfixturevalue("server_database")
    source, target = make_engine(f"sqlite:///{template}"), make_engine(url)
    try:
        copy_rows(source, target)
    finally:
        source.dispose()
        target.dispose()
    on_server = resolve_settings(data_dir=settings.data_dir, database_url=url, env={})
    return open_store(on_server, now=clock.now, seed=seeder(clock))


@pytest.fixture
def restore_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """cli.main() sets up file logging on the root logger; undo it after the test."""
    monkeypatch.delenv("SERVICEDISK_DATA_DIR", raising=False)
    monkeypatch.delenv("SERVICEDISK_DATABASE_URL", raising=False)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def import_or_skip(name: str) -> ModuleType:
    """Import a module, or skip with the reason when it (or a library it needs) is missing.

    ``pytest.importorskip`` skips only a missing module, not a module whose shared
    library is missing (QtTextToSpeech without libpulse0). CI installs every such
    library, so there (``SERVICEDISK_CI=1``) a failed import fails the test instead.
    """
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        if os.environ.get("SERVICEDISK_CI"):
            raise
        pytest.skip(f"{name} cannot load here: {exc}")


def sign_in_on(qtbot, window, login: str, pin: str) -> None:
    """Sign in at a main window's gate, as a person does, and wait for the screens."""
    from PySide6.QtCore import Qt

    panel = window.gate.sign_in
    panel.login.setText(login)
    panel.pin.setText(pin)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.tabs, timeout=10_000)


def desk_for(store: Store, clock: ManualClock, actor: Actor = SYSTEM) -> Desk:
    """The store and clock for a use case, acting as ``actor`` (the app's own upkeep unless a
    test is about who acts: tests/unit/test_roles.py checks each role's limits)."""
    return Desk(store, clock, actor)


@pytest.fixture
def desk(store: Store, clock: ManualClock) -> Desk:
    """The test's store and clock for use cases, acting as the app itself."""
    return desk_for(store, clock)
