"""Opening the store off the GUI thread while the first window is already on screen.

Loading SQLAlchemy, the ORM and the services takes longer than showing the
window does. Start-up therefore shows the window from a quick read
(:class:`~app.store.rows.SqliteReader`) and opens the store here, on a thread
of its own; whatever needs the store in the first moments waits for it
(:meth:`StoreOpening.wait`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.store.engine import Store

log = logging.getLogger(__name__)

# Opening starts at the latest this long after start-up, painted or not.
START_AT_THE_LATEST_MS = 1000


def _warm_up() -> None:
    """Load what the screens call first, on this thread, so their first press need not."""
    import app.services.errands.desk
    import app.services.office.info
    import app.services.queue.desk  # noqa: F401


class StoreOpening(QObject):
    """Opens the store on a thread; ``opened`` or ``failed`` says how it went."""

    opened = Signal(object)  # Store
    failed = Signal(object)  # the exception (a StoreError, as a rule)

    def __init__(self, open_store: Callable[[], Store], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self._done = threading.Event()
        self._store: Store | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="open-store", daemon=True)
        self._starting = threading.Lock()
        self._started = False

    def start(self) -> None:
        """Begin opening (once, whichever thread asks first: the window after its first
        paint, or a worker that needs the store already)."""
        with self._starting:
            if not self._started:
                self._started = True
                self._thread.start()

    def wait(self) -> Store:
        """The store, once it is open; raises what opening it raised."""
        self.start()
        self._done.wait()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            # Its last signal is on its way out: whoever waits may tear this object down
            # next (shutting down), and must not while the thread is still in it.
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store

    def _run(self) -> None:
        try:
            store = self._open_store()
            _warm_up()
        except BaseException as exc:
            log.error("cannot open the store: %s", exc)
            self._error = exc
            self.failed.emit(exc)  # posted to the GUI thread; then the waiters go on
            self._done.set()
            return
        self._store = store
        self.opened.emit(store)
        self._done.set()


class _AfterFirstPaint(QObject):
    """Calls back once the watched window has been painted (or after a time, at the latest)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)
        QTimer.singleShot(START_AT_THE_LATEST_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)  # once this paint is done
        return False

    def _fire(self) -> None:
        self._callback()


def open_after_first_paint(window: QWidget, opening: StoreOpening) -> None:
    """Start opening the store once the window is on screen.

    Not sooner: while the opening thread loads modules it holds the interpreter
    most of the time, and the first paint (thousands of calls into Python for
    the tables' cells) would wait for it at every call.
    """
    _AfterFirstPaint(window, opening.start)
