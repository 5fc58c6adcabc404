"""Other PCs' changes heard at once on a server store: PostgreSQL's LISTEN/NOTIFY.

Every write that moves the office revision sends ``NOTIFY servicedisk_revision``
as it commits (:mod:`app.services.office.revision`). A thread of its own holds
one connection that listens, and wakes the watcher, which reads the queue as it
does on every poll. Polling stays as the fallback: when the server is away the
listener says so once in the log and tries again every few seconds.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from app.services.office.revision import NOTIFY_CHANNEL

log = logging.getLogger(__name__)

RETRY_S = 5.0
WAKE_S = 1.0  # how often the thread looks whether it should stop


class RevisionListener(QObject):
    """Emits ``notified`` (on the GUI thread) when another PC changes the office."""

    notified = Signal()

    def __init__(self, database_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._url = database_url
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()  # set while the connection listens (tests wait)

    def start(self) -> None:
        """Listen on a thread of its own."""
        self._thread = threading.Thread(target=self._run, name="revision-listener", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening (within a second)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * WAKE_S)

    def _run(self) -> None:
        import psycopg

        from app.store.server import CONNECT_TIMEOUT_S, server_conninfo

        failed = False
        while not self._stop.is_set():
            try:
                conninfo = server_conninfo(self._url)
                with psycopg.connect(
                    conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
                ) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening.set()
                    if failed:
                        log.info("listening to the server's changes again")
                    failed = False
                    while not self._stop.is_set():
                        for _note in conn.notifies(timeout=WAKE_S, stop_after=1):
                            self.notified.emit()
            except Exception as exc:  # the server away: polling carries on meanwhile
                self.listening.clear()
                if not failed:
                    log.warning("not listening to the server's changes (%s); polling", exc)
                failed = True
                self._stop.wait(RETRY_S)
        self.listening.clear()
