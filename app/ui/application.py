"""Start the GUI: open the store, build the shared context, show the main window or display."""

from __future__ import annotations

import logging
import sys

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


def run_gui(settings: Settings, *, display_only: bool = False, screen: int | None = None) -> int:
    """Run the application until its last window closes; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Servicedisk")
    app.setOrganizationName("Servicedisk")
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    apply_style(app)
    clock = SystemClock()
    try:
        store = open_store(settings, now=clock.now, seed=lambda s: seed_store(s, clock))
    except StoreError as exc:
        log.error("cannot open the store: %s", exc)
        return _store_failed(exc, settings.backups_dir)
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
    code = app.exec()
    ctx.watcher.stop()
    runner = ctx.runner
    if isinstance(runner, ThreadRunner):
        runner.wait()
    store.close()
    return code
