"""Start the GUI: open the store, build the shared context, show the main window or display."""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
from collections.abc import Iterator

# The layers below the UI come first, on purpose: once PySide6 is loaded, its
# import hook reads the source of every module imported after it (to look for
# `__feature__`), which costs start-up a tenth of a second over SQLAlchemy's modules.
from app.config import Settings
from app.models.db import Store, StoreError, open_store
from app.services.clock import Clock, SystemClock
from app.services.office import get_office, seed_store

# isort: split
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui.context import UiContext
from app.ui.prefs import Prefs
from app.ui.runner import ThreadRunner
from app.ui.style import apply_style
from app.ui.watcher import RevisionWatcher

log = logging.getLogger(__name__)


def build_context(settings: Settings, store: Store, clock: Clock, runner=None) -> UiContext:
    """The shared collaborators of every screen."""
    office = get_office(store)
    return UiContext(
        settings=settings,
        store=store,
        clock=clock,
        runner=runner if runner is not None else ThreadRunner(QApplication.instance()),
        watcher=RevisionWatcher(store, clock),
        prefs=Prefs(settings.data_dir / "workstation.ini"),
        office_name=office.name,
    )


def _store_failed(exc: StoreError, backups: object) -> int:
    QMessageBox.critical(
        None,
        "Servicedisk",
        QApplication.translate(
            "application",
            "Databasen kunde inte öppnas och har inte ändrats.\n\n"
            "Flytta undan filen och lägg den senaste säkerhetskopian från mappen {0} "
            "på dess plats, eller kontakta IT.\n\nDetaljer: {1}",
        ).format(backups, exc),
    )
    return 1


def show_display(ctx: UiContext, screen: int | None = None) -> QWidget:
    """Open the waiting-room display full screen on the chosen screen."""
    from app.ui.display import DisplayWindow

    window = DisplayWindow(ctx)
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


def run_gui(settings: Settings, *, display_only: bool = False, screen: int | None = None) -> int:
    """Run the application until its last window closes; returns the exit code."""
    try:
        with _collector_waits():
            app, ctx, _window = _start(settings, display_only=display_only, screen=screen)
    except StoreError as exc:
        log.error("cannot open the store: %s", exc)
        return _store_failed(exc, settings.backups_dir)
    code = app.exec()
    ctx.watcher.stop()
    runner = ctx.runner
    if isinstance(runner, ThreadRunner):
        runner.wait()
    ctx.store.close()
    return code


def _start(
    settings: Settings, *, display_only: bool, screen: int | None
) -> tuple[QApplication, UiContext, QWidget]:
    """Open the store (or raise StoreError) and show the first window."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Servicedisk")
    app.setOrganizationName("Servicedisk")
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    apply_style(app)
    clock = SystemClock()
    store = open_store(settings, now=clock.now, seed=lambda s: seed_store(s, clock))
    ctx = build_context(settings, store, clock)
    # One read of the queue before any screen is built: every screen starts from it.
    ctx.watcher.refresh()
    if display_only:
        window = show_display(ctx, screen)
    else:
        from app.ui.main_window import MainWindow

        window = MainWindow(ctx)
        window.show()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    ctx.watcher.start()
    return app, ctx, window
