"""The staff screens for keyboard and screen-reader users (EN 301 549 clauses 9 and 11,
WCAG 2.1 AA): every control named and described, reached by Tab in the order the screen
reads, no Alt letter twice on a screen (in Swedish and in English), a focus ring that
stands out, text that grows.

Each rule walks every staff screen: the sign-in (and the first-run wizard and the new
PIN), the main window with reception, the service point (idle, with a visitor, the errand
form), each page of the statistics and each section of the settings, then the dialogs
opened from them (the day's bookings, the day's visits and a correction, each settings
form, the kiosk's unlock). The last test reads the same screens back through AT-SPI, as
Orca does, in a real X server.

Run this file as a program (``python -m tests.ui.test_staff_accessibility DIR``) and it
shows the screens one after the other for :mod:`tests.ui.atspi_reader`, writing what
each control should be exposed as to DIR.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface, QColor, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

from app.services.access.actor import KIOSK, NOBODY
from app.ui.shell import style
from app.ui.shell.context import UiContext

SIZE = (1280, 800)
TS = Path(__file__).resolve().parents[2] / "app" / "resources" / "i18n" / "servicedisk_en.ts"

# Combo boxes whose own value says what they are ("Språk: svenska"): a label beside them
# would only repeat it. Their accessible name is set for the platforms that read it.
SELF_NAMED_COMBOS = {"visitor-language"}


# ---------------------------------------------------------------- the screens


@dataclass
class Screen:
    """One staff screen as a person meets it: its window, where Tab starts (the top left
    control) and orders that must hold (object names, each list in Tab order)."""

    name: str
    window: QWidget
    start: QWidget
    orders: list[list[str]] = field(default_factory=list)


def _settle() -> None:
    for _ in range(6):  # a layout asks for another pass in a posted event: let them all run
        QApplication.processEvents()


def _shown(window: QWidget) -> None:
    window.resize(*SIZE)
    window.show()
    window.activateWindow()
    _settle()


def staff_screens(ctx: UiContext, keep: Callable[[QWidget], None]) -> Iterator[Screen]:
    """Every staff screen in turn, on the seeded office of ``ctx`` (a manager's, who sees
    every tab). ``keep`` takes each new window, for the caller to close."""
    from app.services.queue.desk import KioskDesk
    from app.services.staff import accounts
    from app.services.staff.accounts import SignedIn
    from app.ui.shell.main_window import MainWindow

    accounts.add_staff(ctx.desk, "anna", "caseworker", "2468", "2468", display_name="Anna")
    manager = ctx.actor
    ctx.actor = NOBODY
    gate_window = MainWindow(ctx)
    keep(gate_window)
    _shown(gate_window)
    gate = gate_window.gate
    gate.sign_in.reset("Skärmen låstes efter 5 minuter utan aktivitet.", "anna")
    _settle()
    sign_in = gate.sign_in
    yield Screen(
        "inloggning",
        gate_window,
        sign_in.resume,
        [["sign-in-resume", "sign-in-login", "sign-in-pin", "sign-in-button"]],
    )
    gate.setCurrentWidget(gate.new_pin)
    gate.new_pin.start(SignedIn(actor=manager, new_pin_due="short", shortest=8), "2468")
    _settle()
    yield Screen(
        "ny kod",
        gate_window,
        gate.new_pin.pin,
        [["new-pin-pin", "new-pin-again", "new-pin-cancel", "new-pin-button"]],
    )
    gate.setCurrentWidget(gate.first_run)
    _settle()
    first_run = [
        "first-run-office",
        "first-run-municipality",
        "first-run-region",
        "first-run-name",
        "first-run-login",
        "first-run-pin",
        "first-run-again",
        "first-run-button",
    ]
    yield Screen("första start", gate_window, gate.first_run.office, [first_run])
    gate_window.close()

    ctx.actor = manager
    window = MainWindow(ctx)
    keep(window)
    _shown(window)
    tab_bar = window.tabs.tabBar()
    shell = ["main-tab-bar", "switch-user"]  # the main tabs first, Byt användare last

    # Reception with a ticket chosen in the list and a call for help from the kiosk.
    ctx.queue.issue("A")
    ctx.queue.issue("B")
    KioskDesk(ctx.store, ctx.clock, KIOSK).issue(None, "fa", help=True)
    ctx.watcher.poll()
    reception = window.reception
    reception.recent_table.selectRow(0)
    _settle()
    yield Screen(
        "reception",
        window,
        tab_bar,
        [
            shell,
            ["help-alert-answer", "issue-A", "issue-D", "booked-toggle", "visitor-language"],
            ["booking-reference", "check-in", "booking-day-list", "recent-tickets"],
            ["recent-tickets", "reprint-selected", "tell-visitor", "walked-out", "cancel-ticket"],
            ["cancel-ticket", "waiting-table", "serving-table", "switch-user"],
        ],
    )

    # The service point: a visitor called, one parked, others waiting.
    window.tabs.setCurrentWidget(window.service_point)
    point = window.service_point
    point.point_picker.setCurrentIndex(0)
    for _ in range(3):
        ctx.queue.issue("A")
    ctx.watcher.poll()
    point.call_next.click()
    point.park.click()
    point.call_next.click()
    ctx.clock.advance(minutes=1)
    point.recall.click()  # called twice: may be marked a no-show below
    ctx.watcher.poll()
    _settle()
    actions = ["call-next", "arrived", "recall", "no-show", "transfer", "park"]
    actions += ["return-to-queue", "finish"]
    right = ["waiting-picker", "call-specific", "parked-list", "resume"]
    point_order = [["point-picker", "day-visits", "quick-errand", *actions, *right]]
    yield Screen("lucka med besökare", window, tab_bar, [shell, *point_order])
    point.no_show.click()  # idle again, and Ångra offered
    ctx.watcher.poll()
    _settle()
    yield Screen(
        "lucka utan besökare",
        window,
        tab_bar,
        [shell, *point_order, ["quick-errand", "undo-no-show", "call-next"]],
    )
    point.call_next.click()
    point.finish.click()
    _settle()
    row = ["errand-agency", "errand-type", "errand-outcome", "errand-referral"]
    row += ["errand-language", "errand-interpreter"]
    yield Screen(
        "ärendeformulär",
        window,
        tab_bar,
        [shell, [*row, "add-errand", "cancel-errands", "save-errands"]],
    )
    point.form.cancel_button.click()
    _settle()

    window.tabs.setCurrentWidget(window.statistics)
    statistics = window.statistics
    bar = ["stats-preset", "stats-from", "stats-to", "stats-show", "export-csv"]
    bar += ["export-csv-excel", "export-xlsx", "export-pdf"]
    pages = statistics.pages
    for index in range(pages.count()):
        if not pages.isTabVisible(index):
            continue
        pages.setCurrentIndex(index)
        _settle()
        names = [w.objectName() for w in pages.widget(index).findChildren(QWidget)]
        day = [n for n in names if n == "forecast-day"]  # the Bemanning page's own choice
        chart = [n for n in names if n.startswith("chart-area-")]  # the chart over its table
        chart += [n for n in names if n.startswith("table-")]
        yield Screen(
            f"statistik › {pages.tabText(index)}",
            window,
            tab_bar,
            [shell, [*bar, "stats-pages-bar", *day, *chart, "switch-user"]],
        )

    window.tabs.setCurrentWidget(window.settings_view)
    sections = window.settings_view.sections
    for index in range(sections.count()):
        sections.setCurrentIndex(index)
        _settle()
        yield Screen(
            f"inställningar › {sections.tabText(index)}",
            window,
            tab_bar,
            [shell, *_section_orders(type(sections.widget(index)).__name__)],
        )

    yield from dialog_screens(ctx, window, keep)


def _dialog(name: str, dialog: QDialog, fields: list[str], buttons: list[str]) -> Screen:
    """A dialog as a screen of its own, shown over its window: Tab starts at its first
    field and goes through the fields in this order, then through the buttons as they
    stand, left to right (Linux and Windows set Avbryt and Spara differently)."""
    dialog.show()
    dialog.activateWindow()
    _settle()

    def left(name: str) -> int:
        widget = dialog.findChild(QWidget, name)
        return widget.mapTo(dialog, widget.rect().topLeft()).x()

    order = [*fields, *sorted(buttons, key=left)]
    return Screen(name, dialog, dialog.findChild(QWidget, order[0]), [order])


def dialog_screens(
    ctx: UiContext, window: QWidget, keep: Callable[[QWidget], None]
) -> Iterator[Screen]:
    """The dialogs staff open from the main window's screens, each in turn: the day's
    bookings, the day's visits and a visit's correction, each settings form, and the
    kiosk's unlock."""
    from app.services.errands import logbook as errands
    from app.services.errands.records import ErrandInput
    from app.services.queue import calling as q
    from app.ui.kiosk.lock import UnlockDialog
    from tests.conftest import desk_for

    window.tabs.setCurrentWidget(window.reception)
    _settle()
    window.findChild(QAbstractButton, "booking-day-list").click()
    day_list = window.findChild(QDialog, "booking-day-list-dialog")
    bookings = ["booking-table"]
    buttons = [day_list.importer.button.objectName(), "booking-day-list-close"]
    yield _dialog("reception › dagens bokningar", day_list, bookings, buttons)
    day_list.reject()

    # A visit finished at Lucka 2, to be corrected.
    desk = desk_for(ctx.store, ctx.clock, ctx.actor)
    code = q.issue_ticket(desk, "A").code
    q.call_ticket(desk, code, 2)
    errands.finish_with_errands(desk, code, [ErrandInput("FK", "sjukpenning", "resolved")])
    ctx.watcher.poll()
    window.tabs.setCurrentWidget(window.service_point)
    _settle()
    window.findChild(QAbstractButton, "day-visits").click()
    visits = window.findChild(QDialog, "visits-dialog")
    visits.table.selectRow(0)
    listed = ["visits-day", "visits-table"]
    yield _dialog("lucka › besök", visits, listed, ["close-visits", "correct-visit"])
    visits.correct.click()
    row = ["errand-agency", "errand-type", "errand-outcome", "errand-referral"]
    yield _dialog("lucka › rätta ett besök", visits, row, ["cancel-errands", "save-errands"])
    visits.reject()

    window.tabs.setCurrentWidget(window.settings_view)
    sections = window.settings_view.sections
    forms = [
        ("QueuesPage", "add-queue", ["queue-letter", "queue-label", "queue-label-en"]),
        ("QueuesPage", "edit-queue", ["queue-letter", "queue-label", "queue-agencies"]),
        ("PointsPage", "add-point", ["point-number", "point-name", "point-call-order"]),
        ("PointsPage", "edit-point", ["point-number", "point-name", "point-queues"]),
        ("CatalogPage", "add-entry", ["entry-code", "entry-label", "entry-label-en"]),
        ("CatalogPage", "rename-entry", ["entry-label", "entry-label-en"]),
    ]
    for page_name, button, fields in forms:
        index = next(
            i for i in range(sections.count()) if type(sections.widget(i)).__name__ == page_name
        )
        sections.setCurrentIndex(index)
        page = sections.widget(index)
        _settle()
        if page_name == "CatalogPage":  # an errand type of the first agency
            page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
        else:
            page.table.selectRow(0)
        page.findChild(QAbstractButton, button).click()
        form = page.dialog
        name = form.objectName()
        title = f"inställningar › {form.windowTitle()}"
        yield _dialog(title, form, fields, [f"{name}-cancel", f"{name}-save"])
        form.reject()
        _settle()

    unlock = UnlockDialog(ctx, window)
    keep(unlock)
    login = ["kiosk-login", "kiosk-pin"]
    yield _dialog("kiosk › avsluta kiosken", unlock, login, ["kiosk-unlock-cancel", "kiosk-unlock"])
    unlock.reject()


