"""Render every screen with demo data to PNG: ``python -m app.ui.screenshots DIR``.

Used by ``make screenshots`` for the README and the user guide. Runs offscreen
on a temporary demo office at a fixed busy weekday morning, so the pictures are
the same from run to run.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.services.access.actor import SYSTEM, Actor, Desk
from app.services.office.clock import OFFICE_TZ, ManualClock
from app.services.office.info import seeder
from app.store.engine import open_store
from app.ui.shell.application import build_context
from app.ui.shell.runner import SyncRunner
from app.ui.shell.style import apply_style

log = logging.getLogger(__name__)

# A Monday in the tax-return season, mid-morning: a busy office.
SHOT_AT = datetime(2026, 4, 13, 10, 40, tzinfo=OFFICE_TZ)


def _click(window: QWidget, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, f"no button {name}"
    button.click()


def _save(widget: QWidget, path: Path, width: int, height: int) -> Path:
    widget.resize(width, height)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def render_all(out_dir: Path, language: str = "sv") -> list[Path]:
    """Render the main window's tabs, the errand form and the display (the staff's screens
    in ``language``: "sv" or "en"); returns the files."""
    from app.ui.display.announcer import silent_announcer
    from app.ui.display.screen import DisplayWindow
    from app.ui.shell import language as ui_language
    from app.ui.shell.main_window import MainWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    ui_language.install(app, language)
    apply_style(app)
    clock = ManualClock(SHOT_AT)
    with tempfile.TemporaryDirectory() as tmp:
        settings = resolve_settings(data_dir=tmp, env={})
        store = open_store(settings, now=clock.now, seed=seeder(clock))
        generate_demo(Desk(store, clock, SYSTEM), days=30, seed=3, visits_per_day=160)
        ctx = build_context(settings, store, clock, runner=SyncRunner())
        ctx.prefs.set("service_point/number", 2)
        ctx.prefs.set("printing/mode", "pdf")
        files = []
        window = MainWindow(ctx)
        ctx.watcher.refresh()
        window.resize(1280, 800)
        window.show()
        window.gate.setCurrentWidget(window.gate.sign_in)
        window.gate.sign_in.login.setText("anna")
        files.append(_save(window, out_dir / "sign-in.png", 1280, 800))
        window.gate.setCurrentWidget(window.gate.first_run)
        files.append(_save(window, out_dir / "first-run.png", 1280, 800))
        from app.services.staff.accounts import SignedIn

        anna = Actor(role="caseworker", login="anna")
        window.gate.setCurrentWidget(window.gate.new_pin)
        window.gate.new_pin.start(SignedIn(anna, "short", 6), "")
        files.append(_save(window, out_dir / "new-pin.png", 1280, 800))
        window.gate.new_pin._forget()
        window.sign_in_as(Actor(role="caseworker", login="anna"))
        window.tabs.setCurrentWidget(window.reception)
        _click(window, "issue-B")
        files.append(_save(window, out_dir / "reception.png", 1280, 800))
        snapshot = ctx.watcher.snapshot
        assert snapshot is not None
        point = next(p for p in snapshot.points if p.number == 2)
        if point.current is None:
            try:
                ctx.queue.call_next(2)
            except Exception as exc:  # an empty queue still makes a picture
                log.info("no call for the screenshot: %s", exc)
        ctx.watcher.refresh()
        window.tabs.setCurrentWidget(window.service_point)
        files.append(_save(window, out_dir / "service-point.png", 1280, 800))
        _click(window, "finish")
        files.append(_save(window, out_dir / "errand-form.png", 1280, 800))
        _click(window, "cancel-errands")
        window.sign_in_as(Actor(role="manager", login="kontorschef"))
        from app.ui.service_point.visits import VisitsDialog

        visits = VisitsDialog(ctx)
        visits.day.setDate(visits.day.date().addDays(-3))  # the Friday before: open
        visits.table.selectRow(0)
        files.append(_save(visits, out_dir / "visits.png", 1100, 640))
        visits.close()
        window.tabs.setCurrentWidget(window.settings_view)
        files.append(_save(window, out_dir / "settings.png", 1280, 800))
        settings_view = window.settings_view
        settings_view.sections.setCurrentWidget(settings_view.staff_page)
        settings_view.staff_page.reload()
        files.append(_save(window, out_dir / "settings-staff.png", 1280, 800))
        settings_view.sections.setCurrentWidget(settings_view.audit_page)
        settings_view.audit_page.reload()
        files.append(_save(window, out_dir / "settings-audit.png", 1280, 800))
        settings_view.sections.setCurrentWidget(settings_view.kiosk_page)
        files.append(_save(window, out_dir / "settings-kiosk.png", 1280, 800))
        files += _visitor_side(ctx, window, out_dir)
        window.tabs.setCurrentWidget(window.statistics)
        stats = window.statistics
        stats.preset.setCurrentIndex(stats.preset.findData("week"))
        stats.first.setDate(stats.first.date().addDays(-28))
        stats.refresh()
        files.append(_save(window, out_dir / "statistics.png", 1280, 800))
        stats.pages.setCurrentWidget(stats.staff)
        files.append(_save(window, out_dir / "statistics-staff.png", 1280, 800))
        display = DisplayWindow(ctx, announcer=silent_announcer())
        ctx.watcher.refresh()
        files.append(_save(display, out_dir / "display.png", 1920, 1080))
        display.close()
        window.close()
        ctx.watcher.stop()
        store.close()
    return files


def _visitor_side(ctx: Any, window: Any, out_dir: Path) -> list[Path]:
    """Reception with a kiosk visitor's call for help and an Arabic visitor's ticket; the
    case worker who calls that visitor."""
    from app.services.access.actor import KIOSK
    from app.services.queue.desk import KioskDesk, QueueDesk

    files = []
    kiosk = KioskDesk(ctx.store, ctx.clock, KIOSK)
    kiosk.issue(None, "fa", help=True)
    reception = QueueDesk(ctx.store, ctx.clock, SYSTEM)
    arabic = reception.issue("B", language="ar", source="reception")
    window.sign_in_as(Actor(role="reception", login="rut"))
    window.tabs.setCurrentWidget(window.reception)
    ctx.watcher.refresh()
    view = window.reception
    view.language.setCurrentIndex(max(0, view.language.findData("uk")))
    files.append(_save(window, out_dir / "reception-help.png", 1280, 800))
    view.language.setCurrentIndex(0)
    window.sign_in_as(Actor(role="caseworker", login="anna"))
    try:
        ctx.queue.finish(next(p.current.code for p in ctx.watcher.snapshot.points
                              if p.number == 2 and p.current))  # fmt: skip
    except Exception as exc:  # nobody at point 2: the call below still makes a picture
        log.info("point 2 free already: %s", exc)
    try:
        ctx.queue.call_ticket(arabic.code, 2)
    except Exception as exc:
        log.info("no call of the Arabic visitor for the screenshot: %s", exc)
    ctx.watcher.refresh()
    window.tabs.setCurrentWidget(window.service_point)
    files.append(_save(window, out_dir / "service-point-language.png", 1280, 800))
    window.sign_in_as(Actor(role="manager", login="kontorschef"))
    return files


def main(argv: list[str] | None = None) -> int:
    """Render to the folder given (default docs/screenshots); ``--language en`` in English."""
    args = list(sys.argv[1:] if argv is None else argv)
    language = "sv"
    if "--language" in args:
        at = args.index("--language")
        language = args[at + 1]
        del args[at : at + 2]
    out = Path(args[0] if args else "docs/screenshots")
    for path in render_all(out, language):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
