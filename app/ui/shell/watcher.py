"""Watches the office revision and hands screens a fresh queue snapshot when it moves.

Polling one integer is cheap, and works the same for several windows, several
processes on one PC and several PCs on a shared database. On a server store the
watcher also listens (:mod:`app.ui.shell.listener`): another PC's change is read at
once, and polling stays the fallback.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.office.clock import Clock
from app.services.queue.views import QueueSnapshot, office_revision, queue_snapshot
from app.store.rows import Readable
from app.ui.shell.office_time import use_zone

if TYPE_CHECKING:
    from app.ui.shell.listener import RevisionListener

log = logging.getLogger(__name__)

POLL_MS = 400
# Waits shown on screen grow with time even when nothing changes.
REFRESH_SECONDS = 15.0


class RevisionWatcher(QObject):
    """Emits ``changed`` with a new snapshot whenever the office revision moves."""

    changed = Signal(object)  # QueueSnapshot
    failed = Signal(str)  # Swedish sentence for the status bar

    def __init__(self, source: Readable, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source, self._clock = source, clock
        self._revision = -1
        self._read_at = 0.0
        self._last_error: str | None = None
        self.snapshot: QueueSnapshot | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._listener: RevisionListener | None = None

    def start(self) -> None:
        """Read now (unless a snapshot is already here), then poll (and listen, on a server)."""
        if self.snapshot is None:
            self.refresh()
        self._timer.start()
        self._listen(self._source)

    def set_source(self, source: Readable) -> None:
        """Read from now on through this (the store, once start-up has opened it)."""
        self._source = source
        if self._timer.isActive():
            self._listen(source)

    def stop(self) -> None:
        """Stop polling and listening."""
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def _listen(self, source: Readable) -> None:
        """On a server store, poll at once when another PC says it changed something."""
        settings = getattr(source, "settings", None)
        if self._listener is not None or getattr(source, "dialect", None) != "postgresql":
            return
        if settings is None:
            return
        from app.ui.shell.listener import RevisionListener

        self._listener = RevisionListener(settings.database_url, self)
        self._listener.notified.connect(self.poll)
        self._listener.start()

    def poll(self) -> None:
        """Check the revision; read and emit a snapshot if it moved (or waits went stale)."""
        try:
            revision = office_revision(self._source)
        except Exception as exc:  # a locked or vanished database must not kill the GUI
            self._report(exc)
            return
        stale = time.monotonic() - self._read_at > REFRESH_SECONDS
        if revision != self._revision or stale:
            self.refresh()

    def refresh(self) -> None:
        """Read and emit a snapshot now (after this window's own change, say)."""
        try:
            snapshot = queue_snapshot(self._source, self._clock)
        except Exception as exc:
            self._report(exc)
            return
        self._last_error = None
        self._revision, self._read_at = snapshot.revision, time.monotonic()
        self.snapshot = snapshot
        use_zone(snapshot.time_zone)
        self.changed.emit(snapshot)

    def _report(self, exc: Exception) -> None:
        message = f"{exc}"
        if message != self._last_error:
            log.warning("could not read the queue: %s", exc)
            self._last_error = message
            self.failed.emit(self.tr("Kunde inte läsa kön från databasen. Försöker igen …"))