def _section_orders(page: str) -> list[list[str]]:
    """A settings section's orders (by its page's class, in any language): the sections'
    tabs above it, then its form top down."""
    orders = {
        "OfficePage": [
            ["office-name", "hours-mon-closed", "hours-mon-open", "hours-sun-closed"],
            ["hours-sun-closed", "recalls-before-no-show", "pin-min-length", "cli-sign-in"],
            ["cli-sign-in", "revert-office", "save-office"],
        ],
        "KioskPage": [
            ["kiosk-language-ar", "kiosk-cutoff-minutes", "kiosk-idle-seconds", "max-waiting"],
            ["max-waiting", "kiosk-live-page", "revert-kiosk", "save-kiosk"],
        ],
        "BookingsPage": [["import-bookings", "booking-tolerance", "save-bookings"]],
        "QueuesPage": [["queues-table", "add-queue", "edit-queue", "retire-queue"]],
        "PointsPage": [["points-table", "add-point", "edit-point", "retire-point"]],
        "CatalogPage": [
            ["catalog-tree", "rename-entry", "retire-entry", "add-entry", "export-catalog"],
            ["export-catalog", "import-catalog"],
        ],
        "BackupsPage": [["backups-table", "backup-now", "restore-backup"]],
        "SyncPage": [["sync-url", "sync-office-code", "sync-token", "save-sync", "sync-now"]],
        "DatabasePage": [["database-url", "test-database", "use-database"]],
        "StaffPage": [
            ["staff-table", "staff-login", "staff-name", "staff-role", "staff-pin"],
            ["staff-pin-again", "staff-add", "staff-set-role", "staff-reset-pin", "staff-toggle"],
        ],
        "AuditPage": [
            ["audit-kind", "audit-from", "audit-to", "audit-show", "audit-export", "audit-table"]
        ],
    }[page]
    return [["main-tab-bar", "settings-sections-bar", orders[0][0]], *orders]


