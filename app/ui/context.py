"""What a screen needs, passed in: the store, the clock, the runner, the watcher, prefs."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import Settings
from app.models.db import Store
from app.services.clock import Clock
from app.ui.prefs import Prefs
from app.ui.runner import Runner
from app.ui.watcher import RevisionWatcher


@dataclass
class UiContext:
    """The few collaborators every screen shares; built once in application.py or a test."""

    settings: Settings
    store: Store
    clock: Clock
    runner: Runner
    watcher: RevisionWatcher
    prefs: Prefs
    office_name: str
    role: str = "reception"  # until sign-in exists: chosen in the status bar
