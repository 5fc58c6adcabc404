"""What a screen needs, passed in: the store, the clock, the runner, the watcher, prefs."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from app.config import Settings
from app.services.clock import Clock
from app.ui.shell.opening import StoreOpening
from app.ui.shell.prefs import Prefs
from app.ui.shell.runner import Runner
from app.ui.shell.watcher import RevisionWatcher

if TYPE_CHECKING:
    from app.models.db import Store


# The modules behind the names screens ask for.
_SERVICE_MODULES = {
    "queue": "app.services.queue.calling",
    "errands": "app.services.errands.logbook",
    "setup": "app.services.setup.office_setup",
    "catalog": "app.services.catalog.transfer",
    "office": "app.services.office",
}


class UiContext:
    """The few collaborators every screen shares; built once in application.py or a test.

    The store is given open, or (at start-up) as a :class:`StoreOpening` still at
    work: :attr:`store` then waits for it the first time it is needed.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        store: Store | StoreOpening,
        clock: Clock,
        runner: Runner,
        watcher: RevisionWatcher,
        prefs: Prefs,
        office_name: str,
        role: str = "reception",  # until sign-in exists: chosen in the status bar
    ) -> None:
        self.settings, self.clock, self.runner = settings, clock, runner
        self.watcher, self.prefs = watcher, prefs
        self.office_name, self.role = office_name, role
        self._store = store

    @property
    def store(self) -> Store:
        """The open store (waiting for it in the first moments after start-up)."""
        store = self._store
        if isinstance(store, StoreOpening):
            store = self._store = store.wait()
        return store

    def services(self, name: str) -> ModuleType:
        """A service module (``"queue"``, ``"errands"``), loaded once the store is open.

        Screens reach their services through here, not by imports at the top: at
        start-up the services load with the store, on a thread of its own, after the
        first window is shown; and this waits for that before importing, so that two
        threads never import the same modules at once.
        """
        _ = self.store
        return importlib.import_module(_SERVICE_MODULES[name])

    def close(self) -> None:
        """Release the store's connections (nothing if it never opened: that was reported)."""
        try:
            store = self.store
        except Exception:
            return
        store.close()
