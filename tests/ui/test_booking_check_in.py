"""Booked visits on the screens: checked in at reception (typed or scanned, then Enter) and at
the kiosk (its keypad, or a scanner), the day's list, and the day's file taken in in Settings.

The day's bookings are taken in through the service at the widget tests' clock, Wednesday
25 November 2026 at 10:30 in Stockholm; the office calls a booking from ten minutes before.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from app.services.access.actor import Actor, Desk
from app.services.bookings.day import import_bookings, list_bookings
from app.services.bookings.files import BookingRow
from app.services.office.clock import OFFICE_TZ
from app.services.office.info import get_office
from app.services.queue.desk import QueueDesk
from app.services.queue.views import queue_snapshot
from app.ui.reception.day_list import DayListDialog
from app.ui.reception.screen import ReceptionView
from app.ui.settings.view import SettingsView
from tests.ui import test_kiosk
from tests.ui.test_kiosk import FakeSpeech
from tests.ui.test_settings_view import FakeFileDialogs, child, is_error, message, open_section

# The kiosk tests' fixtures: the kiosk window with its fake speech and printer.
kiosk, speech, printer = test_kiosk.kiosk, test_kiosk.speech, test_kiosk.printer


def at(hh: int, mm: int) -> datetime:
    """A time of the test day in Stockholm, as the UTC instant a booking file gives."""
    return datetime(2026, 11, 25, hh, mm, tzinfo=OFFICE_TZ).astimezone(UTC)


def booking(line, ref, hh, mm, agency, errand=None, language=None, *, interpreter=False,
            minutes=15, cancelled=False) -> BookingRow:  # fmt: skip
    return BookingRow(line, ref, at(hh, mm), minutes, agency, errand, language, interpreter,
                      cancelled)  # fmt: skip


DAY = [
    booking(2, "LATE-0003", 10, 0, "AF", "inskrivning", "so"),  # 10:00 + 10 min has passed
    booking(3, "SKV-7F3K9Q", 10, 35, "SKV", "id-kort", "ar", interpreter=True),  # on time
    booking(4, "FK-9QW3ZP", 11, 0, "FK", "foraldrapenning", minutes=30),  # early
    booking(5, "SKV-K4P7NX", 11, 30, "SKV", "id-kontroll", cancelled=True),
]


def shots(tmp_path: Path) -> Path:
    """Where the pictures go: ``SERVICEDISK_SHOTS`` (docs/screenshots), else the test's."""
    folder = Path(os.environ.get("SERVICEDISK_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def booked_day(ui_ctx):
    """The day's file, taken in by the manager at 10:30."""
    manager = Desk(ui_ctx.store, ui_ctx.clock, Actor(role="manager"))
    result = import_bookings(manager, DAY)
    assert (result.added, result.withdrawn) == (3, 1)
    return manager


@pytest.fixture
def view(qtbot, ui_ctx, booked_day, printer):  # the kiosk tests' fake printer
    widget = ReceptionView(ui_ctx, printer=printer, monotonic=lambda: 1000.0)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    ui_ctx.watcher.refresh()
    return widget


def scan(qtbot, view: ReceptionView, reference: str) -> None:
    """What a handheld scanner does: the reference typed into the field, then Enter."""
    field = view.findChild(QLineEdit, "booking-reference")
    field.setFocus()
    qtbot.keyClicks(field, reference)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _waiting(ctx) -> list[tuple[str, bool, str | None]]:
    snapshot = queue_snapshot(ctx.store, ctx.clock)
    return [(t.code, t.booked, t.language) for t in snapshot.waiting]


# ---------------------------------------------------------------- reception


def test_reception_checks_in_a_scanned_booking_on_time_and_prints_its_time(
    view, ui_ctx, qtbot, printer
):
    scan(qtbot, view, "skv-7f3k9q")  # as typed: the reference is compared in capitals
    assert view.panel.code == "B001"
    assert view.panel.booked_label.text() == "Bokad tid 10:35"
    assert view.panel.booked_label.isVisible()
    assert view.message.text() == "Incheckad: B001, bokad tid 10:35."
    ticket = printer.printed[-1]
    assert (ticket.code, ticket.booked, ticket.booked_time) == ("B001", True, "10:35")
    assert ticket.booked_errand == "ID-kort (bokad tid)" and ticket.language == "ar"
    assert _waiting(ui_ctx) == [("B001", True, "ar")]
    assert view.findChild(QLineEdit, "booking-reference").text() == ""  # ready for the next


def test_reception_says_when_an_early_booking_is_called(view, qtbot):
    scan(qtbot, view, "FK-9QW3ZP")
    assert view.panel.code == "A001"
    assert view.message.text() == ("Incheckad: A001, bokad tid 11:00. Ropas upp omkring 10:50.")


def test_a_late_booking_is_offered_a_walk_in_ticket_in_its_queue(view, ui_ctx, qtbot, printer):
    scan(qtbot, view, "LATE-0003")
    assert "Den bokade tiden har passerat" in view.message.text()
    walk_in = view.findChild(QPushButton, "walk-in")
    assert walk_in.isVisible() and walk_in.text() == "Ge vanlig kölapp (kö C)"
    assert _waiting(ui_ctx) == []  # nothing issued until the clerk says so
    qtbot.mouseClick(walk_in, Qt.MouseButton.LeftButton)
    assert view.panel.code == "C001"
    assert _waiting(ui_ctx) == [("C001", False, "so")]  # a walk-in, in the booking's language
    assert printer.printed[-1].booked_time is None
    assert view.message.text() == "Vanlig kölapp C001 i stället för den bokade tiden."
    assert not walk_in.isVisible()


@pytest.mark.parametrize(
    ("reference", "said"),
    [
        ("NOPE-1234", "Det finns ingen bokning i dag med det bokningsnumret."),
        ("SKV-K4P7NX", "Bokningen är avbokad. Besökaren kan få en vanlig kölapp."),
    ],
)
def test_an_unknown_or_cancelled_booking_is_said_and_nothing_issued(
    view, ui_ctx, qtbot, reference, said
):
    scan(qtbot, view, reference)
    assert view.message.text().startswith(said)
    assert view.panel.code is None and _waiting(ui_ctx) == []
    field = view.findChild(QLineEdit, "booking-reference")
    assert field.selectedText() == reference  # the next scan replaces it
    assert not view.findChild(QPushButton, "walk-in").isVisible()


def test_a_booking_checked_in_twice_names_its_ticket(view, qtbot):
    scan(qtbot, view, "SKV-7F3K9Q")
    scan(qtbot, view, "SKV-7F3K9Q")
    assert view.message.text() == "Bokningen är redan incheckad, med kölapp B001."


def test_the_day_list_shows_each_bookings_state_and_no_reference(
    app_style, view, ui_ctx, qtbot, tmp_path
):
    scan(qtbot, view, "SKV-7F3K9Q")
    scan(qtbot, view, "FK-9QW3ZP")
    qtbot.mouseClick(view.findChild(QPushButton, "booking-day-list"), Qt.MouseButton.LeftButton)
    dialog = view.findChild(DayListDialog)
    assert dialog is not None and dialog.isVisible()
    model = dialog.model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert rows == [
        ["10:00", "15 min", "Arbetsförmedlingen", "Inskrivning", "Somaliska", "", "Uteblev"],
        [
            "10:35",
            "15 min",
            "Skatteverket",
            "ID-kort (bokad tid)",
            "Arabiska",
            "Ja",
            "Incheckad B001",
        ],
        ["11:00", "30 min", "Försäkringskassan", "Föräldrapenning", "–", "", "Incheckad A001"],
        [
            "11:30",
            "15 min",
            "Skatteverket",
            "Identitetskontroll folkbokföring (bokad tid)",
            "–",
            "",
            "Avbokad",
        ],
    ]
    assert dialog.summary.text() == "4 bokningar i dag: 2 incheckade, 1 avbokad, 1 uteblev."
    shown = " ".join(" ".join(row) for row in rows)
    assert all(b.reference not in shown for b in DAY)
    dialog.resize(900, 420)
    assert dialog.grab().save(str(shots(tmp_path) / "booking-day-list.png"))


def test_render_reception_after_a_check_in(app_style, view, qtbot, tmp_path):
    for letter in "ABD":
        view._on_issue(letter)  # a few walk-ins in the lists
    scan(qtbot, view, "FK-9QW3ZP")
    assert view.grab().save(str(shots(tmp_path) / "booking-reception.png"))


# ---------------------------------------------------------------- the kiosk


def _to_check_in(kiosk, qtbot, language: str) -> None:
    qtbot.mouseClick(kiosk.languages.buttons[language], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.topics.booked_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.check_in


def _said(speech: FakeSpeech) -> str:
    return " | ".join(text for text, _ in speech.said)


def test_a_visitor_checks_in_at_the_kiosk_with_its_keypad(
    kiosk,
    booked_day,
    ui_ctx,
    qtbot,
    speech,
    printer,
):
    _to_check_in(kiosk, qtbot, "sv")
    assert kiosk.check_in.title.text() == "Skriv eller skanna ditt bokningsnummer"
    for char in "FK-9QW3ZX":
        qtbot.mouseClick(kiosk.check_in.keys[char], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.check_in.erase, Qt.MouseButton.LeftButton)  # a wrong key
    qtbot.mouseClick(kiosk.check_in.keys["P"], Qt.MouseButton.LeftButton)
    assert kiosk.check_in.entry.text() == "FK-9QW3ZP"
    qtbot.mouseClick(kiosk.check_in.done_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.ticket
    assert kiosk.ticket.code.text() == "A001"
    assert kiosk.ticket.message.text() == (
        "Du är incheckad. Bokad tid 11:00. Du blir uppropad omkring 10:50."
    )
    assert kiosk.ticket.ahead.text() == "" and kiosk.ticket.wait.text() == ""
    qtbot.wait(20)
    assert "Ditt nummer A 1" in _said(speech) and "Bokad tid 11:00" in _said(speech)
    printed = printer.printed[-1]
    assert (printed.code, printed.booked_time, printed.ahead) == ("A001", "11:00", None)
    assert list_bookings(booked_day)[2].state == "checked_in"


def test_a_scanner_at_the_kiosk_types_the_number_and_enter_in_arabic(
    kiosk,
    booked_day,
    qtbot,
    speech,
):
    _to_check_in(kiosk, qtbot, "ar")
    assert kiosk.check_in.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert not kiosk.speech_on
    QTest.keyClicks(kiosk, "skv-7f3k9q")  # the first key is not taken to start speech
    assert kiosk.check_in.entry.text() == "SKV-7F3K9Q"
    QTest.keyClick(kiosk, Qt.Key.Key_Return)
    assert kiosk.ticket.code.text() == "B001"
    assert "10:35" in kiosk.ticket.message.text() and "تم تسجيل" in kiosk.ticket.message.text()
    qtbot.wait(20)
    assert ("ar" in {language for _, language in speech.said}) and "B 1" in _said(speech)


def test_at_the_kiosk_a_late_booking_is_told_and_offered_an_ordinary_ticket(
    kiosk,
    booked_day,
    ui_ctx,
    qtbot,
    speech,
):
    _to_check_in(kiosk, qtbot, "en")
    QTest.keyClick(kiosk, Qt.Key.Key_F1)  # speech on, the page read
    assert kiosk.speech_on and "Type or scan your booking number" in _said(speech)
    QTest.keyClick(kiosk, Qt.Key.Key_Tab)  # the keys are read as the focus reaches them
    qtbot.wait(20)
    assert speech.said[-1] == ("1", "en")
    QTest.keyClicks(kiosk, "LATE-0003")  # typed into the field, wherever the focus is
    QTest.keyClick(kiosk, Qt.Key.Key_Enter)
    page = kiosk.check_in
    assert page.message.text() == (
        "Your booked time has passed. You can take an ordinary queue ticket."
    )
    qtbot.wait(20)
    assert speech.said[-1] == (page.message.text(), "en")
    assert page.walk_in_button.isVisible() and _waiting(ui_ctx) == []
    assert kiosk.focusWidget() is page.walk_in_button  # where the keys go on from
    QTest.keyClick(kiosk, Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert speech.said[-1] == ("Done", "en")
    QTest.keyClick(kiosk, Qt.Key.Key_Backtab)
    QTest.keyClick(kiosk, Qt.Key.Key_Return)  # Enter on a button presses it
    assert kiosk.stack.currentWidget() is kiosk.ticket  # an ordinary ticket in its queue
    (walk_in,) = QueueDesk(ui_ctx.store, ui_ctx.clock, Actor(role="reception")).snapshot().waiting
    assert not walk_in.booked and kiosk.ticket.code.text() == walk_in.code


def test_at_the_kiosk_an_unknown_number_is_told_and_can_be_typed_again(
    kiosk,
    booked_day,
    qtbot,
):
    _to_check_in(kiosk, qtbot, "sv")
    QTest.keyClicks(kiosk, "SKV-0000")
    QTest.keyClick(kiosk, Qt.Key.Key_Return)
    page = kiosk.check_in
    assert page.message.text().startswith("Vi hittar inte bokningen.")
    assert not page.walk_in_button.isVisible() and page.entry.text() == ""
    QTest.keyClicks(kiosk, "SKV-K4P7NX")
    assert page.message.text() == ""  # a new number: the last message goes
    QTest.keyClick(kiosk, Qt.Key.Key_Return)
    assert page.message.text() == "Bokningen är avbokad. Du kan ta en vanlig kölapp."
    assert page.walk_in_button.isVisible()


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_render_the_kiosks_check_in_page(
    kiosk,
    booked_day,
    qtbot,
    language,
    tmp_path,
):
    _to_check_in(kiosk, qtbot, language)
    QTest.keyClicks(kiosk, "SKV-7F3")
    QApplication.processEvents()
    assert kiosk.grab().save(str(shots(tmp_path) / f"booking-kiosk-{language}.png"))


# ---------------------------------------------------------------- Settings


CSV = (
    "bokningsnummer;datum;starttid;minuter;myndighet;arendetyp;sprak;tolk;status\n"
    "SKV-7F3K9Q;2026-11-25;13:00;15;SKV;id-kort;ar;ja;bokad\n"
    "FK-9QW3ZP;2026-11-25;13:30;30;FK;foraldrapenning;;nej;bokad\n"
    "SKV-K4P7NX;2026-11-25;14:00;15;SKV;id-kontroll;;nej;avbokad\n"
)


@pytest.fixture
def settings(qtbot, ui_ctx):
    dialogs = FakeFileDialogs()
    widget = SettingsView(ui_ctx, file_dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    open_section(widget, "Bokningar")
    return widget, dialogs


def test_settings_takes_in_the_days_file(settings, ui_ctx, qtbot, tmp_path):
    view, dialogs = settings
    path = tmp_path / "bokningar.csv"
    path.write_text(CSV, encoding="utf-8")
    dialogs.open_from = str(path)
    qtbot.mouseClick(child(view, QPushButton, "import-bookings"), Qt.MouseButton.LeftButton)
    assert message(view) == "Bokningarna är inlästa: 2 nya, 0 ändrade, 1 avbokad."
    assert [b.state for b in list_bookings(ui_ctx.desk)] == ["booked", "booked", "cancelled"]
    qtbot.mouseClick(child(view, QPushButton, "import-bookings"), Qt.MouseButton.LeftButton)
    assert message(view) == "Bokningarna är inlästa. Inget ändrades: filen var redan inläst."


def test_a_bad_file_names_its_line_and_takes_nothing_in(settings, ui_ctx, qtbot, tmp_path):
    view, dialogs = settings
    path = tmp_path / "bokningar.csv"
    path.write_text(CSV.replace("2026-11-25;13:30", "25/11/2026;13:30"), encoding="utf-8")
    dialogs.open_from = str(path)
    qtbot.mouseClick(child(view, QPushButton, "import-bookings"), Qt.MouseButton.LeftButton)
    assert message(view) == (
        "Bokningarna lästes inte in. Rad 3: kolumnen 'datum' är inget datum ÅÅÅÅ-MM-DD "
        "(2026-12-08). Inget har lästs in."
    )
    assert is_error(view)
    assert list_bookings(ui_ctx.desk) == []


def test_the_manager_sets_how_early_a_booked_visit_is_called(settings, ui_ctx, qtbot):
    view, _ = settings
    spin = view.bookings_page.tolerance
    assert spin.value() == 10
    spin.setValue(15)
    qtbot.mouseClick(child(view, QPushButton, "save-bookings"), Qt.MouseButton.LeftButton)
    assert message(view) == "Bokade besök ropas nu upp inom 15 minuter."
    assert get_office(ui_ctx.store).booking_tolerance_minutes == 15


# ---------------------------------------------------------------- the printout


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (None, ["Bokad tid 10:35\nBooked time 10:35", "ID-kort (bokad tid)"]),
        ("ar", ["Bokad tid 10:35", "ID-kort (bokad tid)", "الموعد المحجوز 10:35"]),
    ],
)
def test_a_checked_in_ticket_prints_its_booked_time_and_no_wait(qapp, language, lines):
    from PySide6.QtGui import QImage

    from app.ui.reception.printing import TicketPrint
    from app.ui.reception.ticket_layout import Paragraph, ticket_layout

    ticket = TicketPrint("Kontoret", "B001", "Skatteverket", at(10, 30), True, ahead=3,
                         wait_minutes=12, language=language, booked_time="10:35",
                         booked_errand="ID-kort (bokad tid)")  # fmt: skip
    texts = [i.text for i in ticket_layout(ticket, QImage(1, 1, QImage.Format.Format_RGB32),
                                           600).items if isinstance(i, Paragraph)]  # fmt: skip
    assert all(line in texts for line in lines)
    assert not any("Före dig" in text or "väntetid" in text for text in texts)


# ---------------------------------------------------------------- the service point


def test_the_service_point_shows_a_checked_in_booking_and_when_it_goes_first(view, ui_ctx, qtbot):
    from app.ui.service_point.errand_models import TicketListModel
    from app.ui.service_point.panels import CurrentCard

    scan(qtbot, view, "FK-9QW3ZP")  # booked 11:00: first in line from 10:50
    ticket = queue_snapshot(ui_ctx.store, ui_ctx.clock).waiting[0]
    assert (ticket.appointment_at, ticket.due_at) == (at(11, 0), at(10, 50))
    listed = TicketListModel()
    listed.set_tickets([ticket])
    assert listed.index(0, TicketListModel.CODE).data() == "A001 (bokad 11:00)"
    card = CurrentCard(ui_ctx.clock)
    qtbot.addWidget(card)
    card.show_ticket(ticket, "Lucka 1", "Försäkringskassan")
    assert "bokad tid 11:00" in card.detail.text()


# ---------------------------------------------------------------- the waiting room


def test_render_the_display_says_a_called_booking_had_a_booked_time_and_a_walk_in_does_not(
    qtbot, view, ui_ctx, tmp_path
):
    from PySide6.QtWidgets import QLabel

    from app.services.queue import calling as queue
    from app.ui.display.announcer import Announcer
    from app.ui.display.screen import DisplayWindow
    from tests.ui.test_display import FakeSound

    sound = FakeSound()
    display = DisplayWindow(ui_ctx, announcer=Announcer(lambda _p: sound, lambda _p: sound))
    qtbot.addWidget(display)
    display.resize(1280, 720)
    display.show()
    scan(qtbot, view, "FK-9QW3ZP")  # booked 11:00
    queue.issue_ticket(ui_ctx.desk, "B")
    note = display.findChild(QLabel, "current-call-booked")
    ui_ctx.clock.set(at(10, 55))  # due from 10:50: ahead of the walk-in
    queue.call_next(ui_ctx.desk, 1)
    ui_ctx.watcher.refresh()
    assert display.findChild(QLabel, "current-call").text() == "A001 → Lucka 1"
    assert note.isVisible() and note.text() == "Bokad tid 11:00 / Booked time 11:00"
    assert display.grab().save(str(shots(tmp_path) / "booking-display.png"))
    queue.call_next(ui_ctx.desk, 2)  # the walk-in: nothing booked to say
    ui_ctx.watcher.refresh()
    assert display.findChild(QLabel, "current-call").text() == "B001 → Lucka 2"
    assert not note.isVisible()


def test_a_point_reserved_for_bookings_says_so_and_why_it_takes_no_walk_in(
    qtbot, booked_day, ui_ctx
):
    from PySide6.QtWidgets import QComboBox, QLabel

    from app.services.queue import calling as queue
    from app.services.setup import points as setup
    from tests.ui.test_service_point import choose_point, click, make_view

    setup.update_service_point(booked_day, 3, profile=["A"], reserve_minutes=30)
    queue.issue_ticket(ui_ctx.desk, "A")  # a walk-in; FK-9QW3ZP (queue A) is booked at 11:00
    ui_ctx.clock.set(at(10, 40))
    point = make_view(qtbot, ui_ctx)
    ui_ctx.watcher.refresh()
    choose_point(point, 3)
    picker = point.findChild(QComboBox, "point-picker")
    assert picker.currentText() == "Lucka 3 (köer A, reserverad för bokade besök)"
    click(qtbot, point, "call-next")
    said = point.findChild(QLabel, "point-message").text()
    assert said.startswith("Lucka 3 är reserverad för bokade besök: nästa bokning är 11:00.")
    assert queue.call_next(ui_ctx.desk, 1).code == "A001"  # the walk-in goes to another point
