"""One press of a screen as one sentence: run the service, say what went wrong, refresh.

    Action(ctx, "cancel A012", lambda: ctx.queue.cancel("A012"))
        .success(lambda ref: say(f"{ref.code} är makulerad."))
        .failure(say_error, "A012 kunde inte makuleras. Försök igen.")
        .busy(cancel_button)
        .run(self)

The work runs off the GUI thread, in the runner's presses lane: a press never
holds the window up, however long the database takes to answer (on a server,
at most its connect or statement timeout), and a person's presses are carried
out in the order they were made. Meanwhile the pressed control is busy
(disabled, :meth:`busy`, or whatever :meth:`while_busy` does) and the pointer
says the app is working. A :class:`~app.services.ServiceError` or a
:class:`~app.store.errors.StoreError` (a full disk, a server away) is said in
its own Swedish sentence, any other failure in the given fallback sentence,
and both go to the log in English. After a write the lane reads the queue once
more, so that every list shows the change together with the success sentence.
The answer is dropped if the screen that asked has gone in the meantime.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services import ServiceError
from app.store.errors import StoreError
from app.ui.shell.refusals import refusal_text
from app.ui.shell.runner import PRESSES

if TYPE_CHECKING:
    from app.services.queue.views import QueueSnapshot
    from app.ui.shell.context import UiContext

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class _Answer:
    """What the lane brings back: the result or the failure, and the queue read after it."""

    result: Any = None
    error: Exception | None = None
    snapshot: QueueSnapshot | None = None


class Action(Generic[T]):
    """A service call made for a press, with what to do when it succeeds or fails."""

    def __init__(self, ctx: UiContext, what: str, work: Callable[[], T]) -> None:
        self._ctx, self._what, self._work = ctx, what, work
        self._on_success: Callable[[T], None] = lambda _result: None
        self._on_failure: Callable[[], None] = lambda: None
        self._say: Callable[[str], None] | None = None
        self._fallback = ""
        self._refresh = True
        self._busy_hooks: list[Callable[[bool], None]] = []

    def success(self, callback: Callable[[T], None]) -> Action[T]:
        """Call this with the result (on the GUI thread)."""
        self._on_success = callback
        return self

    def failure(
        self,
        say: Callable[[str], None],
        fallback: str,
        then: Callable[[], None] | None = None,
    ) -> Action[T]:
        """Say a failure with this: the service's Swedish sentence, else the fallback;
        then call ``then`` (on the GUI thread)."""
        self._say, self._fallback = say, fallback
        if then is not None:
            self._on_failure = then
        return self

    def without_refresh(self) -> Action[T]:
        """Read nothing afterwards (the work changed nothing the screens show)."""
        self._refresh = False
        return self

    def busy(self, *widgets: QWidget) -> Action[T]:
        """Disable these while the work runs; each gets back the state it had."""
        for widget in widgets:
            was = widget.isEnabled()

            def hook(busy: bool, widget: QWidget = widget, was: bool = was) -> None:
                if shiboken6.isValid(widget):
                    widget.setEnabled(False if busy else was)

            self._busy_hooks.append(hook)
        return self

    def while_busy(self, hook: Callable[[bool], None]) -> Action[T]:
        """Call hook(True) as the work starts and hook(False) before its answer is shown."""
        self._busy_hooks.append(hook)
        return self

    def run(self, owner: QObject) -> None:
        """Run in the presses lane; the answer comes on the GUI thread while owner exists."""
        self._submit(owner, PRESSES)

    def run_in_background(self, owner: QObject) -> None:
        """Run beside other work (slow work whose order does not matter: an export, a file)."""
        self._submit(owner, None)

    def _submit(self, owner: QObject, lane: str | None) -> None:
        for hook in self._busy_hooks:
            hook(True)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._ctx.runner.submit(
            self._carried_out,
            lambda answer: self._answered(owner, answer),
            lambda exc: self._answered(owner, _Answer(error=exc)),
            lane=lane,
        )

    def _carried_out(self) -> _Answer:
        """The work and the queue after it (in the lane, off the GUI thread)."""
        try:
            result = self._work()
        except Exception as exc:
            # What was refused may be what someone else changed: show the queue as it is.
            # A store that failed is not read again: it would only fail (or wait) once more.
            again = self._refresh and not isinstance(exc, StoreError)
            return _Answer(error=exc, snapshot=self._read_queue() if again else None)
        return _Answer(result=result, snapshot=self._read_queue() if self._refresh else None)

    def _read_queue(self) -> QueueSnapshot | None:
        from app.services.queue.views import queue_snapshot

        try:
            return queue_snapshot(self._ctx.store, self._ctx.clock)
        except Exception as exc:  # the watcher reads again and reports
            log.info("%s: the queue was not read after it (%s)", self._what, exc)
            return None

    def _answered(self, owner: QObject, answer: _Answer) -> None:
        QApplication.restoreOverrideCursor()
        if not shiboken6.isValid(owner):
            log.info("%s: answered after its screen closed", self._what)
            return
        for hook in self._busy_hooks:
            hook(False)
        if answer.snapshot is not None:
            self._ctx.watcher.accept(answer.snapshot)
        elif self._refresh:
            self._ctx.watcher.refresh()
        if answer.error is None:
            log.info("%s: done", self._what)
            self._on_success(answer.result)
        else:
            self._failed(answer.error)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, (ServiceError, StoreError)):
            log.warning("%s refused: %s", self._what, exc)
            sentence = refusal_text(exc)
        else:
            log.error("%s failed: %s", self._what, exc, exc_info=exc)
            sentence = self._fallback
        if self._say is not None:
            self._say(sentence)
        self._on_failure()
