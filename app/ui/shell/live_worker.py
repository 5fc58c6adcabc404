"""The office's live snapshot for the visitors' "follow your place" pages, pushed every 5 s.

A round runs on the runner, never on the GUI thread: it reads the office's
revision and whether the live page is on, and pushes the snapshot when the queue
moved or every half minute (:class:`~app.sync.live_sender.LiveSender`, which also
lets only one program of the office push). The log says once when pushing starts
failing and once when it works again. Nothing is pushed while the office has its
live page off or sync is not set up.

The sync modules load on the runner, after the store has opened: building the
pusher at start-up costs the window nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.ui.shell.context import UiContext

if TYPE_CHECKING:
    import httpx

    from app.sync.live_sender import LiveSender, Round

log = logging.getLogger(__name__)

PUSH_MS = 5_000


class LivePusher(QObject):
    """Pushes the live snapshot on the runner every ``interval_ms``; ``pushed`` carries each
    round's outcome (a :class:`~app.sync.live_sender.Round`)."""

    pushed = Signal(object)  # Round

    def __init__(
        self,
        ctx: UiContext,
        parent: QObject | None = None,
        *,
        interval_ms: int = PUSH_MS,
        client_factory: Callable[[], httpx.Client] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._client_factory, self._env = client_factory, env
        self._sender: LiveSender | None = None
        self._guard = threading.Lock()  # the sender, made on the runner; stop() from the GUI
        self._stopped = False
        self._in_flight = False
        self._failing = False
        self._first = True  # the first push is logged, to say the page is fed
        self.timer = QTimer(self)
        self.timer.setObjectName("live-push")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        """Push every interval from now on (the first round after one interval)."""
        if not self._stopped:
            self.timer.start()

    def stop(self) -> None:
        """No more rounds; the HTTP client closes and the office's push lock is let go, now or
        as soon as the round under way ends (never waited for here)."""
        self.timer.stop()
        with self._guard:
            self._stopped = True
            sender = self._sender
        if sender is not None:
            sender.close()

    def wait(self, timeout_s: float = 10.0) -> bool:
        """After :meth:`stop`: whether everything was let go within the time (tests, shutdown)."""
        with self._guard:
            sender = self._sender
        return sender is None or sender.wait_closed(timeout_s)

    def push_now(self) -> None:
        """A round now, unless one is under way."""
        self._on_tick()

    def _on_tick(self) -> None:
        if self._in_flight or self._stopped:
            return
        self._in_flight = True
        self._ctx.runner.submit(self._round, self._on_done, self._on_failed)

    def _round(self) -> Round | None:
        """On the runner: the sender made the first time (the store is open by then)."""
        from app.sync.live_sender import LiveSender

        store = self._ctx.store  # waits for a store still opening: here, not on the GUI
        with self._guard:
            if self._stopped:
                return None
            if self._sender is None:
                self._sender = LiveSender(
                    store, self._ctx.clock, client_factory=self._client_factory, env=self._env
                )
            sender = self._sender
        return sender.round()

    def _on_done(self, outcome: Round | None) -> None:
        self._in_flight = False
        if outcome is None:
            return
        result = outcome.result
        if result is not None:
            if not result.ok and not self._failing:
                log.warning("live page: pushing the snapshot fails: %s", result.error)
            elif result.ok and self._failing:
                log.info("live page: pushing the snapshot works again")
            elif result.ok and not self._failing and self._first:
                log.info("live page: pushing the snapshot (%d tickets)", result.tickets)
            self._failing = not result.ok
            self._first = False
        self.pushed.emit(outcome)

    def _on_failed(self, exc: Exception) -> None:
        self._in_flight = False
        if not self._failing:
            log.warning("live page: a round failed: %s", exc)
        self._failing = True
