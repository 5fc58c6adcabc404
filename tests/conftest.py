"""Shared fixtures: a fresh data dir, a manual clock and an open store per test."""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from types import ModuleType

import pytest

from app.config import Settings, resolve_settings
from app.services.office.clock import ManualClock
from app.services.office.info import seed_store
from app.store.engine import Store, open_store

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
