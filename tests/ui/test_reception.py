"""The reception screen, driven as a person would: buttons, keys, the lists they see."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QTableView

from app.services.office.clock import OFFICE_TZ
from app.services.office.info import list_queues
from app.services.queue import calling as queue
from app.services.queue.errors import InvalidTransitionError
from app.services.queue.views import queue_snapshot
from app.services.setup.office_setup import update_office, update_queue
from app.ui.reception.printing import PrintOutcome, PrintTarget, QtTicketPrinter, TicketPrint
from app.ui.reception.queue_models import RecentTicketsModel, WaitingModel
from app.ui.reception.screen import DOUBLE_PRESS_SECONDS, ReceptionView


class FakePrinter:
    """A printer that works until told to fail; remembers what it printed."""

    def __init__(self) -> None:
        self.fail = False
        self.printed: list[TicketPrint] = []

    def __call__(self, ticket: TicketPrint) -> PrintOutcome:
        if self.fail:
            return PrintOutcome.failed("out of paper", "skrivaren har slut på papper")
        self.printed.append(ticket)
        return PrintOutcome(True, "printed", "printed on Fake", "utskriven på Fake")


class FakeMonotonic:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture
def mono() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def view(qtbot, ui_ctx, printer, mono):
    widget = ReceptionView(ui_ctx, printer=printer, monotonic=mono)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    ui_ctx.watcher.refresh()
    return widget


def button(view, name: str) -> QPushButton:
    found = view.findChild(QPushButton, name)
    assert found is not None, name
    return found


def label(view, name: str) -> QLabel:
    found = view.findChild(QLabel, name)
    assert found is not None, name
    return found


def table(view, name: str) -> QTableView:
    found = view.findChild(QTableView, name)
    assert found is not None, name
    return found


def column(view, name: str, col: int = 0) -> list[str]:
    model = table(view, name).model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def press(qtbot, view, name: str) -> None:
    qtbot.mouseClick(button(view, name), Qt.MouseButton.LeftButton)


def press_key(qtbot, view, key) -> None:
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    qtbot.keyClick(view, key)


def db_ticket(ui_ctx, code: str):
    return queue_snapshot(ui_ctx.store, ui_ctx.clock).ticket(code)


def test_issue_a_shows_the_code_large_and_in_the_waiting_table(qtbot, view, ui_ctx, printer):
    press(qtbot, view, "issue-A")
    assert label(view, "last-ticket").text() == "A001"
    assert "A001" in column(view, "waiting-table")
    assert "A001" in column(view, "recent-tickets")
    assert [t.code for t in printer.printed] == ["A001"]
    assert db_ticket(ui_ctx, "A001").print_status == "printed"
    assert label(view, "print-error").isHidden()
    assert "Utskriven" in label(view, "print-state").text()
    assert "Ingen väntar" not in button(view, "issue-A").accessibleName()


def test_the_latest_ticket_s_line_follows_it_once_called_and_served(qtbot, view, ui_ctx, ui_clock):
    press(qtbot, view, "issue-A")
    assert "tur snart" in label(view, "last-detail").text()
    ui_ctx.queue.call_next(1)
    ui_ctx.watcher.refresh()
    assert label(view, "last-detail").text() == "Ropad till Lucka 1"
    ui_ctx.queue.finish("A001")
    ui_ctx.watcher.refresh()
    assert "tur snart" not in label(view, "last-detail").text()
    assert "Inte längre i kön" in label(view, "last-detail").text()


def test_function_keys_issue_in_queue_order(qtbot, view):
    press_key(qtbot, view, Qt.Key.Key_F2)
    assert label(view, "last-ticket").text() == "B001"
    press_key(qtbot, view, Qt.Key.Key_F1)
    assert label(view, "last-ticket").text() == "A001"
    assert sorted(column(view, "waiting-table")) == ["A001", "B001"]


def test_ctrl_p_reprints_the_last_ticket(qtbot, view, printer):
    press(qtbot, view, "issue-C")
    press_key(qtbot, view, Qt.Key.Key_P)  # plain P does nothing
    assert len(printer.printed) == 1
    view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [t.code for t in printer.printed] == ["C001", "C001"]


def test_booked_toggle_marks_the_next_ticket_and_resets(qtbot, view, ui_ctx, mono):
    toggle = button(view, "booked-toggle")
    press(qtbot, view, "booked-toggle")
    assert toggle.isChecked()
    press(qtbot, view, "issue-A")
    assert not toggle.isChecked()
    assert not label(view, "last-booked").isHidden()
    mono.t += 5
    press(qtbot, view, "issue-A")
    assert label(view, "last-booked").isHidden()
    assert db_ticket(ui_ctx, "A001").booked and not db_ticket(ui_ctx, "A002").booked
    rows = dict(
        zip(
            column(view, "waiting-table", WaitingModel.COL_CODE),
            column(view, "waiting-table", WaitingModel.COL_BOOKED),
            strict=True,
        )
    )
    assert rows == {"A001": "Bokad", "A002": ""}
    model = table(view, "waiting-table").model()
    booked_row = column(view, "waiting-table").index("A001")
    assert model.index(booked_row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_a_double_press_issues_one_ticket_a_later_press_another(qtbot, view, ui_ctx, mono):
    press(qtbot, view, "issue-A")
    mono.t += DOUBLE_PRESS_SECONDS / 2
    press(qtbot, view, "issue-A")
    assert column(view, "waiting-table") == ["A001"]
    press(qtbot, view, "issue-B")  # another queue is another button: not a double press
    mono.t += DOUBLE_PRESS_SECONDS
    press(qtbot, view, "issue-A")
    assert sorted(column(view, "waiting-table")) == ["A001", "A002", "B001"]
    assert label(view, "last-ticket").text() == "A002"


def test_a_failed_print_keeps_the_ticket_and_reprint_recovers(qtbot, view, ui_ctx, printer):
    printer.fail = True
    press(qtbot, view, "issue-A")
    assert label(view, "last-ticket").text() == "A001"
    error = label(view, "print-error")
    assert not error.isHidden()
    assert "A001 kunde inte skrivas ut" in error.text()
    assert "slut på papper" in error.text()
    assert db_ticket(ui_ctx, "A001").state == "waiting"
    assert db_ticket(ui_ctx, "A001").print_status == "failed"
    assert "A001" in column(view, "waiting-table")

    printer.fail = False
    press(qtbot, view, "reprint")
    assert error.isHidden()
    assert db_ticket(ui_ctx, "A001").print_status == "printed"
    assert len(queue_snapshot(ui_ctx.store, ui_ctx.clock).waiting) == 1


def test_a_printer_that_cannot_be_opened_is_reported(qtbot, ui_ctx, tmp_path, mono):
    def unwritable(target: PrintTarget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "missing" / "dir" / "x.pdf"))
        return printer

    real = QtTicketPrinter(tmp_path / "tickets", None, make_printer=unwritable)
    widget = ReceptionView(ui_ctx, printer=real, monotonic=mono)
    qtbot.addWidget(widget)
    ui_ctx.watcher.refresh()
    qtbot.mouseClick(button(widget, "issue-D"), Qt.MouseButton.LeftButton)
    assert label(widget, "last-ticket").text() == "D001"
    assert not label(widget, "print-error").isHidden()
    assert "gick inte att öppna" in label(widget, "print-error").text()
    assert db_ticket(ui_ctx, "D001").print_status == "failed"


def select_recent(view, code: str) -> None:
    recent = table(view, "recent-tickets")
    row = column(view, "recent-tickets").index(code)
    recent.selectionModel().select(
        recent.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_cancel_asks_first_and_removes_the_ticket(qtbot, view, ui_ctx, mono):
    press(qtbot, view, "issue-A")
    press(qtbot, view, "issue-B")
    cancel = button(view, "cancel-ticket")
    assert not cancel.isEnabled()
    select_recent(view, "A001")
    assert cancel.isEnabled()

    press(qtbot, view, "cancel-ticket")
    box = view.findChild(QMessageBox, "cancel-confirm")
    qtbot.mouseClick(box.findChild(QPushButton, "keep-ticket"), Qt.MouseButton.LeftButton)
    assert "A001" in column(view, "waiting-table")

    select_recent(view, "A001")
    press(qtbot, view, "cancel-ticket")
    qtbot.waitUntil(lambda: view.findChild(QMessageBox, "cancel-confirm") is not None)
    box = view.findChild(QMessageBox, "cancel-confirm")
    qtbot.mouseClick(box.findChild(QPushButton, "confirm-cancel"), Qt.MouseButton.LeftButton)
    assert column(view, "waiting-table") == ["B001"]
    # It stays in the latest tickets, marked for what it is, and cannot be cancelled again.
    codes, states = column(view, "recent-tickets"), column(view, "recent-tickets", 2)
    assert states[codes.index("A001")] == "Makulerad"
    select_recent(view, "A001")
    assert not cancel.isEnabled()
    assert "makulerad" in label(view, "reception-message").text()


def test_walked_out_is_kept_apart_from_cancel(qtbot, view, ui_ctx, mono):
    press(qtbot, view, "issue-A")
    press(qtbot, view, "issue-B")
    walked = button(view, "walked-out")
    assert not walked.isEnabled()
    assert walked.accessibleName()
    select_recent(view, "A001")
    assert walked.isEnabled()

    press(qtbot, view, "walked-out")
    assert column(view, "waiting-table") == ["B001"]
    assert "A001" not in [t.code for t in queue_snapshot(ui_ctx.store, ui_ctx.clock).waiting]
    with pytest.raises(InvalidTransitionError, match="walked-out"):  # closed, not cancelled
        queue.cancel(ui_ctx.desk, "A001")
    assert "A001" in label(view, "reception-message").text()
    assert "gick innan upprop" in label(view, "reception-message").text()
    # Only outside: Ångra puts the visitor back in the queue, in the old place.
    press(qtbot, view, "reception-undo")
    assert "står i kön igen" in label(view, "reception-message").text()
    assert [t.code for t in queue_snapshot(ui_ctx.store, ui_ctx.clock).waiting] == ["A001", "B001"]
    assert button(view, "reception-undo").isHidden()


def test_a_message_never_moves_the_buttons(qtbot, view, ui_ctx):
    issue_a = button(view, "issue-A")

    def where():
        QApplication.processEvents()  # the layout settles as it would on screen
        return issue_a.mapTo(view, issue_a.rect().topLeft())

    before = where()
    view._say("En mening som är lång nog att ta två rader på en smal skärm.", error=True)
    said = where()
    view._say("")
    view.warning.setText("Stänger 16:00 – nya besökare hinner kanske inte: A ca 70 min.")
    view.warning.show()  # near closing
    warned = where()
    view.warning.hide()
    assert before == said == warned == where()


def test_walked_out_on_a_ticket_closed_elsewhere_says_why(qtbot, view, ui_ctx):
    press(qtbot, view, "issue-A")
    select_recent(view, "A001")
    queue.cancel(ui_ctx.desk, "A001")  # another workstation, not yet polled
    press(qtbot, view, "walked-out")
    message = label(view, "reception-message").text()
    assert "Det går inte att markera som gått A001" in message
    assert "A001" not in column(view, "waiting-table")


def test_reprint_of_a_selected_ticket(qtbot, view, printer, mono):
    press(qtbot, view, "issue-A")
    press(qtbot, view, "issue-B")
    select_recent(view, "A001")
    press(qtbot, view, "reprint-selected")
    assert [t.code for t in printer.printed] == ["A001", "B001", "A001"]
    assert label(view, "reception-message").text() == "Kölappen A001 är utskriven igen."


def test_a_ticket_that_is_never_called_is_not_printed_again(qtbot, view, ui_ctx, printer, mono):
    press(qtbot, view, "issue-A")
    mono.t += 5
    press(qtbot, view, "issue-A")
    queue.cancel(ui_ctx.desk, "A001")  # issued by mistake
    ui_ctx.watcher.poll()
    select_recent(view, "A001")
    assert not button(view, "reprint-selected").isEnabled()
    view._reprint("A001")  # Ctrl+P on it, or a stale selection
    assert [t.code for t in printer.printed] == ["A001", "A002"]  # nothing more printed
    said = label(view, "reception-message").text()
    assert "A001" in said and "makulerad" in said and "ny kölapp" in said
    select_recent(view, "A002")
    assert button(view, "reprint-selected").isEnabled()


def issue_many(ui_ctx, letter: str, count: int) -> None:
    for _ in range(count):
        queue.issue_ticket(ui_ctx.desk, letter)


def test_closing_warning_near_closing_with_a_long_queue(qtbot, view, ui_ctx, ui_clock):
    ui_clock.set(datetime(2026, 11, 25, 15, 30, tzinfo=OFFICE_TZ))
    issue_many(ui_ctx, "A", 10)
    ui_ctx.watcher.poll()
    warning = label(view, "closing-warning")
    assert not warning.isHidden()
    assert warning.text().startswith("Stänger 16:00 – nya besökare hinner kanske inte: A ca ")
    assert "B ca" not in warning.text() and "\n" not in warning.text()  # one line
    press(qtbot, view, "issue-A")  # a warning never blocks issuing
    assert label(view, "last-ticket").text() == "A011"


def set_hours(ui_ctx, mono, hours) -> None:
    update_office(ui_ctx.desk, opening_hours=hours)  # the next snapshot has them


LUNCH = {"wed": [["10:00", "12:00"], ["13:00", "16:00"]]}


def test_a_lunch_pause_is_not_closing_time(qtbot, view, ui_ctx, ui_clock, mono):
    set_hours(ui_ctx, mono, LUNCH)
    ui_clock.set(datetime(2026, 11, 25, 12, 30, tzinfo=OFFICE_TZ))
    ui_ctx.watcher.poll()
    warning = label(view, "closing-warning")
    assert "stängt för i dag" not in warning.text()
    assert "öppnar igen 13:00" in warning.text()
    assert "kö A" not in warning.text()


def test_closing_warning_still_works_after_a_lunch_pause(qtbot, view, ui_ctx, ui_clock, mono):
    set_hours(ui_ctx, mono, LUNCH)
    ui_clock.set(datetime(2026, 11, 25, 15, 30, tzinfo=OFFICE_TZ))
    issue_many(ui_ctx, "A", 10)
    ui_ctx.watcher.poll()
    warning = label(view, "closing-warning")
    assert "Stänger 16:00" in warning.text()
    assert "Paus" not in warning.text()
    ui_clock.set(datetime(2026, 11, 25, 16, 10, tzinfo=OFFICE_TZ))
    ui_ctx.watcher.refresh()
    assert "stängt för i dag (stängde 16:00)" in warning.text()


def test_no_closing_warning_in_the_morning(qtbot, view, ui_ctx):
    issue_many(ui_ctx, "A", 10)
    ui_ctx.watcher.poll()
    assert label(view, "closing-warning").isHidden()


def test_a_ticket_from_another_workstation_shows_up(qtbot, view, ui_ctx):
    queue.issue_ticket(ui_ctx.desk, "C")
    ui_ctx.watcher.poll()
    assert "C001" in column(view, "waiting-table")
    assert "C001" in column(view, "recent-tickets")
    assert "1 väntar" in button(view, "issue-C").accessibleName()


def test_a_renamed_queue_shows_its_new_name_on_the_issue_button(qtbot, view, ui_ctx):
    code = next(q.code for q in list_queues(ui_ctx.store) if q.letter == "A")
    update_queue(ui_ctx.desk, code, label="Pass och id-kort")
    ui_ctx.watcher.refresh()
    issue_a = button(view, "issue-A")
    assert issue_a.label_text == "Pass och id-kort"
    assert issue_a.name_label.text() == "Pass och id-kort"
    assert "Pass och id-kort" in issue_a.accessibleName()


def test_now_serving_per_service_point(qtbot, view, ui_ctx):
    queue.issue_ticket(ui_ctx.desk, "A")
    queue.call_next(ui_ctx.desk, 3)
    ui_ctx.watcher.poll()
    assert column(view, "serving-table", 0)[2] == "Lucka 3"
    assert column(view, "serving-table", 1)[2] == "A001"
    assert column(view, "serving-table", 2)[2] == "10:30"
    recent = column(view, "recent-tickets", RecentTicketsModel.COL_STATE)
    assert recent == ["Uppropad – Lucka 3"]


def test_every_control_is_reachable_with_tab(qtbot, view):
    press(qtbot, view, "issue-A")
    select_recent(view, "A001")
    button(view, "issue-A").setFocus()
    seen = []
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    wanted = {"issue-A", "issue-B", "issue-C", "issue-D", "booked-toggle", "reprint"}
    wanted |= {"recent-tickets", "reprint-selected", "walked-out", "cancel-ticket"}
    wanted |= {"waiting-table", "serving-table"}
    assert wanted <= set(seen)


def test_pdf_printing_by_default_writes_the_ticket_file(qtbot, ui_ctx, mono):
    ui_ctx.prefs.set("printing/mode", "pdf")
    widget = ReceptionView(ui_ctx, monotonic=mono)
    qtbot.addWidget(widget)
    qtbot.mouseClick(button(widget, "issue-A"), Qt.MouseButton.LeftButton)
    status = db_ticket(ui_ctx, "A001").print_status
    assert status.startswith("pdf:")
    path = Path(status[4:])
    assert path.parent == ui_ctx.settings.data_dir / "tickets"
    assert path.name == "A001-20261125-103000.pdf"
    assert path.stat().st_size > 0
    # No paper for the visitor: said as the warning it is, with the folder named.
    assert label(widget, "print-state").text() == "Ingen skrivare – inte utskriven"
    warning = label(widget, "print-error")
    assert not warning.isHidden() and "sparades som PDF i mappen" in warning.text()
    assert str(ui_ctx.settings.data_dir / "tickets") in warning.text()
    widget._reprint("A001")  # a reprint says what became of it too
    assert "sparad igen som PDF" in label(widget, "reception-message").text()
