"""Watches the office revision and hands screens a fresh queue snapshot when it moves.

Polling one integer is cheap, and works the same for several windows, several
processes on one PC and several PCs on a shared database. On a server store the
watcher also listens (:mod:`app.ui.shell.listener`): another PC's change is read at
once, and polling stays the fallback.

The reads run off the GUI thread, in the runner's watching lane: a server that
is slow or away never holds the window up. While the queue cannot be read the
screens keep the last picture, and :attr:`RevisionWatcher.read_at` says when it
was read (each waiting list says so); the next poll that reads it ends that.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.office.clock import Clock
from app.services.queue.views import QueueSnapshot, office_revision, queue_snapshot
from app.store.rows import Readable
from app.ui.shell.office_time import use_zone
from app.ui.shell.runner import WATCHING, Runner, SyncRunner

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
    recovered = Signal()  # the queue could be read again after a failure

    def __init__(
        self,
        source: Readable,
        clock: Clock,
        runner: Runner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source, self._clock = source, clock
        self._runner: Runner = runner if runner is not None else SyncRunner()
        self._revision = -1
        self._read_at = 0.0
        self._last_error: str | None = None
        self._reading = False  # a read is in the lane; another tick waits for it
        self._again = False  # a refresh was asked for meanwhile: read once more after it
        self.snapshot: QueueSnapshot | None = None
        # When the queue shown was read (the office's clock), for "last read at" notices.
        self.read_at: datetime | None = None
        self.failing = False  # the last read failed: the screens show an older picture
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

    def set_source(self, source: Readable, then: Callable[[], None] | None = None) -> None:
        """Read from now on through this (the store, once start-up has opened it).

        ``then`` runs in the watching lane after every read through the old source,
        where closing that source cannot meet a read still at work.
        """
        self._source = source
        if then is not None:
            self.after_reads(then)
        if self._timer.isActive():
            self._listen(source)

    def after_reads(self, then: Callable[[], None]) -> None:
        """Run ``then`` in the watching lane, after every read already asked for."""
        self._runner.submit(then, lambda _none: None, lane=WATCHING)

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
        """Check the revision (in the lane); read and emit a snapshot if it moved or aged."""
        stale = time.monotonic() - self._read_at > REFRESH_SECONDS
        self._read(None if stale else self._revision)

    def refresh(self) -> None:
        """Read (in the lane) and emit a snapshot (after this window's own change, say)."""
        self._read(None)

    def refresh_now(self) -> None:
        """Read on this thread: the first picture at start-up, before any window shows."""
        try:
            snapshot = queue_snapshot(self._source, self._clock)
        except Exception as exc:
            self._report(exc)
            return
        self.accept(snapshot)

    def _read(self, known: int | None) -> None:
        if self._reading:
            if known is None:
                self._again = True
            return
        self._reading = True
        source, clock = self._source, self._clock

        def work() -> QueueSnapshot | None:
            if known is not None and office_revision(source) == known:
                return None  # nothing moved: nothing to read
            return queue_snapshot(source, clock)

        self._runner.submit(work, self._read_done, self._read_failed, lane=WATCHING)

    def _read_done(self, snapshot: QueueSnapshot | None) -> None:
        self._reading = False
        if snapshot is not None:
            self.accept(snapshot)
        elif self.failing:
            self._recovered()
        self._read_again()

    def _read_failed(self, exc: Exception) -> None:
        self._reading = False
        self._report(exc)
        self._read_again()

    def _read_again(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def accept(self, snapshot: QueueSnapshot) -> None:
        """Show this snapshot (read in the lane, or by a press after its change) on every screen.

        An older one than the screens show (a press's, overtaken by a poll) is not shown.
        """
        if snapshot.revision < self._revision:
            return
        if self.failing:
            self._recovered()
        self._revision, self._read_at = snapshot.revision, time.monotonic()
        self.read_at = snapshot.now
        self.snapshot = snapshot
        use_zone(snapshot.time_zone)
        self.changed.emit(snapshot)

    def _recovered(self) -> None:
        log.info("the queue can be read again")
        self.failing, self._last_error = False, None
        self.recovered.emit()

    def _report(self, exc: Exception) -> None:
        self.failing = True
        message = f"{exc}"
        if message != self._last_error:
            log.warning("could not read the queue: %s", exc)
            self._last_error = message
            self.failed.emit(self.tr("Kunde inte läsa kön från databasen. Försöker igen …"))
