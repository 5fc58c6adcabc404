"""One press of a screen as one sentence: run the service, say what went wrong, refresh.

    Action(ctx, "cancel A012", lambda: ctx.queue.cancel("A012"))
        .success(lambda ref: say(f"{ref.code} är makulerad."))
        .failure(say_error, "A012 kunde inte makuleras. Försök igen.")
        .run()

A :class:`~app.services.queue.errors.ServiceError` or a
:class:`~app.store.errors.StoreError` (a full disk, a damaged store) is said
in its own Swedish sentence, any other failure in the given fallback
sentence, and both go to the log in English. After a write the screens read
the queue once (the watcher's refresh), so every list shows the change at
once. Writes of a press are sub-millisecond and run on the GUI thread
(:meth:`run`); slow work goes to the runner (:meth:`run_in_background`), and
its result is dropped if the screen that asked for it has gone in the meantime.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject

from app.services import ServiceError
from app.store.errors import StoreError

if TYPE_CHECKING:
    from app.ui.shell.context import UiContext

log = logging.getLogger(__name__)

T = TypeVar("T")


class Action(Generic[T]):
    """A service call made for a press, with what to do when it succeeds or fails."""

    def __init__(self, ctx: UiContext, what: str, work: Callable[[], T]) -> None:
        self._ctx, self._what, self._work = ctx, what, work
        self._on_success: Callable[[T], None] = lambda _result: None
        self._say: Callable[[str], None] | None = None
        self._fallback = ""
        self._refresh = True

    def success(self, callback: Callable[[T], None]) -> Action[T]:
        """Call this with the result (on the GUI thread)."""
        self._on_success = callback
        return self

    def failure(self, say: Callable[[str], None], fallback: str) -> Action[T]:
        """Say a failure with this: the service's Swedish sentence, else the fallback."""
        self._say, self._fallback = say, fallback
        return self

    def without_refresh(self) -> Action[T]:
        """Read nothing afterwards (the work changed nothing the screens show)."""
        self._refresh = False
        return self

    def run(self) -> T | None:
        """Run now, on this thread; the result, or None when it failed (and was said)."""
        try:
            result = self._work()
        except Exception as exc:
            self._failed(exc)
            return None
        self._succeeded(result)
        return result

    def run_in_background(self, owner: QObject) -> None:
        """Run on the runner; the callbacks come on the GUI thread while owner still exists."""

        def alive() -> bool:
            return shiboken6.isValid(owner)

        self._ctx.runner.submit(
            self._work,
            lambda result: self._succeeded(result) if alive() else None,
            lambda exc: self._failed(exc) if alive() else None,
        )

    def _succeeded(self, result: T) -> None:
        log.info("%s: done", self._what)
        if self._refresh:
            self._ctx.watcher.refresh()
        self._on_success(result)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, (ServiceError, StoreError)):
            log.warning("%s refused: %s", self._what, exc)
            sentence = exc.swedish
        else:
            log.error("%s failed: %s", self._what, exc, exc_info=exc)
            sentence = self._fallback
        if self._refresh:
            self._ctx.watcher.refresh()  # what was refused may be what someone else changed
        if self._say is not None:
            self._say(sentence)