# ---------------------------------------------------------------- what the rules look at


def _focusable(widget: QWidget, window: QWidget) -> bool:
    return (
        widget.window() is window
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not isinstance(widget, QTabWidget)  # it hands the focus to its tab bar
        and not _part_of_another(widget)
    )


def _part_of_another(widget: QWidget) -> bool:
    """The line edit in a spin, date or combo box, a scroll area's viewport: not controls
    of their own (Tab passes them by)."""
    parent = widget.parentWidget()
    if isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return True
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def controls(window: QWidget) -> list[QWidget]:
    """The controls Tab may reach on the screen the window shows now."""
    return [w for w in window.findChildren(QWidget) if _focusable(w, window)]


def _stop(widget: QWidget) -> QWidget:
    """Where Tab puts the focus at ``widget``'s place in the chain: a tab widget hands it
    to its tab bar. (Not read through focusProxy(): called across a window's chain from
    Python, it left the tab bar and tables' headers deleted, with PySide6 6.11.)"""
    return widget.tabBar() if isinstance(widget, QTabWidget) else widget


def focus_chain(start: QWidget) -> list[QWidget]:
    """The controls in the window's focus chain, from ``start`` round to it again."""
    window, chain, widget = start.window(), [start], start.nextInFocusChain()
    while widget is not start:
        stop = _stop(widget)
        takes = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible()
        proxied = stop is not widget and takes and _focusable(stop, window)
        if (_focusable(widget, window) or proxied) and stop is not chain[-1]:
            chain.append(stop)
        widget = widget.nextInFocusChain()
    if len(chain) > 1 and chain[-1] is start:
        chain.pop()
    return chain


