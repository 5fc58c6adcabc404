"""The service point screen: choose a point, call, recall, no-show, transfer, park, finish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QPushButton, QTableView, QWidget

from app.services.errands import logbook as errands
from app.services.office.info import get_office
from app.services.queue import calling as queue
from app.services.queue.views import queue_snapshot
from app.ui.service_point.errand_form import ErrandForm
from app.ui.service_point.screen import ServicePointView, timer_text
from app.ui.shell.table_model import KEY_ROLE
from tests.conftest import desk_for


def button(view: QWidget, name: str) -> QPushButton:
    found = view.findChild(QPushButton, name)
    assert found is not None, name
    return found


def click(qtbot, view: QWidget, name: str) -> None:
    found = button(view, name)
    assert found.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def text(view: QWidget, name: str) -> str:
    return view.findChild(QLabel, name).text()


def make_view(qtbot, ctx) -> ServicePointView:
    view = ServicePointView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    return view


def choose_point(view: QWidget, number: int) -> None:
    picker = view.findChild(QComboBox, "point-picker")
    picker.setCurrentIndex(picker.findData(number))


@pytest.fixture
def view(qtbot, ui_ctx):
    """A service point view sitting at point 3."""
    widget = make_view(qtbot, ui_ctx)
    choose_point(widget, 3)
    return widget


def issue(ctx, clock, *letters: str) -> None:
    for letter in letters:
        queue.issue_ticket(desk_for(ctx.store, clock), letter)
        clock.advance(minutes=1)
    ctx.watcher.refresh()


def test_chosen_point_is_remembered(qtbot, ui_ctx):
    first = make_view(qtbot, ui_ctx)
    picker = first.findChild(QComboBox, "point-picker")
    assert picker.currentIndex() == -1
    assert not button(first, "call-next").isEnabled()
    assert "Välj vilken lucka" in text(first, "point-message")
    choose_point(first, 3)
    assert button(first, "call-next").isEnabled()
    again = make_view(qtbot, ui_ctx)
    assert again.findChild(QComboBox, "point-picker").currentData() == 3
    assert "Lucka 3" in again.findChild(QComboBox, "point-picker").currentText()


def test_call_next_shows_the_ticket_and_the_display_sees_the_call(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "A", "B")
    ui_clock.advance(minutes=12)
    ui_ctx.watcher.refresh()
    assert "Försäkringskassan och Pensionsmyndigheten" in text(view, "point-queues")
    queues = text(view, "point-queues")
    assert "Väntar" in queues and "Längst" in queues and "Ny besökare" in queues
    assert "<b>1</b>" in queues and "<b>14 min</b>" in queues  # whom to call next
    click(qtbot, view, "call-next")
    assert text(view, "current-ticket") == "A001"
    assert text(view, "current-wait") == "Väntade 14 min"
    assert "A001 ropas upp till Lucka 3" in text(view, "point-message")
    ui_ctx.watcher.refresh()
    snapshot = ui_ctx.watcher.snapshot
    assert snapshot.recent_calls[0].code == "A001"
    assert snapshot.recent_calls[0].point_number == 3
    # Serving now: no second call; recall and no-show possible.
    assert not button(view, "call-next").isEnabled()
    for name in ("recall", "no-show", "transfer", "park", "return-to-queue", "finish"):
        assert button(view, name).isEnabled(), name


def test_call_next_with_nobody_waiting_says_so_in_swedish(qtbot, view):
    click(qtbot, view, "call-next")
    assert text(view, "point-message").startswith("Ingen väntar")
    assert text(view, "current-ticket") == ""
    assert view.findChild(QLabel, "point-message").property("kind") == "error"


def test_recall_then_no_show_after_the_required_recall(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "C")
    assert not button(view, "recall").isEnabled()
    click(qtbot, view, "call-next")
    click(qtbot, view, "no-show")
    assert text(view, "point-message").startswith("Ropa upp C001")  # too few recalls
    click(qtbot, view, "recall")
    assert "ropades nyss upp" in text(view, "point-message")  # too soon
    ui_clock.advance(seconds=get_office(ui_ctx.store).recall_min_seconds + 1)
    click(qtbot, view, "recall")
    assert text(view, "point-message") == "C001 ropas upp igen (1)."
    assert "ropad igen 1 gång" in text(view, "current-detail")
    ui_ctx.watcher.refresh()
    assert ui_ctx.watcher.snapshot.recent_calls[0].recall
    click(qtbot, view, "no-show")
    assert (
        text(view, "point-message") == "C001 är markerad som utebliven. Fel? Tryck Ångra (Ctrl+Z)."
    )
    assert text(view, "current-ticket") == ""
    assert button(view, "call-next").isEnabled()


def test_a_no_show_by_mistake_is_undone_until_the_next_call(qtbot, view, ui_ctx, ui_clock):
    office = get_office(ui_ctx.store)
    issue(ui_ctx, ui_clock, "C", "C")
    click(qtbot, view, "call-next")
    for _ in range(office.recalls_before_no_show):
        ui_clock.advance(seconds=office.recall_min_seconds + 1)
        click(qtbot, view, "recall")
    assert not button(view, "undo-no-show").isVisible()
    click(qtbot, view, "no-show")
    assert button(view, "undo-no-show").isVisible()
    qtbot.keyClick(view.service_page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text(view, "current-ticket") == "C001"
    assert "inte längre utebliven" in text(view, "point-message")
    assert not button(view, "undo-no-show").isVisible()
    assert queue_snapshot(ui_ctx.store, ui_clock).ticket("C001").state == "called"
    # Marked again, and the next visitor called: the chance to take it back is gone.
    click(qtbot, view, "no-show")
    click(qtbot, view, "call-next")
    assert text(view, "current-ticket") == "C002"
    assert not button(view, "undo-no-show").isVisible()


def test_a_visitor_moved_from_another_queue_says_so_when_called(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "C")
    queue.transfer(ui_ctx.desk, "C001", "A")  # a colleague at another point moved the visitor
    ui_ctx.watcher.refresh()
    click(qtbot, view, "call-next")
    assert text(view, "current-ticket") == "C001"
    assert "flyttad från kö C" in text(view, "current-detail")


def test_a_return_to_the_queue_by_mistake_is_undone(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "A", "A")
    click(qtbot, view, "call-next")
    click(qtbot, view, "return-to-queue")
    said = text(view, "point-message")
    assert said.startswith("A001 är tillbaka i kö A på sin gamla plats") and "Ångra" in said
    assert button(view, "undo-no-show").isVisible()
    click(qtbot, view, "undo-no-show")
    assert text(view, "current-ticket") == "A001"
    assert "inte längre tillbaka i kön" in text(view, "point-message")
    assert queue_snapshot(ui_ctx.store, ui_clock).ticket("A001").state == "called"


def test_the_visitor_arrives_and_the_timer_keeps_running_over_a_recall(
    qtbot, view, ui_ctx, ui_clock
):
    issue(ui_ctx, ui_clock, "A")
    click(qtbot, view, "call-next")
    ui_clock.advance(seconds=get_office(ui_ctx.store).recall_min_seconds + 10)
    click(qtbot, view, "recall")
    ui_clock.advance(seconds=20)
    view.card._on_tick()
    before = text(view, "service-timer")
    assert before == timer_text(get_office(ui_ctx.store).recall_min_seconds + 30)
    click(qtbot, view, "arrived")
    assert text(view, "current-heading") == "Betjänas nu"
    assert "A001 är här" in text(view, "point-message")
    assert not button(view, "recall").isEnabled() and not button(view, "arrived").isEnabled()
    assert button(view, "finish").isEnabled()
    assert queue_snapshot(ui_ctx.store, ui_clock).ticket("A001").state == "serving"


def test_transfer_moves_the_ticket_to_another_queue(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "A")
    click(qtbot, view, "call-next")
    click(qtbot, view, "transfer")
    menu = view.transfer_menu
    qtbot.waitUntil(menu.isVisible)
    names = [a.objectName() for a in menu.actions()]
    assert "transfer-to-A" not in names
    assert {"transfer-to-B", "transfer-to-C", "transfer-to-D"} <= set(names)
    menu.findChild(QAction, "transfer-to-B").trigger()
    assert view.pages.currentWidget() is view.form  # what was done so far, if anything
    assert "Flytta A001 till kö B" in view.form.title.text()
    click(qtbot, view.form, "move-without-errands")
    assert text(view, "point-message") == "A001 är flyttad till kö B."
    ticket = queue_snapshot(ui_ctx.store, ui_clock).ticket("A001")
    assert (ticket.queue_letter, ticket.state) == ("B", "waiting")
    assert text(view, "current-ticket") == ""


def test_a_transfer_logs_the_part_handled_first(qtbot, view, ui_ctx, ui_clock):
    from tests.ui.test_errand_form import choose, field

    issue(ui_ctx, ui_clock, "A")
    click(qtbot, view, "call-next")
    ui_clock.advance(minutes=4)
    view._transfer_form("C")
    form = view.form
    field(form, 1, "type").setCurrentIndex(0)
    choose(field(form, 1, "outcome"), "documents")
    click(qtbot, form, "save-errands")
    assert text(view, "point-message") == "A001 är flyttad till kö C – 1 ärende sparat."
    ticket = queue_snapshot(ui_ctx.store, ui_clock).ticket("A001")
    assert (ticket.queue_letter, ticket.origin_letter, ticket.state) == ("C", "A", "waiting")


def test_park_then_resume(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "D", "D")
    click(qtbot, view, "call-next")
    click(qtbot, view, "park")
    parked = view.findChild(QTableView, "parked-list")
    assert parked.model().rowCount() == 1
    assert parked.model().index(0, 0).data(KEY_ROLE) == "D001"
    assert button(view, "resume").isEnabled()
    click(qtbot, view, "call-next")  # the next one meanwhile
    assert text(view, "current-ticket") == "D002"
    assert not button(view, "resume").isEnabled()
    click(qtbot, view, "return-to-queue")
    assert queue_snapshot(ui_ctx.store, ui_clock).ticket("D002").state == "waiting"
    click(qtbot, view, "resume")
    assert text(view, "current-ticket") == "D001"
    assert parked.model().rowCount() == 0


def test_call_a_chosen_ticket_out_of_order(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "A", "B", "C")
    picker = view.findChild(QComboBox, "waiting-picker")
    picker.setCurrentIndex(picker.findData("C001", KEY_ROLE))
    click(qtbot, view, "call-specific")
    assert text(view, "current-ticket") == "C001"
    assert not button(view, "call-specific").isEnabled()


def test_finish_opens_the_errand_form_with_the_usual_agency(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "A")
    click(qtbot, view, "call-next")
    click(qtbot, view, "finish")
    form = view.findChild(ErrandForm, "errand-form")
    assert form.isVisible()
    assert not button(view, "call-next").isVisible()
    agency = form.findChild(QGroupBox, "errand-row-1").findChild(QComboBox, "errand-agency")
    assert agency.currentData(KEY_ROLE) == "FK"
    # Cancel goes back without finishing.
    click(qtbot, form, "cancel-errands")
    assert button(view, "finish").isVisible()
    assert text(view, "current-ticket") == "A001"


def test_saving_errands_finishes_and_gets_ready_for_the_next(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "A", "A")
    click(qtbot, view, "call-next")
    click(qtbot, view, "finish")
    form = view.findChild(ErrandForm, "errand-form")
    row1 = form.findChild(QGroupBox, "errand-row-1")
    row1.findChild(QComboBox, "errand-type").setCurrentIndex(0)
    outcome = row1.findChild(QComboBox, "errand-outcome")
    outcome.setCurrentIndex(outcome.findData("resolved", KEY_ROLE))
    click(qtbot, form, "add-errand")
    row2 = form.findChild(QGroupBox, "errand-row-2")
    agency = row2.findChild(QComboBox, "errand-agency")
    agency.setCurrentIndex(agency.findData("PM", KEY_ROLE))
    row2.findChild(QComboBox, "errand-type").setCurrentIndex(1)
    outcome = row2.findChild(QComboBox, "errand-outcome")
    outcome.setCurrentIndex(outcome.findData("referred", KEY_ROLE))
    target = row2.findChild(QComboBox, "errand-referral")
    target.setCurrentIndex(target.findData("KRONOFOGDEN", KEY_ROLE))
    with qtbot.waitSignal(form.saved) as saved:
        click(qtbot, form, "save-errands")
    assert text(view, "point-message") == "A001 avslutad – 2 ärenden sparade"
    assert button(view, "call-next").isVisible() and button(view, "call-next").isEnabled()
    assert text(view, "current-ticket") == ""
    stored = errands.visit_errands(ui_ctx.store, saved.args[0].visit_id)
    assert [e.referral_target_code for e in stored.errands] == [None, "KRONOFOGDEN"]
    click(qtbot, view, "call-next")
    assert text(view, "current-ticket") == "A002"


def test_quick_errand_stores_a_visit_without_ticket(qtbot, view, ui_ctx):
    click(qtbot, view, "quick-errand")
    form = view.findChild(ErrandForm, "errand-form")
    assert form.isVisible()
    row1 = form.findChild(QGroupBox, "errand-row-1")
    agency = row1.findChild(QComboBox, "errand-agency")
    agency.setCurrentIndex(agency.findData("GEMENSAMT", KEY_ROLE))
    row1.findChild(QComboBox, "errand-type").setCurrentIndex(0)
    outcome = row1.findChild(QComboBox, "errand-outcome")
    outcome.setCurrentIndex(outcome.findData("e-service", KEY_ROLE))
    with qtbot.waitSignal(form.saved) as saved:
        click(qtbot, form, "save-errands")
    ref = saved.args[0]
    assert (ref.ticket_code, ref.channel) == (None, "desk")
    assert errands.visit_errands(ui_ctx.store, ref.visit_id).errands[0].agency_code == "GEMENSAMT"
    assert text(view, "point-message") == "Besök vid disk registrerat – 1 ärende sparat"


def test_service_timer_ticks(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "B")
    click(qtbot, view, "call-next")
    assert text(view, "service-timer") == "00:00"
    ui_clock.advance(minutes=3)
    qtbot.waitUntil(lambda: text(view, "service-timer") == "03:00", timeout=3000)
    assert timer_text(3725) == "1:02:05"


def test_function_key_calls_next(qtbot, view, ui_ctx, ui_clock):
    issue(ui_ctx, ui_clock, "B")
    view.activateWindow()
    qtbot.waitActive(view)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert text(view, "current-ticket") == "B001"
    qtbot.keyClick(view, Qt.Key.Key_F10)
    assert view.findChild(ErrandForm, "errand-form").isVisible()
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_F5)  # not while the form is open
    assert "betjänar fortfarande" not in text(view, "point-message")
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
    assert button(view, "finish").isVisible()
    assert text(view, "current-ticket") == "B001"


def test_a_database_failure_is_said_in_swedish_and_nothing_is_called(
    qtbot, view, ui_ctx, ui_clock, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    from app.services.queue.desk import QueueDesk

    issue(ui_ctx, ui_clock, "A")

    def locked(*_args, **_kwargs):
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    monkeypatch.setattr(QueueDesk, "call_next", locked)
    click(qtbot, view, "call-next")
    assert "Det gick inte att spara i databasen" in text(view, "point-message")
    assert [t.code for t in queue_snapshot(ui_ctx.store, ui_clock).waiting] == ["A001"]


def _wheel(widget, down: bool = True) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_neither_the_wheel_nor_arrow_keys_change_the_chosen_point(qtbot, ui_ctx):
    view = make_view(qtbot, ui_ctx)
    choose_point(view, 3)
    picker = view.findChild(QComboBox, "point-picker")
    picker.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_End):
        qtbot.keyClick(picker, key)
    _wheel(picker)
    _wheel(picker, down=False)
    assert picker.currentData() == 3
