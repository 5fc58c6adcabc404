"""The office's programs as real processes, for tests: run with `python -m` and this name.

``reception DATA_DIR PRESSES INTERVAL_MS`` starts the main window the way
``servicedisk --data-dir DATA_DIR`` does (quick read, store opening behind the
window), signs in at once as the receptionist ``rut`` (made first if missing)
and presses the first queue's button PRESSES times. ``display DATA_DIR`` starts
``servicedisk --display``. ``kiosk DATA_DIR PRESSES INTERVAL_MS`` starts
``servicedisk --kiosk`` and, as a visitor, takes PRESSES tickets in Arabic in
queue B, then asks for help in Persian (the office's hours are taken as open all
day, holidays too: the test is about the programs, not the calendar). All run
until SIGTERM and report on stdout, one line each:

- ``READY`` once the window is up and its store open;
- ``ISSUED A001``: the code the reception window showed after a press (``REFUSED``: none);
- ``PRESSED``: every press is done;
- ``WAITING A001 B002 …``: the waiting list on screen, at every change;
- ``SHOWS A001 → Lucka 1|B002 → Lucka 2 …``: the display's current call, then its list;
- ``ANNOUNCE A001 1 recall|call``: an announcement the display queued;
- ``DELETED path``: this process has a store file open that was deleted under it;
- ``ALERTS A001 …``: the calls for help reception shows, at every change;
- ``COUNTS B=1 …``: how many wait per queue as the display shows it, at every change;
- ``KIOSK-ISSUED B001`` / ``KIOSK-HELP A002``: what the kiosk showed the visitor;
- ``BOOKED-NOTE Bokad tid 11:00 …``: the display's line under a booked visitor's call;
- ``CHECKED-IN A001`` / ``KIOSK-CHECKED-IN A002``: the ticket a check-in showed.

``reception DATA_DIR 0 INTERVAL_MS REFERENCE`` scans that booking reference into
reception's *Bokad tid* field once signed in, as a handheld scanner types it.
``kiosk-check-in DATA_DIR REFERENCE`` starts the kiosk and, as a booked visitor, checks
in with that reference on its keypad.
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


def _reception(window, presses: int, interval_ms: int, reference: str | None = None) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    reception = window.reception
    model = reception.waiting_model

    def waiting() -> list[str]:
        codes = [model.index(row, model.COL_CODE).data() for row in range(model.rowCount())]
        return ["WAITING", *codes]

    _watch(window, waiting)
    _every_change("ALERTS", lambda: [
        w.text().split(": ")[1].split(" ")[0] for w in reception.alerts.findChildren(
            type(reception.message), "help-alert-text") if reception.alerts.isVisible()
    ])  # fmt: skip
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
        if reference:
            scan(reference)
        press()
        window._ctx.store  # noqa: B018 - READY once the store is open
        _say("READY")

    def scan(text: str) -> None:
        from PySide6.QtWidgets import QLineEdit

        field = reception.findChild(QLineEdit, "booking-reference")
        before = reception.message.text()
        field.setFocus()
        QTest.keyClicks(field, text)
        QTest.keyClick(field, Qt.Key.Key_Return)
        checked(before)

    def checked(before: str) -> None:
        said = reception.message.text()
        if said == before or not said:
            QTimer.singleShot(5, lambda: checked(before))
            return
        _say(
            "CHECKED-IN",
            said.split(": ")[1].split(",")[0] if said.startswith("Incheckad") else "REFUSED",
        )

    gate.login.setText(STAFF_LOGIN)  # at once: signing in waits for the store if need be
    gate.pin.setText(STAFF_PIN)
    QTest.mouseClick(gate.button, Qt.MouseButton.LeftButton)
    when_signed_in()


def _display(window) -> None:
    def shows() -> list[str]:
        recent = "|".join(f"{c.code} → {c.point_name}" for c in window._recent)
        return ["SHOWS", f"{window.current_label.text()}|{recent}"]

    _watch(window, shows)

    def counts() -> list[str]:
        said = {letter: row[3].text().split(" ")[0] for letter, row in window.waiting._rows.items()}
        return [f"{letter}={n if n.isdigit() else 0}" for letter, n in said.items()]

    _every_change("COUNTS", counts)
    note = window.booked_note
    _every_change("BOOKED-NOTE", lambda: note.text().split(" ") if note.isVisible() else [])
    window._ctx.store  # noqa: B018
    _say("READY")


def _every_change(kind: str, describe) -> None:
    """Report ``describe()`` whenever it changes (looked at every 20 ms)."""
    from PySide6.QtCore import QTimer

    last: list[list[str] | None] = [None]

    def look() -> None:
        try:
            now = describe()
        except RuntimeError:  # the window is being taken down
            timer.stop()
            return
        if now != last[0]:
            last[0] = now
            _say(kind, *now)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    _KEEP.append(timer)


_KEEP: list[object] = []


def _kiosk(window, presses: int, interval_ms: int) -> None:
    from PySide6.QtCore import QTimer

    left = [presses]

    def ready() -> None:
        if "ar" not in window.languages.buttons or "B" not in window.topics.buttons:
            QTimer.singleShot(20, ready)  # the office's languages and queues are read
            return
        _say("READY")
        QTimer.singleShot(interval_ms, visit)

    def visit() -> None:
        helped = left[0] == 0
        before = window.ticket.code.text()
        window.languages.buttons["fa" if helped else "ar"].click()
        (window.topics.help if helped else window.topics.buttons["B"]).click()
        shown(before, helped)

    def shown(before: str, helped: bool) -> None:
        code = window.ticket.code.text()
        if window.stack.currentWidget() is not window.ticket or code == before:
            QTimer.singleShot(5, lambda: shown(before, helped))
            return
        _say("KIOSK-HELP" if helped else "KIOSK-ISSUED", code)
        window.ticket.done_button.click()
        if not helped:
            left[0] -= 1
            QTimer.singleShot(interval_ms, visit)

    ready()


def _kiosk_check_in(window, reference: str) -> None:
    from PySide6.QtCore import QTimer

    def ready() -> None:
        if "sv" not in window.languages.buttons:
            QTimer.singleShot(20, ready)
            return
        _say("READY")
        window.languages.buttons["sv"].click()
        window.topics.booked_button.click()
        for char in reference:
            window.check_in.keys[char].click()
        before = window.ticket.code.text()
        window.check_in.done_button.click()
        shown(before)

    def shown(before: str) -> None:
        code = window.ticket.code.text()
        if window.stack.currentWidget() is not window.ticket or code == before:
            QTimer.singleShot(5, lambda: shown(before))
            return
        _say("KIOSK-CHECKED-IN", code)

    ready()


def _open_all_day() -> None:
    """This process takes the office as open at every hour of every day."""
    from app.services.office import calendar
    from app.services.queue import kiosk

    calendar.is_holiday = lambda _day: False  # type: ignore[assignment]
    every_day = {day: [["00:00", "23:59"]] for day in calendar.WEEKDAYS}
    cutoff = kiosk._cutoff
    kiosk._cutoff = lambda _hours, tz, _minutes, now: cutoff(every_day, tz, 0, now)  # type: ignore[assignment]


def main() -> int:
    """Start one program and report what it does."""
    mode, data_dir, *rest = sys.argv[1:]
    faulthandler.enable()  # a crash says where, on stderr, for the test to show
    cli.load_gui()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.display.announcer import Announcer

    announce = Announcer.announce

    def reported(self, code: str, point_number: int, *, recall: bool = False, **more) -> None:
        _say("ANNOUNCE", code, point_number, "recall" if recall else "call")
        announce(self, code, point_number, recall=recall, **more)

    Announcer.announce = reported  # type: ignore[method-assign]
    app = QApplication(sys.argv[:1])

    def started() -> None:
        windows = [w for w in app.topLevelWidgets() if w.isVisible()]
        if mode == "reception":
            main_window = next(w for w in windows if w.objectName() == "main-window")
            _reception(main_window, int(rest[0]), int(rest[1]), *rest[2:3])
        elif mode == "kiosk":
            _kiosk(windows[0], int(rest[0]), int(rest[1]))
        elif mode == "kiosk-check-in":
            _kiosk_check_in(windows[0], rest[0])
        else:
            _display(windows[0])

    if mode == "reception":
        _ensure_staff(data_dir)
    if mode.startswith("kiosk"):
        _open_all_day()
    QTimer.singleShot(0, started)
    kiosk = ["--kiosk"]
    flags = {"display": ["--display"], "kiosk": kiosk, "kiosk-check-in": kiosk}.get(mode, [])
    args = ["--data-dir", data_dir, *flags]
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