def tabbed(start: QWidget, stops: int) -> list[QWidget | None]:
    """Where the focus goes, pressing Tab from ``start`` until it has made ``stops`` stops
    (a date field takes Tab to step from day to month to year first: one stop)."""
    window = start.window()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget | None] = [window.focusWidget()]
    for _ in range(4 * stops):
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
        if window.focusWidget() is not seen[-1]:
            seen.append(window.focusWidget())
        if len(seen) > stops:
            break
    return seen


def accessible_text(widget: QWidget, text: QAccessible.Text) -> str:
    """What a screen reader gets of the widget (Qt's own answer: text, buddy, tooltip …)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(text) if face is not None else ""


def labels_of(widget: QWidget) -> list[str]:
    """The texts of what labels the widget ("labelled by": a buddy label, a group box)."""
    face = QAccessible.queryAccessibleInterface(widget)
    if face is None:
        return []
    return [
        other.text(QAccessible.Text.Name)
        for other, kind in face.relations()
        if kind & QAccessible.RelationFlag.Label
    ]


def combo_name(combo: QComboBox) -> str:
    """A combo box's own name: the one set on it, else its label's (Linux reads its value
    as the name and the label through the relation, so the label is what counts)."""
    return combo.accessibleName() or next(iter(labels_of(combo)), "")


def _who(widget: QWidget | None) -> str:
    if widget is None:
        return "ingen"
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


_MNEMONIC = re.compile(r"&(?!&)(\w)")


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt letters of what shows on the window now: letter → the texts that carry it."""
    found: dict[str, list[str]] = {}

    def add(text: str, owner: QWidget) -> None:
        for letter in _MNEMONIC.findall(text.replace("&&", "")):
            found.setdefault(letter.casefold(), []).append(f"{text} ({_who(owner)})")

    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not (widget.isVisible() and widget.isEnabled()):
            continue
        if (
            isinstance(widget, QLabel) and not QtGui.Qt.mightBeRichText(widget.text())
        ) or isinstance(widget, QAbstractButton):
            add(widget.text(), widget)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), widget)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i) and widget.isTabEnabled(i):
                    add(widget.tabText(i), widget)
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    add(action.text(), widget)
    return found


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# ---------------------------------------------------------------- the rules


