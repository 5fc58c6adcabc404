"""The office's programs as real processes, for tests: run with `python -m` and this name.

``reception DATA_DIR PRESSES INTERVAL_MS`` starts the main window the way
``servicedisk --data-dir DATA_DIR`` does (quick read, store opening behind the
window), signs in at once as the receptionist ``rut`` (made first if missing)
and presses the first queue's button PRESSES times. ``display DATA_DIR`` starts
``servicedisk --display``. Both run until SIGTERM and report on stdout, one line each:

- ``READY`` once the window is up and its store open;
- ``ISSUED A001``: the code the reception window showed after a press (``REFUSED``: none);
- ``PRESSED``: every press is done;
- ``WAITING A001 B002 …``: the waiting list on screen, at every change;
- ``SHOWS A001 → Lucka 1|B002 → Lucka 2 …``: the display's current call, then its list;
- ``ANNOUNCE A001 1 recall|call``: an announcement the display queued;
- ``DELETED path``: this process has a store file open that was deleted under it.
"""

from __future__ import annotations

import faulthandler
import os
import sys

from app.cli import main as cli
from tests.conftest import desk_for


def _say(*words: object) -> None:
    print(*words, flush=True)


def _deleted_store_files() -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if ".sqlite3" in target and target.endswith("(deleted)"):
            found.append(target)
    return found


def _watch(window, describe) -> None:
    """Report what the window shows after every change the watcher hands it."""
    ctx = window._ctx

    def on_changed(_snapshot: object) -> None:
        _say(*describe())
        for path in _deleted_store_files():
            _say("DELETED", path)

    ctx.watcher.changed.connect(on_changed)  # after the window's own slot: it has drawn


STAFF_LOGIN, STAFF_PIN = "rut", "2468"


def _ensure_staff(data_dir: str) -> None:
    """The receptionist this program signs in as (another program may be making her too)."""
    from app.config import resolve_settings
    from app.services.office.clock import SystemClock
    from app.services.office.info import seeder
    from app.services.staff.accounts import StaffError, add_staff, list_staff
    from app.store.engine import open_store

    clock = SystemClock()
    settings = resolve_settings(data_dir=data_dir, env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    try:
        desk = desk_for(store, clock)
        if not any(s.login == STAFF_LOGIN for s in list_staff(desk)):
            add_staff(desk, STAFF_LOGIN, "reception", STAFF_PIN, STAFF_PIN)
    except StaffError:
        pass  # made by another program at the same moment
    finally:
        store.close()


def _reception(window, presses: int, interval_ms: int) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    reception = window.reception
    model = reception.waiting_model

    def waiting() -> list[str]:
        codes = [model.index(row, model.COL_CODE).data() for row in range(model.rowCount())]
        return ["WAITING", *codes]

    _watch(window, waiting)
    button = reception.findChild(QPushButton, "issue-A")
    left = [presses]
    gate = window.gate.sign_in

    def press() -> None:
        if left[0] == 0:
            _say("PRESSED")
            return
        left[0] -= 1
        shown = reception.panel.code_label.text()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # carried out off the GUI thread
        QTimer.singleShot(0, lambda: issued(shown))

    def issued(before: str) -> None:
        """Report the ticket once the window shows it (or why not), then press again."""
        now = reception.panel.code_label.text()
        if now == before and not reception.message.text():
            QTimer.singleShot(5, lambda: issued(before))
            return
        _say("ISSUED", now if now != before else "REFUSED")
        QTimer.singleShot(interval_ms, press)

    def when_signed_in() -> None:
        if window.pages.currentWidget() is not window.tabs:
            QTimer.singleShot(20, when_signed_in)
            return
        _say("SIGNED-IN", window._ctx.actor.login)
        press()
        window._ctx.store  # noqa: B018 - READY once the store is open
        _say("READY")

    gate.login.setText(STAFF_LOGIN)  # at once: signing in waits for the store if need be
    gate.pin.setText(STAFF_PIN)
    QTest.mouseClick(gate.button, Qt.MouseButton.LeftButton)
    when_signed_in()


def _display(window) -> None:
    def shows() -> list[str]:
        recent = "|".join(f"{c.code} → {c.point_name}" for c in window._recent)
        return ["SHOWS", f"{window.current_label.text()}|{recent}"]

    _watch(window, shows)
    window._ctx.store  # noqa: B018
    _say("READY")


def main() -> int:
    """Start one program and report what it does."""
    mode, data_dir, *rest = sys.argv[1:]
    faulthandler.enable()  # a crash says where, on stderr, for the test to show
    cli.load_gui()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.display.announcer import Announcer

    announce = Announcer.announce

    def reported(self, code: str, point_number: int, *, recall: bool = False) -> None:
        _say("ANNOUNCE", code, point_number, "recall" if recall else "call")
        announce(self, code, point_number, recall=recall)

    Announcer.announce = reported  # type: ignore[method-assign]
    app = QApplication(sys.argv[:1])

    def started() -> None:
        windows = [w for w in app.topLevelWidgets() if w.isVisible()]
        if mode == "reception":
            main_window = next(w for w in windows if w.objectName() == "main-window")
            _reception(main_window, int(rest[0]), int(rest[1]))
        else:
            _display(windows[0])

    if mode == "reception":
        _ensure_staff(data_dir)
    QTimer.singleShot(0, started)
    args = ["--data-dir", data_dir] + (["--display"] if mode == "display" else [])
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
