"""Pushing the live snapshot, round after round, from one program of the office (no Qt).

:class:`LiveSender` is what the app's pusher (:mod:`app.ui.shell.live_worker`)
runs on a worker every few seconds; :class:`PushLock` makes sure that of all the
programs and PCs of an office only one pushes (the others' rounds skip), so an
office with twenty workstations sends what one would.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

import httpx

from app.services.office.clock import Clock
from app.services.queue.views import read_revision
from app.store.engine import Store, beside
from app.sync.client import SyncConfigError, Target, http_client, resolve_target
from app.sync.live import OFFICE_SQL, LiveResult, push_live

log = logging.getLogger(__name__)

LOCK_KEY = 0x5D_4C_49_56  # "]LIV": the advisory lock of the office's one pusher on a server
PUSH_S = 5.0  # a round every five seconds …
HEARTBEAT_S = 30.0  # … sends when the queue moved, else this often: the page's 60 s stays green
TARGET_S = 60.0  # the sync address and token read again this often (the keyring is slow)


class PushLock:
    """One pusher per office: held from the first round that takes it until :meth:`release`.

    A lock file beside a SQLite store (every program of that store is on one PC); a
    session-level advisory lock on a server store, on a connection of its own that the
    server lets go of when the program dies. Without a file (an in-memory test store) it
    is always held.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._handle: IO[bytes] | None = None
        self._conn: Any = None

    def take(self) -> bool:
        """Whether this program is the office's pusher now (taking the lock if it is free)."""
        if self._store.dialect == "postgresql":
            return self._take_on_server()
        settings = self._store.settings
        path = settings.sqlite_path if settings is not None else None
        if path is None or self._handle is not None:
            return True
        handle = open(beside(path, ".live-lock"), "a+b")  # noqa: SIM115 - held across rounds
        try:
            _lock_now(handle)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def _take_on_server(self) -> bool:
        from sqlalchemy import text

        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT 1"))  # the session, and so its lock, lives
                return True
            except Exception:  # the connection was lost, and the lock with it
                self._drop_connection()
        conn = self._store.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            taken = bool(
                conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar()
            )
        except Exception:
            conn.close()
            raise
        if not taken:
            conn.close()
            return False
        self._conn = conn
        return True

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        with contextlib.suppress(Exception):
            conn.invalidate()  # never back to the pool with the lock still on it
            conn.close()

    def release(self) -> None:
        """Let another program push (at the end, or when this one stops)."""
        if self._conn is not None:
            from sqlalchemy import text

            with contextlib.suppress(Exception):
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
            self._drop_connection()
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()  # closing the descriptor drops its lock
            self._handle = None


def _lock_now(handle: IO[bytes]) -> None:
    """An exclusive lock on the file or OSError at once, when another program has it."""
    if os.name == "nt":  # pragma: no cover - Windows only
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


@dataclass(frozen=True)
class Round:
    """What one round did: the push's result, or why nothing was sent (``skipped``)."""

    result: LiveResult | None = None
    skipped: str | None = None  # off, not set up, another program, unchanged, waiting, stopped


class LiveSender:
    """The rounds of one program's pushing (no Qt): called on a worker, one round at a time.

    A round reads the office's revision and whether its live page is on; pushes when
    the queue moved since the last push or every :data:`HEARTBEAT_S`; after a failure
    waits (doubling from :data:`PUSH_S` to :data:`HEARTBEAT_S`, or as the receiver's
    Retry-After says). :meth:`close` may come from any thread: it never waits for a
    round, the round under way closes after itself.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        client_factory: Callable[[], httpx.Client] | None = None,
        env: dict[str, str] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        heartbeat_s: float | None = None,
    ) -> None:
        self._store, self._clock, self._env = store, clock, env
        self._make_client = client_factory or http_client
        self._monotonic = monotonic
        self._heartbeat = HEARTBEAT_S if heartbeat_s is None else heartbeat_s
        self._client: httpx.Client | None = None
        self._lock = PushLock(store)
        self._target: tuple[float, Target | None] | None = None
        self._revision: int | None = None
        self._pushed_at = float("-inf")
        self._failures, self._next_try = 0, float("-inf")
        self._busy = threading.Lock()
        self._closing = False
        self._closed = threading.Event()

    def round(self) -> Round:
        """One round (see the class doc); a store error propagates, network trouble does not."""
        if not self._busy.acquire(blocking=False):
            return Round(skipped="busy")
        try:
            if self._closing or self._closed.is_set():
                return Round(skipped="stopped")
            return self._round()
        finally:
            self._busy.release()
            if self._closing:
                self._close_now()

    def _round(self) -> Round:
        with self._store.reading() as fetch:
            revision = read_revision(fetch)
            live_page = bool(fetch(OFFICE_SQL, {})[0][1])
        if not live_page:
            self._revision = None  # turned on again: pushed at once
            self._lock.release()
            return Round(skipped="off")
        target = self._resolved()
        if target is None:
            return Round(skipped="not set up")
        if not self._lock.take():
            return Round(skipped="another program")
        now = self._monotonic()
        if now < self._next_try:
            return Round(skipped="waiting")
        if revision == self._revision and now - self._pushed_at < self._heartbeat:
            return Round(skipped="unchanged")
        if self._client is None:
            self._client = self._make_client()
        result = push_live(self._store, self._clock, target, self._client)
        if result.ok:
            self._revision, self._pushed_at = revision, now
            self._failures, self._next_try = 0, float("-inf")
        else:
            self._failures += 1
            self._target = None  # a new token or address is read before the next try
            delay = min(self._heartbeat, PUSH_S * 2 ** (self._failures - 1))
            self._next_try = now + max(delay, result.retry_after_s or 0.0)
        return Round(result=result)

    def _resolved(self) -> Target | None:
        now = self._monotonic()
        if self._target is None or now - self._target[0] > TARGET_S:
            env = self._env if self._env is not None else dict(os.environ)
            try:
                found = resolve_target(self._store, env)
            except SyncConfigError as exc:
                log.debug("live page: sync not usable: %s", exc)
                found = None
            self._target = (now, found)
        return self._target[1]

    def close(self) -> None:
        """Stop: the client closed and the lock let go, now or when the round under way ends."""
        self._closing = True
        self._close_now()

    def _close_now(self) -> None:
        if not self._busy.acquire(blocking=False):
            return  # the round under way closes after itself
        try:
            if self._closed.is_set():
                return
            if self._client is not None:
                self._client.close()
                self._client = None
            self._lock.release()
            self._closed.set()
        finally:
            self._busy.release()

    def wait_closed(self, timeout_s: float) -> bool:
        """Whether the sender closed within the time (after :meth:`close`)."""
        return self._closed.wait(timeout_s)