@pytest.fixture
def staff_style(app_style):
    """The application's own style and font, as staff see them (tests/ui/conftest.py)."""


@pytest.fixture
def screens(ui_ctx, staff_style) -> Iterator[Iterator[Screen]]:
    """Every staff screen in turn; the windows go before the style is put back."""
    windows: list[QWidget] = []
    yield staff_screens(ui_ctx, windows.append)
    for window in windows:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


def test_tab_reaches_every_control_of_every_staff_screen_and_goes_round(screens):
    problems = []
    for screen in screens:
        chain = focus_chain(screen.start)
        missing = [_who(w) for w in controls(screen.window) if w not in chain]
        if missing:
            problems.append(f"{screen.name}: Tab never reaches {missing}")
        # Real presses: a table that keeps Tab to itself would trap the keyboard here.
        pressed = tabbed(screen.start, len(chain))
        if pressed != [*chain, chain[0]]:
            went = [_who(w) for w in pressed]
            problems.append(f"{screen.name}: Tab goes {went}, not {[_who(w) for w in chain]}")
    assert not problems, "\n".join(problems)


def test_tab_follows_each_screen_in_the_order_it_reads(screens):
    problems = []
    for screen in screens:
        names = [w.objectName() for w in focus_chain(screen.start)]
        for order in screen.orders:
            found = [names.index(n) for n in order if n in names]  # what is shown and enabled
            if len(found) < 2 or found != sorted(found):
                problems.append(f"{screen.name}: wanted {order} in this order, Tab goes {names}")
    assert not problems, "\n".join(problems)


