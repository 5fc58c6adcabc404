"""Start the GUI: show the first window, open the store, build the shared context.

Start-up shows the window before SQLAlchemy has loaded: when the store is an
SQLite file at this version's schema, the first picture of the queue is read
with the standard library's ``sqlite3`` (:class:`~app.store.rows.SqliteReader`)
and the store opens on a thread meanwhile (:class:`~app.ui.shell.opening.StoreOpening`).
A new store, one that needs an upgrade, or a server database is opened in full
first, as before.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.config import Settings
from app.services.office.clock import Clock, SystemClock
from app.store.errors import StoreError
from app.store.rows import Readable, SqliteReader
from app.termination import came_early
from app.ui.shell import language as ui_language
from app.ui.shell.context import UiContext
from app.ui.shell.opening import StoreOpening, open_after_first_paint
from app.ui.shell.prefs import Prefs
from app.ui.shell.runner import ThreadRunner
from app.ui.shell.store_failed import recover
from app.ui.shell.style import apply_style
from app.ui.shell.watcher import RevisionWatcher

if TYPE_CHECKING:
    from app.store.engine import Store

log = logging.getLogger(__name__)


def build_context(
    settings: Settings,
    store: Store | StoreOpening,
    clock: Clock,
    runner=None,
    *,
    reader: Readable | None = None,
) -> UiContext:
    """The shared collaborators of every screen, with the first picture of the queue read.

    The watcher reads through `reader` when given (start-up's quick reader), else the store.
    """
    source = reader if reader is not None else store
    assert not isinstance(source, StoreOpening), "an opening store needs a reader"
    runner = runner if runner is not None else ThreadRunner(QApplication.instance())
    watcher = RevisionWatcher(source, clock, runner)
    # One read of the queue before any screen is built: every screen starts from it.
    # (Before the first window: the store was opened, or the file read, just now.)
    watcher.refresh_now()
    return UiContext(
        settings=settings,
        store=store,
        clock=clock,
        runner=runner,
        watcher=watcher,
        prefs=Prefs(settings.data_dir / "workstation.ini"),
        office_name=watcher.snapshot.office_name if watcher.snapshot else "",
    )


def _open_store(settings: Settings, clock: Clock) -> Store:
    """Open (create, upgrade, seed) the store: this is what loads SQLAlchemy."""
    from app.services.office.info import seeder
    from app.store.engine import open_store

    return open_store(settings, now=clock.now, seed=seeder(clock))


def show_display(ctx: UiContext, screen: int | None = None) -> QWidget:
    """Open the waiting-room display full screen on the chosen screen."""
    from app.ui.display.screen import DisplayWindow

    return _full_screen(DisplayWindow(ctx), screen)


def show_kiosk(
    ctx: UiContext, screen: int | None = None, reader: Readable | None = None
) -> QWidget:
    """Open the self-service kiosk full screen, acting as the kiosk, locked (its first
    page read through start-up's quick ``reader`` where there is one)."""
    from app.services.access.actor import KIOSK
    from app.ui.kiosk.window import KioskWindow

    ctx.actor = KIOSK
    window = KioskWindow(ctx, first_read=reader)
    locked = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
    window.setWindowFlags(window.windowFlags() | locked)
    return _full_screen(window, screen)


def _full_screen(window: QWidget, screen: int | None) -> QWidget:
    screens = QApplication.screens()
    if screen is not None and 0 <= screen < len(screens):
        window.setScreen(screens[screen])
        window.move(screens[screen].geometry().topLeft())
    window.showFullScreen()
    return window


@contextlib.contextmanager
def _collector_waits() -> Iterator[None]:
    """Hold the garbage collector off, then freeze what was made out of its sight.

    What start-up makes (the store, the screens) lives as long as the app:
    collecting over it part-way through, and again in every full collection
    later on the GUI thread, would be wasted time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


# app.exit() with this: the store failed to open and the person chose a way on.
EXIT_START_AGAIN = 75


def run_gui(
    settings: Settings,
    *,
    display_only: bool = False,
    screen: int | None = None,
    kiosk: bool = False,
    language: str | None = None,
) -> int:
    """Run the application until its last window closes; returns the exit code.

    ``language`` ("sv", "en" or "system") overrides the workstation's choice.

    When the store cannot be opened the person is asked what to do (restore
    the newest backup, open another database, or end), and the app starts
    again on what they chose.
    """
    next_start: list[Settings] = []
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    while True:
        # From before the first window shows: a shutdown at any moment ends the app as
        # closing it does, never by the signal's default (killed, exit 143).
        with _quit_on_termination(app) as ending:
            try:
                with _collector_waits():
                    app, ctx, _window = _start(
                        settings,
                        display_only=display_only,
                        screen=screen,
                        next_start=next_start,
                        kiosk=kiosk,
                        language=language,
                    )
            except StoreError as exc:
                log.error("cannot open the store: %s", exc)
                chosen = None if ending.is_set() else recover(exc, settings)
                if chosen is None:
                    return 1
                settings = chosen
                continue
            code = 0 if ending.is_set() else app.exec()  # quit() before exec() does nothing
        _shut_down(app, ctx)
        if code != EXIT_START_AGAIN or not next_start:
            return code
        settings = next_start.pop()


@contextlib.contextmanager
def _quit_on_termination(app: QApplication) -> Iterator[threading.Event]:
    """SIGTERM and SIGINT (a shutdown, a logout, Ctrl+C) end the app as closing it does;
    the event yielded is set once one came (before the event loop ran, it then never does).

    Python runs a signal handler only between bytecodes, and Qt's event loop runs
    none while it waits: the signal's byte on a socket wakes it up.
    """
    ending = threading.Event()
    if os.name == "nt":  # pragma: no cover - Windows ends a GUI app with WM_CLOSE
        yield ending
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def on_wakeup() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    def on_signal(signum: int, _frame: object) -> None:
        log.info("ending on signal %s", signal.Signals(signum).name)
        ending.set()
        app.closeAllWindows()
        app.quit()

    notifier.activated.connect(on_wakeup)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    if came_early():  # while Qt was loading (app.termination)
        log.info("ending on a signal that came while starting")
        ending.set()
    try:
        yield ending
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()


def _shut_down(app: QApplication, ctx: UiContext) -> None:
    """Stop the work, close the store, then delete the windows, in that order.

    Left to the interpreter's exit, windows, timers and the application object
    are destroyed in no set order, and Qt may crash on one that outlived another.
    """
    ctx.watcher.stop()
    ctx.close()  # waits for a store still opening, so no thread is left at work
    runner = ctx.runner
    if isinstance(runner, ThreadRunner):
        runner.wait()
    # What is still queued (a worker's answer, a zero-time timer: all of them when the
    # event loop never ran, the app ended while starting) reaches windows still there;
    # work it hands the runner ends before they go (its answer would have nowhere to go).
    app.processEvents()
    if isinstance(runner, ThreadRunner):
        runner.wait()
    for window in app.topLevelWidgets():
        window.close()
        window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def _start(
    settings: Settings,
    *,
    display_only: bool,
    screen: int | None,
    next_start: list[Settings] | None = None,
    kiosk: bool = False,
    language: str | None = None,
) -> tuple[QApplication, UiContext, QWidget]:
    """Show the first window; the store is open, or opening (raises StoreError if it cannot)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Servicedisk")
    app.setOrganizationName("Servicedisk")
    preference = Prefs(settings.data_dir / "workstation.ini").get_str(ui_language.PREF_LANGUAGE)
    chosen = ui_language.chosen(preference, language)
    # The staff's screens in the chosen language, with Qt's dialogs, dates and numbers.
    ui_language.install(app, chosen, staff=not (display_only or kiosk))
    apply_style(app)
    clock = SystemClock()
    path = settings.sqlite_path
    reader = SqliteReader.open(path) if path is not None else None
    if reader is None:
        ctx = build_context(settings, _open_store(settings, clock), clock)
    else:
        opening = StoreOpening(lambda: _open_store(settings, clock))
        ctx = build_context(settings, opening, clock, reader=reader)
        opening.opened.connect(lambda store: _store_opened(ctx, reader, store))
        opening.failed.connect(lambda exc: _opening_failed(app, settings, exc, next_start))
        # Quit before the store opened: close the reader still, after the read under way.
        app.aboutToQuit.connect(lambda: ctx.watcher.after_reads(reader.close))
    if display_only:
        window = show_display(ctx, screen)
    elif kiosk:
        window = show_kiosk(ctx, screen, reader)
    else:
        from app.ui.shell.main_window import MainWindow

        window = MainWindow(ctx)
        window.show()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if reader is not None:
        opening.setParent(window)
        open_after_first_paint(window, opening)
    ctx.watcher.start()
    _keep_daily_upkeep(ctx, window, summaries=not (display_only or kiosk))
    from app.ui.shell.live_worker import LivePusher

    live = LivePusher(ctx, window)  # the visitors' "follow your place" pages; one program pushes
    live.start()
    app.aboutToQuit.connect(live.stop)
    return app, ctx, window


UPKEEP_MS = 60 * 60 * 1000  # is today's backup there, are the summaries fresh? every hour
FIRST_UPKEEP_MS = 30 * 1000  # and half a minute after start, out of start-up's way


def _keep_daily_upkeep(ctx: UiContext, owner: QWidget, *, summaries: bool) -> None:
    """Take the day's automatic backup (one program of the office does, under the lock),
    bring the past days' statistics summaries up to date and purge what the retention
    period no longer keeps (not on the display's PC)."""

    def check() -> None:
        from app.services.upkeep.backups import daily_backup

        # The app's own upkeep acts as SYSTEM, never as whoever is signed in; the store is
        # read on the runner, where waiting for it does not hold the window up.
        ctx.runner.submit(
            lambda: daily_backup(ctx.upkeep),
            lambda _path: None,
            lambda exc: log.warning("the daily backup was not taken: %s", exc),
        )
        if summaries:
            from app.services.upkeep.retention import summaries_then_purge

            ctx.runner.submit(
                lambda: summaries_then_purge(ctx.upkeep),
                lambda _plan: None,
                lambda exc: log.warning("the daily upkeep did not finish: %s", exc),
            )

    timer = QTimer(owner)
    timer.setObjectName("daily-upkeep")
    timer.setInterval(UPKEEP_MS)
    timer.timeout.connect(check)
    timer.start()
    QTimer.singleShot(FIRST_UPKEEP_MS, timer, check)


def _store_opened(ctx: UiContext, reader: SqliteReader, store: Store) -> None:
    ctx.watcher.set_source(store, then=reader.close)  # once no read of the reader is at work
    gc.freeze()  # what loaded with the store lives as long as the app, as start-up's does


def _opening_failed(
    app: QApplication,
    settings: Settings,
    exc: BaseException,
    next_start: list[Settings] | None = None,
) -> None:
    if not isinstance(exc, StoreError):
        QMessageBox.critical(None, "Servicedisk", str(exc))
        app.exit(1)
        return
    log.error("cannot open the store: %s", exc)
    chosen = recover(exc, settings)
    if chosen is None or next_start is None:
        app.exit(1)
        return
    next_start.append(chosen)
    app.exit(EXIT_START_AGAIN)
