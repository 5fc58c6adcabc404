"""Shared fixtures: a fresh data dir, a manual clock and an open store per test."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.config import Settings, resolve_settings
from app.models.db import Store, open_store
from app.services.clock import ManualClock
from app.services.office import seed_store

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


@pytest.fixture
def store(settings: Settings, clock: ManualClock) -> Iterator[Store]:
    """A new store holding the seed office, closed after the test."""
    opened = open_store(settings, now=clock.now, seed=lambda s: seed_store(s, clock))
    yield opened
    opened.close()


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