def named_and_described(widget: QWidget) -> list[tuple[str, str, str]]:
    """(what, name, description) of a control as a screen reader gets them; a tab bar's
    are its tabs' (each tab is read as a page tab of its own)."""
    face = QAccessible.queryAccessibleInterface(widget)
    if isinstance(widget, QTabBar):
        tabs = [face.child(i) for i in range(widget.count()) if widget.isTabVisible(i)]
        return [(f"{_who(widget)} tab {t.text(QAccessible.Text.Name)!r}", *_texts(t)) for t in tabs]
    name, said = _texts(face)
    if isinstance(widget, QComboBox):
        name = combo_name(widget)
    return [(_who(widget), name, said)]


def _texts(face: QAccessibleInterface) -> tuple[str, str]:
    return (
        face.text(QAccessible.Text.Name).strip(),
        face.text(QAccessible.Text.Description).strip(),
    )


def test_every_control_has_a_name_and_a_description(screens):
    problems = []
    for screen in screens:
        for widget in controls(screen.window):
            for what, name, said in named_and_described(widget):
                if not name or not said:
                    problems.append(f"{screen.name}: {what} name={name!r} description={said!r}")
    assert not problems, "\n".join(problems)


def test_a_combo_box_is_named_by_its_label_not_by_its_value(screens):
    problems = []
    for screen in screens:
        for combo in (w for w in controls(screen.window) if isinstance(w, QComboBox)):
            name, value = combo_name(combo), combo.currentText()
            if combo.objectName() in SELF_NAMED_COMBOS:
                continue
            if not name or name == value:
                problems.append(f"{screen.name}: {_who(combo)} is named {name!r} = its value")
            if not any(label.strip() for label in labels_of(combo)):
                problems.append(f"{screen.name}: {_who(combo)} has no label (setBuddy)")
    assert not problems, "\n".join(problems)


def _clashes(screens: Iterator[Screen]) -> tuple[list[str], list[str]]:
    """The screens' names, and each Alt letter a screen uses twice."""
    names, problems = [], []
    for screen in screens:
        names.append(screen.name)
        for letter, texts in mnemonics(screen.window).items():
            if len(texts) > 1:
                problems.append(f"{screen.name}: Alt+{letter.upper()} for {texts}")
    return names, problems


