"""One way to run slow work off the GUI thread and get the result back on it.

Widgets call ``runner.submit(work, on_done, on_error)``; ``work`` runs on a
thread pool and the callbacks run on the GUI thread. Tests inject
:class:`SyncRunner`, which runs everything at once.

Work that must keep its order runs in a lane, one job after another on a thread
of its own: :data:`PRESSES` (what staff pressed, in the order they pressed it)
and :data:`WATCHING` (the watcher's reads of the queue). A server that does not
answer holds up its lane for at most the connect or statement timeout, never
the window, and a slow read never delays a press.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


# The lanes: work in one lane runs in the order it was submitted, one job at a time.
PRESSES = "presses"
WATCHING = "watching"
LANES = (PRESSES, WATCHING)


class Runner(Protocol):
    """Runs work and delivers its result (or exception) on the GUI thread."""

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        lane: str | None = None,
    ) -> None:
        """Run work (in order within ``lane``); call on_done(result) or on_error(exception)
        on the GUI thread."""
        ...


def _log_error(exc: Exception) -> None:
    log.error("background work failed: %s", exc, exc_info=exc)


class SyncRunner:
    """Runs work at once on the calling thread (tests, scripts)."""

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        lane: str | None = None,
    ) -> None:
        """Run work now and call back (every lane is this thread, in order)."""
        try:
            result = work()
        except Exception as exc:
            (on_error or _log_error)(exc)
            return
        on_done(result)


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry results back across threads."""

    done = Signal(object, object)  # (callback, result)


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._relay.done.emit(self._on_error, exc)
            return
        self._relay.done.emit(self._on_done, result)


class ThreadRunner(QObject):
    """Runs work on Qt's global thread pool, and each lane on a one-thread pool of its own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._pool = QThreadPool.globalInstance()
        self._lanes: dict[str, QThreadPool] = {}
        for name in LANES:
            lane = self._lanes[name] = QThreadPool(self)
            lane.setObjectName(f"lane-{name}")
            lane.setMaxThreadCount(1)  # one job at a time, in the order submitted

    def _deliver(self, callback: Callable[[Any], None], result: Any) -> None:
        callback(result)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        lane: str | None = None,
    ) -> None:
        """Queue work on the pool, or at the end of its lane."""
        pool = self._pool if lane is None else self._lanes[lane]
        pool.start(_Job(self._relay, work, on_done, on_error or _log_error))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for queued work to end (used at shutdown)."""
        lanes = all([lane.waitForDone(msecs) for lane in self._lanes.values()])
        return self._pool.waitForDone(msecs) and lanes