def test_no_alt_letter_is_used_twice_on_a_screen(screens):
    _, problems = _clashes(screens)
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def english_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English .qm compiled from the .ts of the checkout (so never a stale build)."""
    folder = tmp_path_factory.mktemp("i18n")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.exists() else "pyside6-lrelease"
    subprocess.run([tool, "-silent", str(TS), "-qm", str(folder / "servicedisk_en.qm")], check=True)
    return folder


@pytest.fixture
def in_english(qapp, english_qm):
    """The staff's screens in English for one test (set before they are built), then
    Swedish again."""
    from PySide6.QtCore import QLocale

    from app.ui.shell import language

    before = QLocale()
    installed = language.install(qapp, language.ENGLISH, folder=english_qm)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def test_no_alt_letter_is_used_twice_on_a_screen_in_english(in_english, screens):
    names, problems = _clashes(screens)
    assert "statistik › Arrivals and staffing" in names  # the screens are in English
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("background", style.FOCUS_BACKGROUNDS)
def test_the_focus_colour_stands_out_at_least_3_to_1_from_every_background(background):
    assert contrast(style.FOCUS, background) >= 3.0


def test_the_focus_ring_is_drawn_round_the_focused_control_in_the_focus_colour(screens):
    """On the screen as drawn: the ring's pixels are the focus colour, and they stand out
    from the background beside them by 3:1 at least."""
    from app.ui.shell.focus_ring import GAP, WIDTH

    problems = []
    for screen in screens:
        for widget in controls(screen.window)[:6]:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            _settle()
            picture = screen.window.grab().toImage()
            area = widget.rect()
            if isinstance(widget, QTabBar):
                area = widget.tabRect(widget.currentIndex())
            top_left = widget.mapTo(screen.window, area.topLeft())
            x = top_left.x() + area.width() // 2
            ring_y = top_left.y() - GAP - WIDTH  # the ring's outer row, above the control
            if ring_y < 1:
                continue  # at the window's edge: nothing beside the ring to compare with
            ring = picture.pixelColor(x, ring_y).name()
            outside = picture.pixelColor(x, ring_y - 1).name()
            gap = picture.pixelColor(x, top_left.y() - 1).name()
            if (
                contrast(ring, style.FOCUS) > 1.2
                or min(contrast(ring, outside), contrast(ring, gap)) < 3.0
            ):
                problems.append(
                    f"{screen.name}: {_who(widget)} ring {ring}, beside {outside} and {gap}"
                )
    assert not problems, "\n".join(problems)


@pytest.fixture
def twice_the_text(qapp):
    """The system's font at twice the size staff have it (22 pt): WCAG's 200 %."""
    from app.ui.shell.style import apply_style

    font, sheet = qapp.font(), qapp.styleSheet()
    big = QFont(font)
    big.setPointSizeF(2 * max(font.pointSizeF(), 11))
    qapp.setFont(big)  # the system's font, which the style then follows
    apply_style(qapp)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def test_text_at_twice_the_size_is_not_cut_off(ui_ctx, twice_the_text):
    """Every button shows its whole text and every label its lines, the screens growing
    (or scrolling) instead. The status bar's lines are left out: on a narrow window the
    bar cuts them, whatever the size of the text."""
    windows: list[QWidget] = []
    problems = []
    for screen in staff_screens(ui_ctx, windows.append):
        for widget in screen.window.findChildren(QWidget):
            shown = widget.window() is screen.window and widget.isVisible()
            if not shown or widget.objectName().startswith("status-"):
                continue
            if isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()) - 1:
                    problems.append(f"{screen.name}: {_who(widget)} {widget.text()[:40]!r}")
            elif isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
                need, has = widget.minimumSizeHint(), widget.size()
                if has.width() < need.width() - 1 or has.height() < need.height() - 1:
                    problems.append(f"{screen.name}: {_who(widget)} {widget.text()[:40]!r}")
    for window in windows:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- through AT-SPI

APP_NAME = "servicedisk-a11y"
READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # has PyGObject (python3-gi, gir1.2-atspi-2.0)
XVFB = ("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24")
# Qt's roles as AT-SPI names them (qtbase's role mapping, for the roles on these screens).
ATSPI_ROLES = {
    "Button": "push button",
    "CheckBox": "check box",
    "RadioButton": "radio button",
    "ComboBox": "combo box",
    "EditableText": "text",
    "SpinBox": "spin button",
    "Table": "table",
    "List": "list",
    "Tree": "tree",
    "PageTabList": "page tab list",
    "Client": "filler",
}


def _accessible_id(widget: QWidget) -> str:
    """The id Qt gives a widget on the accessibility bus: the names down to it from its
    window (a dialog's parent is the application there, not the window it opened over)."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        parts.insert(0, current.objectName() or current.metaObject().className())
        current = None if current.isWindow() else current.parentWidget()
    return ".".join(["QApplication", *parts])


def expected_controls(screen: Screen) -> dict[str, object]:
    """What a screen reader should find on the screen: each control's id, role and texts."""
    found = []
    for widget in controls(screen.window):
        face = QAccessible.queryAccessibleInterface(widget)
        found.append(
            {
                "who": f"{screen.name}: {_who(widget)}",
                "id": _accessible_id(widget),
                "role": face.role().name,
                "password": bool(face.state().passwordEdit),
                "texts": named_and_described(widget),
                "combo": isinstance(widget, QComboBox),
                "self_named": widget.objectName() in SELF_NAMED_COMBOS,
            }
        )
    return {"window_id": _accessible_id(screen.window), "controls": found}


def _context(folder: Path) -> UiContext:
    """A context on a new seeded store, as the widget tests' ui_ctx (tests/ui/conftest.py)."""
    from app.services.office.clock import ManualClock
    from tests.ui.conftest import UI_NOW, new_ui_context

    return new_ui_context(folder / "data", ManualClock(UI_NOW))


def serve(folder: Path) -> None:
    """Show every staff screen in turn, each until atspi_reader.py has read it."""
    from app.ui.shell.style import apply_style

    app = QApplication([APP_NAME])
    app.setApplicationName(APP_NAME)
    apply_style(app)
    windows: list[QWidget] = []
    for number, screen in enumerate(staff_screens(_context(folder), windows.append)):
        screen.window.raise_()
        _settle()
        out = folder / f"{number:02d}.expected.json"
        out.with_suffix(".part").write_text(json.dumps(expected_controls(screen)), "utf-8")
        out.with_suffix(".part").rename(out)
        read = folder / f"{number:02d}.atspi.json"
        loop, poll = QEventLoop(), QTimer()
        poll.timeout.connect(lambda read=read, loop=loop: read.exists() and loop.quit())
        poll.start(50)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()  # the event loop answers the bus's questions as they come
        poll.stop()
    (folder / "done").touch()


def _atspi_missing() -> str:
    """Why the AT-SPI test cannot run here ("" if it can)."""
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb dbus)"
    probe = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    if (
        not Path(SYSTEM_PYTHON).exists()
        or subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, check=False).returncode
    ):
        return "the system Python lacks AT-SPI (apt-get install python3-gi gir1.2-atspi-2.0)"
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "at-spi2-core is not installed"
    return ""


def _find(nodes: list[dict], control: dict) -> dict | None:
    same = [n for n in nodes if n["id"] == control["id"] and n["role"] != "page tab"]
    return same[0] if same else None


@pytest.mark.slow  # a real X server, a D-Bus session and the accessibility bus (about 20 s)
def test_a_screen_reader_finds_every_control_with_its_name_and_role(tmp_path):
    """Every control of every staff screen, read back over AT-SPI in a real X server: it is
    there, with the role Qt gives it, a name (a combo box's from its label, "labelled by",
    as Orca reads it) and a description."""
    missing = _atspi_missing()
    if missing:
        if os.environ.get("SERVICEDISK_CI"):
            pytest.fail(f".ci/run installs the AT-SPI tools: {missing}")
        pytest.skip(missing)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # xcb, on Xvfb
    env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    app = f"{sys.executable} -m tests.ui.test_staff_accessibility {tmp_path}"
    reader = f"{SYSTEM_PYTHON} {READER}"
    script = f"{reader} --activate && {{ {app} & {reader} {tmp_path} {APP_NAME}; wait; }}"
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [*XVFB, "dbus-run-session", "--", "sh", "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    screens = sorted(tmp_path.glob("*.expected.json"))
    assert run.returncode == 0 and screens and (tmp_path / "done").exists(), run.stderr[-3000:]
    problems = []
    for path in screens:
        expected = json.loads(path.read_text("utf-8"))
        nodes = json.loads(path.with_name(path.name.replace("expected", "atspi")).read_text())
        for control in expected["controls"]:
            node = _find(nodes, control)
            if node is None:
                problems.append(f"{control['who']}: not on the bus ({control['id']})")
                continue
            role = ATSPI_ROLES.get(control["role"], control["role"])
            if control["password"]:
                role = "password text"
            if node["role"] != role or not node["focusable"]:
                problems.append(f"{control['who']}: {node['role']}, wanted a focusable {role}")
            name = node["name"]
            if control["combo"] and not control["self_named"]:
                name = " ".join(node["labelled_by"])  # Qt names a combo box by its value
            if not name.strip():
                problems.append(f"{control['who']}: no name on the bus")
            if control["role"] == "PageTabList":
                tabs = [n for n in nodes if n["id"] == control["id"] and n["role"] == "page tab"]
                bare = [t["name"] for t in tabs if not (t["name"] and t["description"])]
                if not tabs or bare:
                    problems.append(f"{control['who']}: tabs without name or description {bare}")
            elif not node["description"].strip():
                problems.append(f"{control['who']}: no description on the bus")
    assert not problems, "\n".join(problems)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
